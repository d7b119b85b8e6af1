package dev.lakeformation.core.h2;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * An H2 query result read as Arrow record batches, in row order: the schema and the writers come
 * from {@link ArrowMapping} when the reader is made, so a type that has no Arrow counterpart fails
 * before any row is read. LakeFormation Local cuts its work units from these batches, and the
 * driver's system tables hand them to their result sets.
 */
public final class ResultBatches {
  private final ResultSet rows;
  private final Schema schema;
  private final ValueWriter[] writers;
  private boolean more;

  private ResultBatches(ResultSet rows, List<ArrowMapping.MappedColumn> columns) throws SQLException {
    this.rows = rows;
    this.schema = new Schema(columns.stream().map(ArrowMapping.MappedColumn::field).toList());
    this.writers = columns.stream().map(ArrowMapping.MappedColumn::writer).toArray(ValueWriter[]::new);
    this.more = rows.next();
  }

  /** Reads {@code rows} from its current position; the caller keeps closing it. */
  public static ResultBatches of(ResultSet rows) throws SQLException {
    return new ResultBatches(rows, ArrowMapping.columns(rows.getMetaData()));
  }

  public Schema schema() {
    return schema;
  }

  /** Whether rows are left to read. */
  public boolean hasMore() {
    return more;
  }

  /**
   * The next rows, at most {@code maxRows} of them, as a batch whose buffers come from
   * {@code allocator}; the caller closes it. A value that cannot be written fails with the
   * batch already freed.
   */
  public VectorSchemaRoot next(BufferAllocator allocator, int maxRows) throws SQLException {
    VectorSchemaRoot batch = VectorSchemaRoot.create(schema, allocator);
    try {
      List<FieldVector> vectors = batch.getFieldVectors();
      for (FieldVector vector : vectors) {
        vector.setInitialCapacity(maxRows);
        vector.allocateNew();
      }
      int count = 0;
      while (more && count < maxRows) {
        for (int c = 0; c < writers.length; c++) {
          writers[c].write(rows, c + 1, vectors.get(c), count);
        }
        count++;
        more = rows.next();
      }
      batch.setRowCount(count);
      return batch;
    } catch (SQLException | RuntimeException e) {
      batch.close();
      throw e;
    }
  }
}
