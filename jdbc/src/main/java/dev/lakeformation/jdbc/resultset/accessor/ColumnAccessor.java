package dev.lakeformation.jdbc.resultset.accessor;

import dev.lakeformation.api.SqlState;
import dev.lakeformation.jdbc.errors.SqlErrors;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * Reads the values of one column from its Arrow vector. One accessor is chosen per column
 * (see {@link Accessors}) and re-bound to each new batch's vector; getters take the row index
 * and are only called for non-null values (the result set checks {@link #isNull} first).
 *
 * <p>Getters read the buffers of a validated batch at their addresses, without Arrow's checks
 * on every access: a batch reaching an accessor has been checked as a whole (buffer lengths,
 * offsets, and dictionary indices before the dictionaries are decoded: see the query layer's
 * stream decoder and batch validation), {@link #bind} checks
 * once that each buffer an accessor reads holds the vector's values, and callers ask only for
 * rows below the vector's value count (the result set checks that once per batch).
 *
 * <p>Every getter here fails with "cannot convert"; each vector family overrides what it
 * supports, reading its vector directly. Narrowing conversions check the range: a value that
 * does not fit is an error, never a silently wrapped number.
 */
public abstract class ColumnAccessor {
  /**
   * Integer digits beyond which a conversion that writes every digit out (a BigInteger, a scale)
   * is refused: far more than any SQL number has, few enough that text such as "1e999999999"
   * cannot make the driver build a number of a billion digits.
   */
  static final int MAX_DIGITS = 10_000;

  protected final String columnName;
  /** The column's vector in the current batch. */
  protected FieldVector vector;
  /**
   * The address of the vector's validity bitmap, read directly: {@code vector.isNull} is an
   * interface call through many vector classes and a checked read on every getter. Zero when
   * the bitmap need not be read: the batch's column has no null, or it has no bitmap.
   */
  private long validity;
  /** True for vectors without a bitmap (unions), which say themselves what is null. */
  private boolean nullsFromVector;

  protected ColumnAccessor(String columnName) {
    this.columnName = columnName;
  }

  /** Points the accessor at the vector of the current batch. */
  public void bind(FieldVector vector) {
    this.vector = vector;
    ArrowBuf bitmap;
    try {
      bitmap = vector.getValidityBuffer();
    } catch (UnsupportedOperationException e) {
      bitmap = null;
    }
    this.nullsFromVector = bitmap == null;
    if (bitmap == null) {
      this.validity = 0;
    } else {
      long address = address(bitmap, (vector.getValueCount() + 7L) / 8, "validity bitmap");
      // Most columns of most batches have no null: looking at the bitmap once per batch (Arrow's
      // check stops at the first null, where its null count would read every bit) spares every
      // getter of the batch a read of it.
      this.validity = BitVectorHelper.checkAllBitsEqualTo(bitmap, vector.getValueCount(), true) ? 0 : address;
    }
  }

  /**
   * Binds the accessor of a child vector that is read at the parent's rows (a struct's field, a
   * map entry's key or value): the child must hold at least {@code rows} values.
   */
  protected final void bindChild(ColumnAccessor child, FieldVector childVector, int rows) {
    if (childVector.getValueCount() < rows) {
      throw new IllegalArgumentException("column " + columnName + " has a child " + childVector.getName() + " of "
          + childVector.getValueCount() + " values, fewer than its " + rows);
    }
    child.bind(childVector);
  }

  public boolean isNull(int row) {
    if (validity == 0) {
      return nullsFromVector && vector.isNull(row);
    }
    return (MemoryUtil.getByte(validity + (row >>> 3)) & (1 << (row & 7))) == 0;
  }

  /**
   * The address of a buffer of the bound vector, once it is known to hold {@code bytes}: what
   * makes reading it by address, row by row, safe. A shorter one is a corrupt batch.
   */
  protected final long address(ArrowBuf buffer, long bytes, String what) {
    if (buffer.capacity() < bytes) {
      throw new IllegalArgumentException("column " + columnName + " has a " + what + " of " + buffer.capacity()
          + " bytes, too short for its " + vector.getValueCount() + " values");
    }
    return buffer.memoryAddress();
  }

  // ---------------------------------------------------------------- getters

  /** The value as the JDBC object of the column's type (Integer, BigDecimal, Timestamp …). */
  public abstract Object getObject(int row) throws SQLException;

  public String getString(int row) throws SQLException {
    return String.valueOf(getObject(row));
  }

  public boolean getBoolean(int row) throws SQLException {
    throw cannotConvert("boolean");
  }

  public long getLong(int row) throws SQLException {
    throw cannotConvert("long");
  }

  public int getInt(int row) throws SQLException {
    return (int) narrow(getLong(row), Integer.MIN_VALUE, Integer.MAX_VALUE, "int");
  }

  public short getShort(int row) throws SQLException {
    return (short) narrow(getLong(row), Short.MIN_VALUE, Short.MAX_VALUE, "short");
  }

  public byte getByte(int row) throws SQLException {
    return (byte) narrow(getLong(row), Byte.MIN_VALUE, Byte.MAX_VALUE, "byte");
  }

  public double getDouble(int row) throws SQLException {
    throw cannotConvert("double");
  }

  public float getFloat(int row) throws SQLException {
    double value = getDouble(row);
    if (!Double.isFinite(value) || Math.abs(value) <= Float.MAX_VALUE) {
      return (float) value;
    }
    throw outOfRange(value, "float");
  }

  public BigDecimal getBigDecimal(int row) throws SQLException {
    throw cannotConvert("BigDecimal");
  }

  /** The value rounded half up to {@code scale} digits after the point (JDBC's deprecated getBigDecimal). */
  public final BigDecimal getBigDecimal(int row, int scale) throws SQLException {
    BigDecimal value = getBigDecimal(row);
    int integerDigits = value.precision() - value.scale();
    if (integerDigits < -scale) {
      // Under a tenth of the last place kept: zero, found without dividing by a power of ten as
      // long as the value's exponent (1E-999999999 has one of a billion digits).
      return BigDecimal.ZERO.setScale(scale);
    }
    if (integerDigits + Math.max(scale, 0) > MAX_DIGITS) {
      throw outOfRange(value, "BigDecimal of scale " + scale);
    }
    return value.setScale(scale, RoundingMode.HALF_UP);
  }

  /** The value without its fraction (toward zero), as a BigInteger. */
  final BigInteger getBigInteger(int row) throws SQLException {
    BigDecimal value = getBigDecimal(row);
    int integerDigits = value.precision() - value.scale();
    if (integerDigits <= 0) {
      return BigInteger.ZERO;
    }
    if (integerDigits > MAX_DIGITS) {
      throw outOfRange(value, "BigInteger");
    }
    return value.toBigInteger();
  }

  public byte[] getBytes(int row) throws SQLException {
    throw cannotConvert("byte[]");
  }

  public Date getDate(int row, Calendar calendar) throws SQLException {
    throw cannotConvert("Date");
  }

  public Time getTime(int row, Calendar calendar) throws SQLException {
    throw cannotConvert("Time");
  }

  public Timestamp getTimestamp(int row, Calendar calendar) throws SQLException {
    throw cannotConvert("Timestamp");
  }

  public Array getArray(int row) throws SQLException {
    throw cannotConvert("Array");
  }

  /**
   * The value as {@code type}: the JDBC object when it is one, else a java.time type or a
   * standard conversion (see {@link ObjectConversions}).
   */
  public <T> T getObject(int row, Class<T> type) throws SQLException {
    return ObjectConversions.convert(this, row, type);
  }

  protected final SQLException cannotConvert(String target) {
    return SqlErrors.of(SqlState.DATA_EXCEPTION, "Column " + columnName + " (" + describe()
        + ") cannot be read as " + target + ".");
  }

  protected final SQLException outOfRange(Object value, String target) {
    return SqlErrors.of(SqlState.NUMERIC_OUT_OF_RANGE, "The value " + abbreviated(String.valueOf(value))
        + " of column " + columnName + " does not fit in " + target + ".");
  }

  protected final long narrow(long value, long min, long max, String target) throws SQLException {
    if (value < min || value > max) {
      throw outOfRange(value, target);
    }
    return value;
  }

  /**
   * The value without its fraction (toward zero), if it fits in a long. Its digits are counted
   * first: a value like 1E+999999999 (text may hold one) must not be written out to find that out.
   */
  protected final long truncatedToLong(BigDecimal value) throws SQLException {
    int integerDigits = value.precision() - value.scale();
    if (integerDigits <= 0) {
      return 0;
    }
    if (integerDigits <= 19) {
      try {
        return value.setScale(0, RoundingMode.DOWN).longValueExact();
      } catch (ArithmeticException e) {
        // beyond the range of long: reported below
      }
    }
    throw outOfRange(value, "long");
  }

  /** A value as an error message shows it: short ones whole, long ones by their start and length. */
  static String abbreviated(String value) {
    return value.length() <= 40 ? value : value.substring(0, 32) + "…(" + value.length() + " characters)";
  }

  /** A short description of the column's type, for error messages. */
  protected abstract String describe();
}
