package dev.lakeformation.spark.column;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Decimal;

/**
 * Unsigned integers, widened to the next Spark type that holds every value, never wrapped (as the
 * JDBC side reads them): uint8 as ShortType, uint16 as IntegerType, uint32 as LongType, uint64 as
 * DECIMAL(20,0).
 */
final class UnsignedIntColumn extends FixedWidthColumn {
  static final int UINT64_DIGITS = 20;
  private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

  private UnsignedIntColumn(DataType type) {
    super(type);
  }

  static UnsignedIntColumn ofWidth(int bits) {
    return new UnsignedIntColumn(switch (bits) {
      case 8 -> DataTypes.ShortType;
      case 16 -> DataTypes.IntegerType;
      case 32 -> DataTypes.LongType;
      default -> DataTypes.createDecimalType(UINT64_DIGITS, 0);
    });
  }

  @Override
  public short getShort(int rowId) {
    return (short) (data.getByte(rowId) & 0xFF);
  }

  @Override
  public int getInt(int rowId) {
    return data.getShort((long) rowId * 2) & 0xFFFF;
  }

  @Override
  public long getLong(int rowId) {
    return data.getInt((long) rowId * 4) & 0xFFFF_FFFFL;
  }

  @Override
  public Decimal getDecimal(int rowId, int precision, int scale) {
    long raw = data.getLong((long) rowId * 8);
    return raw >= 0 ? Decimal.apply(raw, precision, scale)
        : Decimal.apply(new BigDecimal(BigInteger.valueOf(raw).add(TWO_TO_64)), precision, scale);
  }
}
