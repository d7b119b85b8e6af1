package dev.lakeformation.jdbc.resultset.accessor;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteOrder;
import java.sql.SQLException;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.Decimal256Vector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Decimal (128-bit) and Decimal256 vectors, read as BigDecimal with the column's scale. Most
 * 128-bit values fit in a long (all of TPC-H's do): those are read as two longs and built with
 * {@code BigDecimal.valueOf(unscaled, scale)}, with no BigInteger or byte array in between.
 */
final class DecimalAccessor extends ColumnAccessor {
  /** Arrow stores decimals little-endian; the two-long read needs the platform to agree. */
  private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

  private DecimalVector decimal;
  private Decimal256Vector decimal256;
  private ArrowBuf data;
  private int scale;

  DecimalAccessor(String columnName) {
    super(columnName);
  }

  @Override
  public void bind(FieldVector vector) {
    super.bind(vector);
    this.decimal = vector instanceof DecimalVector d ? d : null;
    this.decimal256 = vector instanceof Decimal256Vector d ? d : null;
    this.data = vector.getDataBuffer();
    this.scale = decimal != null ? decimal.getScale() : decimal256.getScale();
  }

  @Override
  public BigDecimal getBigDecimal(int row) {
    if (decimal != null && LITTLE_ENDIAN) {
      long low = data.getLong((long) row * 16);
      long high = data.getLong((long) row * 16 + 8);
      if (high == (low >> 63)) {
        return BigDecimal.valueOf(low, scale);
      }
    }
    return decimal != null ? decimal.getObjectNotNull(row) : decimal256.getObjectNotNull(row);
  }

  @Override
  public Object getObject(int row) {
    return getBigDecimal(row);
  }

  @Override
  public String getString(int row) {
    return getBigDecimal(row).toPlainString();
  }

  /** Drops the fraction (toward zero), as a cast does; a value out of range is an error. */
  @Override
  public long getLong(int row) throws SQLException {
    BigDecimal value = getBigDecimal(row).setScale(0, RoundingMode.DOWN);
    try {
      return value.longValueExact();
    } catch (ArithmeticException e) {
      throw outOfRange(value, "long");
    }
  }

  @Override
  public double getDouble(int row) {
    return getBigDecimal(row).doubleValue();
  }

  @Override
  public boolean getBoolean(int row) {
    return getBigDecimal(row).signum() != 0;
  }

  @Override
  protected String describe() {
    return vector.getField().getType().toString();
  }
}
