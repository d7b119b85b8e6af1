package dev.lakeformation.jdbc.systemtable;

import dev.lakeformation.jdbc.resultset.ArrowResultSet;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Rows held in memory with typed columns: what DatabaseMetaData answers, and what a system table
 * fetched before H2 evaluates a statement over it. {@link #toResultSet} hands the rows out as one
 * Arrow batch through {@link ArrowResultSet}, so these results have the same getters,
 * conversions and metadata as query results.
 */
public record InMemoryTable(String name, List<SystemColumn> columns, List<Object[]> rows) {

  public InMemoryTable {
    columns = List.copyOf(columns);
    for (Object[] row : rows) {
      if (row.length != columns.size()) {
        throw new IllegalArgumentException("a row of " + name + " has " + row.length + " values for "
            + columns.size() + " columns");
      }
    }
  }

  /** The rows as a result set; its Arrow buffers come from {@code allocator} and go with it. */
  public ArrowResultSet toResultSet(BufferAllocator allocator, Statement statement) throws SQLException {
    List<Field> fields = new ArrayList<>();
    for (SystemColumn column : columns) {
      fields.add(column.field());
    }
    VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(fields), allocator);
    try {
      root.allocateNew();
      for (int c = 0; c < columns.size(); c++) {
        fill(root.getVector(c), c);
      }
      root.setRowCount(rows.size());
    } catch (RuntimeException e) {
      root.close();
      throw e;
    }
    return new ArrowResultSet(new InMemoryBatches(root.getSchema(), List.of(root)), statement, Long.MAX_VALUE,
        () -> { });
  }

  private void fill(FieldVector vector, int column) {
    for (int r = 0; r < rows.size(); r++) {
      Object value = rows.get(r)[column];
      if (value == null) {
        vector.setNull(r);
        continue;
      }
      switch (columns.get(column).kind()) {
        case VARCHAR -> ((VarCharVector) vector).setSafe(r, value.toString().getBytes(StandardCharsets.UTF_8));
        case SMALLINT -> ((SmallIntVector) vector).setSafe(r, ((Number) value).intValue());
        case INTEGER -> ((IntVector) vector).setSafe(r, ((Number) value).intValue());
        case BIGINT -> ((BigIntVector) vector).setSafe(r, ((Number) value).longValue());
        case DOUBLE -> ((Float8Vector) vector).setSafe(r, ((Number) value).doubleValue());
        case BOOLEAN -> ((BitVector) vector).setSafe(r, (Boolean) value ? 1 : 0);
        case TIMESTAMP_TZ -> {
          Instant instant = (Instant) value;
          ((TimeStampMicroTZVector) vector).setSafe(r,
              Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000));
        }
        case ARRAY_VARCHAR -> {
          ListVector list = (ListVector) vector;
          List<?> items = (List<?>) value;
          int start = list.startNewValue(r);
          VarCharVector elements = (VarCharVector) list.getDataVector();
          for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == null) {
              elements.setNull(start + i);
            } else {
              elements.setSafe(start + i, items.get(i).toString().getBytes(StandardCharsets.UTF_8));
            }
          }
          list.endValue(r, items.size());
        }
      }
    }
    vector.setValueCount(rows.size());
  }
}
