package dev.lakeformation.jdbc.resultset.accessor;

import java.math.BigDecimal;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/** Bool (bit) vectors. */
final class BooleanAccessor extends ColumnAccessor {
  private BitVector bits;

  BooleanAccessor(String columnName) {
    super(columnName);
  }

  @Override
  public void bind(FieldVector vector) {
    super.bind(vector);
    this.bits = (BitVector) vector;
  }

  @Override
  public boolean getBoolean(int row) {
    return bits.get(row) != 0;
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
    return bits.get(row);
  }

  @Override
  public double getDouble(int row) {
    return bits.get(row);
  }

  @Override
  public BigDecimal getBigDecimal(int row) {
    return BigDecimal.valueOf(bits.get(row));
  }

  @Override
  protected String describe() {
    return "bool";
  }
}
