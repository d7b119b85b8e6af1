package dev.lakeformation.jdbc.resultset;

import dev.lakeformation.core.query.BatchSource;
import dev.lakeformation.core.query.FetchedBatch;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/** A source of one batch built in memory: the result set owns the batch once handed out, the source until then. */
final class OneBatch implements BatchSource {
  private final Schema schema;
  private VectorSchemaRoot root;

  OneBatch(VectorSchemaRoot root) {
    this.schema = root.getSchema();
    this.root = root;
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public FetchedBatch next() {
    VectorSchemaRoot batch = root;
    root = null;
    return batch == null ? null : FetchedBatch.inMemory(batch);
  }

  @Override
  public void close() {
    if (root != null) {
      root.close();
      root = null;
    }
  }
}
