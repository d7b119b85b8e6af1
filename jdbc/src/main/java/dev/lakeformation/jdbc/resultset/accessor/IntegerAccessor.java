package dev.lakeformation.jdbc.resultset.accessor;

import java.math.BigDecimal;

/**
 * Signed integers of 8, 16, 32 and 64 bits (TinyInt, SmallInt, Int, BigInt vectors), read
 * straight from the data buffer: no boxing, no per-row lookups.
 */
final class IntegerAccessor extends FixedWidthAccessor {
  private final int width;

  IntegerAccessor(String columnName, int bitWidth) {
    super(columnName);
    this.width = bitWidth / 8;
  }

  @Override
  public long getLong(int row) {
    return switch (width) {
      case 1 -> byteAt(row);
      case 2 -> shortAt(row);
      case 4 -> intAt(row);
      default -> longAt(row);
    };
  }

  @Override
  public int getInt(int row) throws java.sql.SQLException {
    return width <= 4 ? (int) getLong(row) : super.getInt(row);
  }

  @Override
  public Object getObject(int row) {
    long value = getLong(row);
    // JDBC maps TINYINT, SMALLINT and INTEGER to Integer, BIGINT to Long.
    return width <= 4 ? (Object) (int) value : (Object) value;
  }

  @Override
  public String getString(int row) {
    return Long.toString(getLong(row));
  }

  @Override
  public boolean getBoolean(int row) {
    return getLong(row) != 0;
  }

  @Override
  public double getDouble(int row) {
    return getLong(row);
  }

  /** Rounded once, to the nearest float (through a double it could be rounded twice, and land one off). */
  @Override
  public float getFloat(int row) {
    return getLong(row);
  }

  @Override
  public BigDecimal getBigDecimal(int row) {
    return BigDecimal.valueOf(getLong(row));
  }

  @Override
  protected String describe() {
    return "int" + width * 8;
  }
}
