package dev.lakeformation.jdbc.resultset.accessor;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.StructVector;

/**
 * Struct vectors, reported as STRUCT. {@code getObject} gives a Map of field name to value
 * (in field order); {@code getObject(i, Struct.class)} a java.sql.Struct.
 */
final class StructAccessor extends ColumnAccessor {
  private final String typeName;
  private final List<String> fieldNames;
  private final List<ColumnAccessor> fields;

  /** @param typeName the struct type's name, as ResultSetMetaData gives it ({@code STRUCT<x:INTEGER,…>}) */
  StructAccessor(String columnName, String typeName, List<String> fieldNames, List<ColumnAccessor> fields) {
    super(columnName);
    this.typeName = typeName;
    this.fieldNames = fieldNames;
    this.fields = fields;
  }

  /** What Struct.getSQLTypeName gives: the type's name, not the column's. */
  String typeName() {
    return typeName;
  }

  @Override
  public void bind(FieldVector vector) {
    super.bind(vector);
    StructVector struct = (StructVector) vector;
    for (int i = 0; i < fields.size(); i++) {
      bindChild(fields.get(i), (FieldVector) struct.getChildByOrdinal(i), struct.getValueCount());
    }
  }

  Map<String, Object> map(int row) throws SQLException {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < fields.size(); i++) {
      ColumnAccessor field = fields.get(i);
      values.put(fieldNames.get(i), field.isNull(row) ? null : field.getObject(row));
    }
    return values;
  }

  Object[] attributes(int row) throws SQLException {
    return map(row).values().toArray();
  }

  @Override
  public Object getObject(int row) throws SQLException {
    return map(row);
  }

  @Override
  public String getString(int row) throws SQLException {
    return String.valueOf(map(row));
  }

  @Override
  protected String describe() {
    return "struct";
  }
}
