package dev.lakeformation.jdbc.systemtable;

import dev.lakeformation.core.query.BatchSource;
import dev.lakeformation.core.query.FetchedBatch;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/** Batches already in memory, handed out in order; those never handed out are freed on close. */
final class InMemoryBatches implements BatchSource {
  private final Schema schema;
  private final Deque<VectorSchemaRoot> batches;

  /** Takes ownership of {@code batches}, each of {@code schema}. */
  InMemoryBatches(Schema schema, List<VectorSchemaRoot> batches) {
    this.schema = schema;
    this.batches = new ArrayDeque<>(batches);
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public synchronized FetchedBatch next() {
    VectorSchemaRoot next = batches.poll();
    return next == null ? null : FetchedBatch.inMemory(next);
  }

  @Override
  public synchronized void close() {
    VectorSchemaRoot batch;
    while ((batch = batches.poll()) != null) {
      batch.close();
    }
  }
}
