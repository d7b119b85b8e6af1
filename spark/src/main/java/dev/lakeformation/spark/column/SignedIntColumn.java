package dev.lakeformation.spark.column;

import org.apache.spark.sql.types.DataType;

/**
 * Signed integers of 8, 16, 32 and 64 bits, which are Spark's own physical forms: ByteType,
 * ShortType, IntegerType and LongType, and the types Spark keeps as an int (DateType: days,
 * YearMonthIntervalType: months) when the Arrow vector holds exactly that int. Spark calls the
 * getter of the column's width only.
 */
final class SignedIntColumn extends FixedWidthColumn {
  SignedIntColumn(DataType type) {
    super(type);
  }

  @Override
  public byte getByte(int rowId) {
    return data.getByte(rowId);
  }

  @Override
  public short getShort(int rowId) {
    return data.getShort((long) rowId * 2);
  }

  @Override
  public int getInt(int rowId) {
    return data.getInt((long) rowId * 4);
  }

  @Override
  public long getLong(int rowId) {
    return data.getLong((long) rowId * 8);
  }
}
