package dev.lakeformation.jdbc.resultset.accessor;

import java.math.BigDecimal;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/** Bool (bit) vectors. */
final class BooleanAccessor extends ColumnAccessor {
  private BitVector vector;

  BooleanAccessor(String columnName) {
    super(columnName);
  }

  @Override
  public void bind(FieldVector vector) {
    this.vector = (BitVector) vector;
  }

  @Override
  public boolean isNull(int row) {
    return vector.isNull(row);
  }

  @Override
  public boolean getBoolean(int row) {
    return vector.get(row) != 0;
  }

  @Override
  public Object getObject(int row) {
    return getBoolean(row);
  }

  @Override
  public String getString(int row) {
    return getBoolean(row) ? "TRUE" : "FALSE";
  }

  @Override
  public long getLong(int row) {
    return vector.get(row);
  }

  @Override
  public double getDouble(int row) {
    return vector.get(row);
  }

  @Override
  public BigDecimal getBigDecimal(int row) {
    return BigDecimal.valueOf(vector.get(row));
  }

  @Override
  protected String describe() {
    return "bool";
  }
}
