package dev.lakeformation.jdbc.query;

import dev.lakeformation.jdbc.errors.LakeFormationException;
import dev.lakeformation.jdbc.resultset.ArrowResultSet;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Work-unit bodies served from memory, read through the code that reads the service's bodies:
 * the {@link WorkUnitReader} of each unit inside a {@link ResultStream}, behind the driver's
 * {@link ArrowResultSet}. Only the HTTP call is left out, so hostile bytes meet every check and
 * every error mapping that ships.
 */
final class UnitsInMemory implements UnitBodies, WorkUnitSource {
  private static final String QUERY_ID = "00000000-0000-0000-0000-0000000000aa";

  private final List<byte[]> bodies;
  private final AtomicInteger next = new AtomicInteger();

  private UnitsInMemory(List<byte[]> bodies) {
    this.bodies = bodies;
  }

  /**
   * Reads every value of every row of {@code units} (one body per unit) with getObject and
   * getString, as the driver's result set does; returns the rows. Anything but an SQLException escapes.
   */
  static long readAll(List<byte[]> units, BufferAllocator allocator) throws SQLException {
    UnitsInMemory source = new UnitsInMemory(units);
    FetchSettings settings = new FetchSettings(2, 1L << 20, null, true, 0, Duration.ofMillis(1),
        Duration.ofMillis(1), Duration.ofSeconds(5));
    ResultStream stream = new ResultStream(QUERY_ID, source, source, settings, new RetryPolicy(0),
        Cancellation.none(), QueryListener.NONE, allocator, FetchThreads.shared());
    long rows = 0;
    try (ResultSet rs = new ArrowResultSet(stream, null, Long.MAX_VALUE, () -> { })) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int c = 1; c <= columns; c++) {
          rs.getObject(c);
          rs.getString(c);
        }
        rows++;
      }
    }
    return rows;
  }

  static long readAll(byte[] body, BufferAllocator allocator) throws SQLException {
    return readAll(List.of(body), allocator);
  }

  @Override
  public WorkUnit next() {
    int index = next.getAndIncrement();
    return index < bodies.size() ? new WorkUnit(QUERY_ID, index, index, "token") : null;
  }

  @Override
  public UnitBody open(WorkUnit unit, Cancellation cancellation, QueryListener listener)
      throws LakeFormationException {
    cancellation.check();
    byte[] bytes = bodies.get((int) unit.index());
    InputStream stream = new ByteArrayInputStream(bytes);
    return new UnitBody() {
      @Override
      public InputStream stream() {
        return stream;
      }

      @Override
      public long expectedLength() {
        return bytes.length;
      }

      @Override
      public void abort() {
        // nothing to drop
      }

      @Override
      public void close() {
        // nothing to release
      }
    };
  }
}
