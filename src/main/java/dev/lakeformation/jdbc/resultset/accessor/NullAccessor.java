package dev.lakeformation.jdbc.resultset.accessor;

import org.apache.arrow.vector.FieldVector;

/** The Null type: every value is SQL NULL. */
final class NullAccessor extends ColumnAccessor {
  NullAccessor(String columnName) {
    super(columnName);
  }

  @Override
  public void bind(FieldVector vector) {}

  @Override
  public boolean isNull(int row) {
    return true;
  }

  @Override
  public Object getObject(int row) {
    return null;
  }

  @Override
  protected String describe() {
    return "null";
  }
}
