package dev.lakeformation.jdbc.fetch;

import java.sql.SQLException;
import org.apache.arrow.vector.types.pojo.Schema;

/** Where a result set's record batches come from, in the order they are to be read. */
public interface BatchSource extends AutoCloseable {
  /** The result's columns; blocks until the first work unit's schema is known. */
  Schema schema() throws SQLException;

  /** The next batch (the caller closes it when done with it), or null at the end. */
  FetchedBatch next() throws SQLException;

  /** Stops all fetching and frees every buffer; idempotent. */
  @Override
  void close();
}
