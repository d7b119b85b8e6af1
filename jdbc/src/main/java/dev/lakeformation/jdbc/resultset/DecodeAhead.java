package dev.lakeformation.jdbc.resultset;

import dev.lakeformation.core.query.BatchPreparer;
import dev.lakeformation.jdbc.resultset.accessor.ColumnAccessor;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Builds, on the fetch threads, the values a result set's getters will return, so that the one
 * thread reading the rows mostly picks up objects that are ready (a String, a BigDecimal, a
 * date), instead of building each one itself while the fetch threads wait.
 *
 * <p>Only columns the reader actually reads are prepared, and only in the form it reads them:
 * a column is prepared from the first batch after a getter built one of its values itself (its
 * accessor tells, once). A column that is never read costs nothing; the first batches of a
 * result are read the ordinary way.
 */
final class DecodeAhead implements BatchPreparer {
  private final ColumnAccessor[] accessors;
  /** 1 for each column whose values the reader builds: those are prepared ahead. */
  private final AtomicIntegerArray wanted;

  DecodeAhead(ColumnAccessor[] accessors) {
    this.accessors = accessors;
    this.wanted = new AtomicIntegerArray(accessors.length);
    for (int column = 0; column < accessors.length; column++) {
      if (accessors[column].preparesAhead()) {
        int index = column;
        accessors[column].onFirstBuild(() -> wanted.set(index, 1));
      }
    }
  }

  /** Prepared values per column (null for columns not prepared), or null when no column is. */
  @Override
  public Prepared prepare(VectorSchemaRoot batch) {
    ColumnAccessor.PreparedColumn[] columns = null;
    long heapBytes = 0;
    List<FieldVector> vectors = batch.getFieldVectors();
    for (int column = 0; column < accessors.length; column++) {
      if (wanted.get(column) == 0) {
        continue;
      }
      ColumnAccessor.PreparedColumn prepared = accessors[column].prepare(vectors.get(column));
      if (prepared != null) {
        if (columns == null) {
          columns = new ColumnAccessor.PreparedColumn[accessors.length];
        }
        columns[column] = prepared;
        heapBytes += prepared.heapBytes();
      }
    }
    return columns == null ? null : new Prepared(columns, heapBytes);
  }
}
