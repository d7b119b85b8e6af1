package dev.lakeformation.jdbc.resultset.accessor;

import org.apache.arrow.vector.util.Text;

/**
 * Types read through the vector's own {@code getObject}: intervals (Period, Duration or
 * PeriodDuration) and run-end encoded columns. They are rare in results, so no fast path is kept
 * for them.
 */
final class GenericAccessor extends ColumnAccessor {

  GenericAccessor(String columnName) {
    super(columnName);
  }

  /** Text as a String: Arrow's own Text class is relocated inside the one-file jar, where no caller can use it. */
  @Override
  public Object getObject(int row) {
    Object value = vector.getObject(row);
    return value instanceof Text text ? text.toString() : value;
  }

  @Override
  protected String describe() {
    return vector.getField().getType().toString();
  }
}
