package dev.lakeformation.jdbc.resultset.accessor;

import java.math.BigDecimal;
import java.sql.SQLException;

/** Float4 (REAL, read as Float) and Float8 (DOUBLE, read as Double) vectors. */
final class FloatingPointAccessor extends FixedWidthAccessor {
  private final boolean single;

  FloatingPointAccessor(String columnName, boolean single) {
    super(columnName);
    this.single = single;
  }

  @Override
  public double getDouble(int row) {
    return single ? data.getFloat((long) row * 4) : data.getDouble((long) row * 8);
  }

  @Override
  public float getFloat(int row) throws SQLException {
    return single ? data.getFloat((long) row * 4) : super.getFloat(row);
  }

  @Override
  public Object getObject(int row) {
    return single ? (Object) data.getFloat((long) row * 4) : (Object) data.getDouble((long) row * 8);
  }

  @Override
  public String getString(int row) {
    return single ? Float.toString(data.getFloat((long) row * 4)) : Double.toString(getDouble(row));
  }

  /** Truncates toward zero, as a cast does; NaN, infinities and out-of-range values are errors. */
  @Override
  public long getLong(int row) throws SQLException {
    double value = getDouble(row);
    if (Double.isNaN(value) || value < -0x1p63 || value >= 0x1p63) {
      throw outOfRange(value, "long");
    }
    return (long) value;
  }

  @Override
  public boolean getBoolean(int row) {
    return getDouble(row) != 0;
  }

  @Override
  public BigDecimal getBigDecimal(int row) throws SQLException {
    double value = getDouble(row);
    if (!Double.isFinite(value)) {
      throw outOfRange(value, "BigDecimal");
    }
    return single ? new BigDecimal(Float.toString((float) value)) : BigDecimal.valueOf(value);
  }

  @Override
  protected String describe() {
    return single ? "float32" : "float64";
  }
}
