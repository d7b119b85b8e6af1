package dev.lakeformation.jdbc.resultset.accessor;

/** The Null type: every value is SQL NULL. */
final class NullAccessor extends ColumnAccessor {
  NullAccessor(String columnName) {
    super(columnName);
  }

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
