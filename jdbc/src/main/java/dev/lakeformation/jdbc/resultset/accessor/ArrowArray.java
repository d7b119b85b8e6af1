package dev.lakeformation.jdbc.resultset.accessor;

import dev.lakeformation.api.SqlState;
import dev.lakeformation.jdbc.errors.SqlErrors;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;

/** A java.sql.Array over the elements of one list value, already read from its vector. */
final class ArrowArray implements Array {
  private Object[] elements;
  private final String baseTypeName;
  private final int baseType;

  ArrowArray(Object[] elements, String baseTypeName, int baseType) {
    this.elements = elements;
    this.baseTypeName = baseTypeName;
    this.baseType = baseType;
  }

  private Object[] elements() throws SQLException {
    if (elements == null) {
      throw SqlErrors.closed("array (free() was called)");
    }
    return elements;
  }

  @Override
  public String getBaseTypeName() throws SQLException {
    elements();
    return baseTypeName;
  }

  @Override
  public int getBaseType() throws SQLException {
    elements();
    return baseType;
  }

  @Override
  public Object getArray() throws SQLException {
    return elements().clone();
  }

  @Override
  public Object getArray(Map<String, Class<?>> map) throws SQLException {
    return getArray();
  }

  /** JDBC counts array elements from 1. */
  @Override
  public Object getArray(long index, int count) throws SQLException {
    Object[] all = elements();
    if (index < 1 || count < 0 || index - 1 + count > all.length) {
      throw SqlErrors.of(SqlState.INVALID_PARAMETER, "Elements " + index + " to " + (index + count - 1)
          + " are outside this array of " + all.length + " elements (the first is 1).");
    }
    return Arrays.copyOfRange(all, (int) index - 1, (int) (index - 1 + count));
  }

  @Override
  public Object getArray(long index, int count, Map<String, Class<?>> map) throws SQLException {
    return getArray(index, count);
  }

  @Override
  public ResultSet getResultSet() throws SQLException {
    throw SqlErrors.unsupported("Array.getResultSet (use Array.getArray)");
  }

  @Override
  public ResultSet getResultSet(Map<String, Class<?>> map) throws SQLException {
    return getResultSet();
  }

  @Override
  public ResultSet getResultSet(long index, int count) throws SQLException {
    return getResultSet();
  }

  @Override
  public ResultSet getResultSet(long index, int count, Map<String, Class<?>> map) throws SQLException {
    return getResultSet();
  }

  @Override
  public void free() {
    elements = null;
  }

  @Override
  public String toString() {
    return elements == null ? "[freed]" : String.valueOf(Arrays.asList(elements));
  }
}
