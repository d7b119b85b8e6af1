package dev.lakeformation.core.query;

import dev.lakeformation.api.LakeFormationException;
import org.apache.arrow.vector.types.pojo.Schema;

/** Where a result's record batches come from, in the order they are to be read. */
public interface BatchSource extends AutoCloseable {
  /** The result's columns; blocks until the first work unit's schema is known. */
  Schema schema() throws LakeFormationException;

  /** The next batch (the caller closes it when done with it), or null at the end. */
  FetchedBatch next() throws LakeFormationException;

  /** The Lake Formation query these batches are the rows of, or null (a system table's, say). */
  default String queryId() {
    return null;
  }

  /** Stops all fetching and frees every buffer; idempotent. */
  @Override
  void close();
}
