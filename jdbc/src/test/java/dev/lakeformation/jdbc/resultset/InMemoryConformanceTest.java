package dev.lakeformation.jdbc.resultset;

import java.sql.ResultSet;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The conformance suite over batches that go straight from Arrow's reader into an
 * {@link ArrowResultSet}, with no fetch path in between. Closing the allocator at the end fails
 * if any result left a buffer behind.
 */
class InMemoryConformanceTest extends ResultSetConformance {
  private static BufferAllocator allocator;

  @BeforeAll
  static void allocator() {
    allocator = new RootAllocator();
  }

  @AfterAll
  static void everyBufferWasFreed() {
    allocator.close();
  }

  @Override
  protected ResultSet open(List<byte[]> units) throws Exception {
    return new ArrowResultSet(new ArrowReaderBatches(units, allocator), null, Long.MAX_VALUE, () -> { });
  }
}
