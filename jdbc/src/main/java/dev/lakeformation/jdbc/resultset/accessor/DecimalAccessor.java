package dev.lakeformation.jdbc.resultset.accessor;

import java.math.BigDecimal;
import java.nio.ByteOrder;
import java.sql.SQLException;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.Decimal256Vector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Decimal (128-bit) and Decimal256 vectors, read as BigDecimal with the column's scale. Most
 * 128-bit values fit in a long (all of TPC-H's do): those are read as two longs and built with
 * {@code BigDecimal.valueOf(unscaled, scale)}, with no BigInteger or byte array in between.
 */
final class DecimalAccessor extends FixedWidthAccessor {
  /** Arrow stores decimals little-endian; the two-long read needs the platform to agree. */
  private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
  private static final int CACHE_SLOTS = 256;
  /** After this many values, a column whose values mostly missed the cache stops using it. */
  private static final int CACHE_TRIAL = 4_096;

  private DecimalVector decimal;
  private Decimal256Vector decimal256;
  private int scale;
  /**
   * Recently built values by unscaled value: quantities, discounts and rates repeat on every
   * row, and a BigDecimal, being immutable, can be handed out again. Used only while it hits.
   */
  private final long[] cachedUnscaled = new long[CACHE_SLOTS];
  private final BigDecimal[] cachedValues = new BigDecimal[CACHE_SLOTS];
  private int cacheLookups;
  private int cacheHits;
  private boolean cacheOff;

  DecimalAccessor(String columnName) {
    super(columnName);
  }

  @Override
  public void bind(FieldVector vector) {
    super.bind(vector);
    this.decimal = vector instanceof DecimalVector d ? d : null;
    this.decimal256 = vector instanceof Decimal256Vector d ? d : null;
    int columnScale = decimal != null ? decimal.getScale() : decimal256.getScale();
    if (columnScale != scale) {
      java.util.Arrays.fill(cachedValues, null); // cached values carry the old scale
    }
    this.scale = columnScale;
  }

  @Override
  public BigDecimal getBigDecimal(int row) {
    if (decimal != null && LITTLE_ENDIAN) {
      long at = data + ((long) row << 4);
      long low = MemoryUtil.getLong(at);
      long high = MemoryUtil.getLong(at + 8);
      if (high == (low >> 63)) {
        return cached(low);
      }
    }
    return decimal != null ? decimal.getObjectNotNull(row) : decimal256.getObjectNotNull(row);
  }

  private BigDecimal cached(long unscaled) {
    if (cacheOff) {
      return BigDecimal.valueOf(unscaled, scale);
    }
    if (++cacheLookups == CACHE_TRIAL) {
      cacheOff = cacheHits * 2 < CACHE_TRIAL;
    }
    int slot = (int) (unscaled ^ (unscaled >>> 32)) & (CACHE_SLOTS - 1);
    BigDecimal value = cachedValues[slot];
    if (value != null && cachedUnscaled[slot] == unscaled) {
      cacheHits++;
      return value;
    }
    value = BigDecimal.valueOf(unscaled, scale);
    cachedUnscaled[slot] = unscaled;
    cachedValues[slot] = value;
    return value;
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
    return truncatedToLong(getBigDecimal(row));
  }

  @Override
  public double getDouble(int row) {
    return getBigDecimal(row).doubleValue();
  }

  /** Rounded once, to the nearest float (through a double it could be rounded twice, and land one off). */
  @Override
  public float getFloat(int row) throws SQLException {
    float value = getBigDecimal(row).floatValue();
    if (Float.isInfinite(value)) {
      throw outOfRange(getBigDecimal(row), "float");
    }
    return value;
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
