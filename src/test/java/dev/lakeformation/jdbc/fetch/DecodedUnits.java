package dev.lakeformation.jdbc.fetch;

import dev.lakeformation.jdbc.errors.SqlErrors;
import dev.lakeformation.jdbc.resultset.ArrowResultSet;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * One work-unit body read the way the driver reads it, minus HTTP: {@link UnitStreamDecoder}
 * behind a result set, every value of every row read with getObject and getString. Decoder
 * failures become SQLExceptions, as {@link WorkUnitFetcher} makes them.
 */
final class DecodedUnits {
  private DecodedUnits() {}

  /** Reads all of {@code body}; returns the rows read. Anything but an SQLException escapes. */
  static long readAll(byte[] body, BufferAllocator allocator) throws SQLException {
    UnitStreamDecoder decoder = new UnitStreamDecoder(new ByteArrayInputStream(body), allocator);
    BatchSource source = new BatchSource() {
      @Override
      public Schema schema() throws SQLException {
        try {
          return decoder.schema();
        } catch (IOException | RuntimeException e) {
          throw SqlErrors.of(SqlErrors.DATA_EXCEPTION, "not a valid unit: " + e, e);
        }
      }

      @Override
      public FetchedBatch next() throws SQLException {
        try {
          VectorSchemaRoot batch = decoder.next();
          return batch == null ? null : FetchedBatch.inMemory(batch);
        } catch (IOException | RuntimeException e) {
          throw SqlErrors.of(SqlErrors.DATA_EXCEPTION, "not a valid unit: " + e, e);
        }
      }

      @Override
      public void close() {
        try {
          decoder.close();
        } catch (IOException e) {
          // reading from memory
        }
      }
    };
    long rows = 0;
    try (ResultSet rs = new ArrowResultSet(source, null, Long.MAX_VALUE, () -> { })) {
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
}
