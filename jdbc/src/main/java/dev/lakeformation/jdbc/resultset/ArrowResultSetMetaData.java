package dev.lakeformation.jdbc.resultset;

import dev.lakeformation.api.SqlState;
import dev.lakeformation.jdbc.errors.SqlErrors;
import dev.lakeformation.core.types.ArrowFieldTypes;
import dev.lakeformation.core.types.SqlType;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/** Column descriptions taken from the Arrow schema, through {@link ArrowFieldTypes}. */
public final class ArrowResultSetMetaData implements ResultSetMetaData, SelfWrapper {
  private final List<Field> fields;
  private final SqlType[] types;

  public ArrowResultSetMetaData(Schema schema) {
    this.fields = schema.getFields();
    this.types = fields.stream().map(ArrowFieldTypes::of).toArray(SqlType[]::new);
  }

  private int index(int column) throws SQLException {
    if (column < 1 || column > fields.size()) {
      throw SqlErrors.of(SqlState.INVALID_COLUMN, "Column index " + column + " is out of range: the result has "
          + fields.size() + " columns (the first is 1).");
    }
    return column - 1;
  }

  @Override
  public int getColumnCount() {
    return fields.size();
  }

  @Override
  public boolean isAutoIncrement(int column) throws SQLException {
    index(column);
    return false;
  }

  @Override
  public boolean isCaseSensitive(int column) throws SQLException {
    return types[index(column)].className().equals("java.lang.String");
  }

  @Override
  public boolean isSearchable(int column) throws SQLException {
    index(column);
    return true;
  }

  @Override
  public boolean isCurrency(int column) throws SQLException {
    index(column);
    return false;
  }

  @Override
  public int isNullable(int column) throws SQLException {
    return fields.get(index(column)).isNullable() ? columnNullable : columnNoNulls;
  }

  @Override
  public boolean isSigned(int column) throws SQLException {
    return types[index(column)].kind().signed();
  }

  @Override
  public int getColumnDisplaySize(int column) throws SQLException {
    return types[index(column)].displaySize();
  }

  @Override
  public String getColumnLabel(int column) throws SQLException {
    return Objects.requireNonNullElse(fields.get(index(column)).getName(), "");
  }

  @Override
  public String getColumnName(int column) throws SQLException {
    return Objects.requireNonNullElse(fields.get(index(column)).getName(), "");
  }

  @Override
  public String getSchemaName(int column) throws SQLException {
    index(column);
    return "";
  }

  @Override
  public int getPrecision(int column) throws SQLException {
    return types[index(column)].columnSize();
  }

  @Override
  public int getScale(int column) throws SQLException {
    Integer digits = types[index(column)].decimalDigits();
    return digits == null ? 0 : digits;
  }

  @Override
  public String getTableName(int column) throws SQLException {
    index(column);
    return "";
  }

  @Override
  public String getCatalogName(int column) throws SQLException {
    index(column);
    return "";
  }

  @Override
  public int getColumnType(int column) throws SQLException {
    return types[index(column)].jdbcType();
  }

  @Override
  public String getColumnTypeName(int column) throws SQLException {
    return types[index(column)].typeName();
  }

  @Override
  public boolean isReadOnly(int column) throws SQLException {
    index(column);
    return true;
  }

  @Override
  public boolean isWritable(int column) throws SQLException {
    index(column);
    return false;
  }

  @Override
  public boolean isDefinitelyWritable(int column) throws SQLException {
    index(column);
    return false;
  }

  @Override
  public String getColumnClassName(int column) throws SQLException {
    return types[index(column)].className();
  }

}
