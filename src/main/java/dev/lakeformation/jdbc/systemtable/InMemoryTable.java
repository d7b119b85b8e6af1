package dev.lakeformation.jdbc.systemtable;

import dev.lakeformation.jdbc.errors.SqlErrors;
import dev.lakeformation.jdbc.query.BatchSource;
import dev.lakeformation.jdbc.query.FetchedBatch;
import dev.lakeformation.jdbc.resultset.ArrowResultSet;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Rows held in memory with typed columns: what system tables and DatabaseMetaData answer.
 * {@link #select} applies a parsed query (filter, order, limit, column list);
 * {@link #toResultSet} hands the rows out as one Arrow batch through {@link ArrowResultSet}, so
 * these results have the same getters, conversions and metadata as query results.
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

  /** An empty table with these columns. */
  public static InMemoryTable empty(String name, List<SystemColumn> columns) {
    return new InMemoryTable(name, columns, List.of());
  }

  /** Column name (lower case) to index. */
  Map<String, Integer> indexes() {
    Map<String, Integer> indexes = new LinkedHashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      indexes.put(columns.get(i).name().toLowerCase(java.util.Locale.ROOT), i);
    }
    return indexes;
  }

  /** The rows and columns {@code query} asks for, in its order, at most its limit. */
  public InMemoryTable select(SystemQuery query) throws SQLException {
    Map<String, Integer> indexes = indexes();
    RowFilter filter = RowFilter.bind(query.where(), name, columns, indexes);
    Comparator<Object[]> order = comparator(query.orderBy(), indexes);
    int[] projection = new int[query.selectsAll() ? columns.size() : query.columns().size()];
    for (int i = 0; i < projection.length; i++) {
      projection[i] = query.selectsAll() ? i : RowFilter.index(query.columns().get(i), name, indexes);
    }
    List<Object[]> selected = new ArrayList<>();
    for (Object[] row : rows) {
      if (filter.matches(row)) {
        selected.add(row);
      }
    }
    if (order != null) {
      selected.sort(order);
    }
    if (query.limit() >= 0 && selected.size() > query.limit()) {
      selected = selected.subList(0, (int) query.limit());
    }
    List<SystemColumn> projectedColumns = new ArrayList<>();
    for (int index : projection) {
      projectedColumns.add(columns.get(index));
    }
    List<Object[]> projected = new ArrayList<>(selected.size());
    for (Object[] row : selected) {
      Object[] out = new Object[projection.length];
      for (int i = 0; i < projection.length; i++) {
        out[i] = row[projection[i]];
      }
      projected.add(out);
    }
    return new InMemoryTable(name, projectedColumns, projected);
  }

  private Comparator<Object[]> comparator(List<SystemQuery.SortKey> keys, Map<String, Integer> indexes)
      throws SQLException {
    Comparator<Object[]> order = null;
    for (SystemQuery.SortKey key : keys) {
      int index = RowFilter.index(key.column(), name, indexes);
      SystemColumn column = columns.get(index);
      if (column.kind() == SystemColumn.Kind.ARRAY_VARCHAR) {
        throw SqlErrors.unsupported("ORDER BY the array column " + column.name());
      }
      Comparator<Object> values = (a, b) -> RowFilter.comparable(column.kind(), a)
          .compareTo(RowFilter.comparable(column.kind(), b));
      if (!key.ascending()) {
        values = values.reversed();
      }
      Comparator<Object> withNulls = key.nullsFirst() ? Comparator.nullsFirst(values) : Comparator.nullsLast(values);
      Comparator<Object[]> byKey = (a, b) -> withNulls.compare(a[index], b[index]);
      order = order == null ? byKey : order.thenComparing(byKey);
    }
    return order;
  }

  /** The rows as a result set; its Arrow buffers come from {@code allocator} and go with it. */
  public ArrowResultSet toResultSet(BufferAllocator allocator, Statement statement) throws SQLException {
    return toResultSet(allocator, statement, Long.MAX_VALUE, () -> { });
  }

  /** As {@link #toResultSet(BufferAllocator, Statement)}, for a statement's limit and close hook. */
  public ArrowResultSet toResultSet(BufferAllocator allocator, Statement statement, long rowLimit, Runnable onClose)
      throws SQLException {
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
    return new ArrowResultSet(new OneBatch(root), statement, rowLimit, onClose);
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

  /** A source of exactly one batch, already in memory. */
  private static final class OneBatch implements BatchSource {
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
    public synchronized FetchedBatch next() {
      VectorSchemaRoot next = root;
      root = null;
      return next == null ? null : FetchedBatch.inMemory(next);
    }

    @Override
    public synchronized void close() {
      if (root != null) {
        root.close();
        root = null;
      }
    }
  }
}
