package dev.lakeformation.jdbc.resultset.accessor;

/**
 * Types read through the vector's own {@code getObject}: intervals (Period, Duration or
 * PeriodDuration) and unions. They are rare in results, so no fast path is kept for them.
 */
final class GenericAccessor extends ColumnAccessor {

  GenericAccessor(String columnName) {
    super(columnName);
  }

  @Override
  public Object getObject(int row) {
    return vector.getObject(row);
  }

  @Override
  protected String describe() {
    return vector.getField().getType().toString();
  }
}
