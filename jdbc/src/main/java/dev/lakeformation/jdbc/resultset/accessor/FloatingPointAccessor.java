package dev.lakeformation.jdbc.resultset.accessor;

import java.math.BigDecimal;
import java.sql.SQLException;
import org.apache.arrow.memory.util.Float16;

/**
 * Float2 and Float4 (REAL, read as Float) and Float8 (DOUBLE, read as Double) vectors. A half
 * float widens exactly to a float, so it reads as one.
 */
final class FloatingPointAccessor extends FixedWidthAccessor {
  /** Bytes per value: 2, 4 or 8. */
  private final int width;

  FloatingPointAccessor(String columnName, int width) {
    super(columnName);
    this.width = width;
  }

  private float single(int row) {
    return width == 4 ? Float.intBitsToFloat(intAt(row)) : Float16.toFloat(shortAt(row));
  }

  @Override
  public double getDouble(int row) {
    return width == 8 ? Double.longBitsToDouble(longAt(row)) : single(row);
  }

  @Override
  public float getFloat(int row) throws SQLException {
    return width == 8 ? super.getFloat(row) : single(row);
  }

  @Override
  public Object getObject(int row) {
    return width == 8 ? (Object) Double.longBitsToDouble(longAt(row)) : (Object) single(row);
  }

  @Override
  public String getString(int row) {
    return width == 8 ? Double.toString(Double.longBitsToDouble(longAt(row))) : Float.toString(single(row));
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

  /** The shortest decimal that reads back as the same float or double (0.1f is 0.1, not 0.100000001…). */
  @Override
  public BigDecimal getBigDecimal(int row) throws SQLException {
    double value = getDouble(row);
    if (!Double.isFinite(value)) {
      throw outOfRange(value, "BigDecimal");
    }
    return width == 8 ? BigDecimal.valueOf(value) : new BigDecimal(Float.toString((float) value));
  }

  @Override
  protected String describe() {
    return "float" + width * 8;
  }
}
