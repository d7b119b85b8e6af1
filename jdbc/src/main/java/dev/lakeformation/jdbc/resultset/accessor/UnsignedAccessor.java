package dev.lakeformation.jdbc.resultset.accessor;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;

/**
 * Unsigned integers of 8, 16, 32 and 64 bits. Values are widened, never wrapped: a UInt64
 * above Long.MAX_VALUE is read as a BigDecimal, and getLong on it is an out-of-range error.
 */
final class UnsignedAccessor extends FixedWidthAccessor {
  private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

  private final int width;

  UnsignedAccessor(String columnName, int bitWidth) {
    super(columnName);
    this.width = bitWidth / 8;
  }

  private long raw(int row) {
    return switch (width) {
      case 1 -> byteAt(row) & 0xFFL;
      case 2 -> shortAt(row) & 0xFFFFL;
      case 4 -> intAt(row) & 0xFFFF_FFFFL;
      default -> longAt(row);
    };
  }

  @Override
  public long getLong(int row) throws SQLException {
    long value = raw(row);
    if (width == 8 && value < 0) {
      throw outOfRange(Long.toUnsignedString(value), "long");
    }
    return value;
  }

  @Override
  public Object getObject(int row) {
    long value = raw(row);
    return switch (width) {
      case 1, 2 -> (int) value;
      case 4 -> value;
      default -> getBigDecimal(row);
    };
  }

  @Override
  public String getString(int row) {
    return Long.toUnsignedString(raw(row));
  }

  @Override
  public boolean getBoolean(int row) {
    return raw(row) != 0;
  }

  @Override
  public double getDouble(int row) {
    long value = raw(row);
    return value >= 0 ? value : new BigInteger(Long.toUnsignedString(value)).doubleValue();
  }

  /** Rounded once, to the nearest float (through a double it could be rounded twice, and land one off). */
  @Override
  public float getFloat(int row) {
    long value = raw(row);
    return value >= 0 ? value : new BigInteger(Long.toUnsignedString(value)).floatValue();
  }

  @Override
  public BigDecimal getBigDecimal(int row) {
    long value = raw(row);
    return value >= 0 ? BigDecimal.valueOf(value)
        : new BigDecimal(BigInteger.valueOf(value).add(TWO_TO_64));
  }

  @Override
  protected String describe() {
    return "uint" + width * 8;
  }
}
