package dev.lakeformation.jdbc.resultset.accessor;

import org.apache.arrow.vector.FieldVector;

/**
 * Types read through the vector's own {@code getObject}: intervals (Period, Duration or
 * PeriodDuration) and unions. They are rare in results, so no fast path is kept for them.
 */
final class GenericAccessor extends ColumnAccessor {
  private FieldVector vector;

  GenericAccessor(String columnName) {
    super(columnName);
  }

  @Override
  public void bind(FieldVector vector) {
    this.vector = vector;
  }

  @Override
  public boolean isNull(int row) {
    return vector.isNull(row);
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
