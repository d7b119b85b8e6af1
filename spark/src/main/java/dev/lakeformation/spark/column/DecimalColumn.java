package dev.lakeformation.spark.column;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteOrder;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Decimal;

/**
 * Decimal128 and Decimal256 columns of at most 38 digits, as DECIMAL(p,s). A value whose unscaled
 * form fits in a long (every value up to 18 digits, and most beyond) is built from that long,
 * with no BigInteger in between; wider values go through BigDecimal. Spark checks each value
 * against the precision, so a body with a value wider than its declared type fails the task
 * instead of yielding a wrong number.
 */
final class DecimalColumn extends FixedWidthColumn {
  /** Arrow stores decimals little-endian; reading them as longs needs the platform to agree. */
  private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

  private final int words;

  DecimalColumn(ArrowType.Decimal type) {
    super(DataTypes.createDecimalType(type.getPrecision(), type.getScale()));
    this.words = type.getBitWidth() / 64;
  }

  /** Spark passes the column's own precision and scale. */
  @Override
  public Decimal getDecimal(int rowId, int precision, int scale) {
    long base = (long) rowId * words * 8;
    if (LITTLE_ENDIAN) {
      long low = data.getLong(base);
      long signWord = low >> 63;
      boolean fitsInLong = true;
      for (int w = 1; w < words && fitsInLong; w++) {
        fitsInLong = data.getLong(base + w * 8L) == signWord;
      }
      if (fitsInLong) {
        return Decimal.apply(low, precision, scale);
      }
    }
    byte[] bigEndian = new byte[words * 8];
    for (int i = 0; i < bigEndian.length; i++) {
      bigEndian[i] = data.getByte(base + bigEndian.length - 1 - i);
    }
    return Decimal.apply(new BigDecimal(new BigInteger(bigEndian), scale), precision, scale);
  }
}
