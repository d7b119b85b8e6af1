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
import org.apache.arrow.vector.FieldVector;

/**
 * Reads the values of one column from its Arrow vector. One accessor is chosen per column
 * (see {@link Accessors}) and re-bound to each new batch's vector; getters take the row index
 * and are only called for non-null values (the result set checks {@link #isNull} first).
 *
 * <p>Getters read the buffers of a validated batch at their addresses, without Arrow's checks
 * on every access: a batch reaching an accessor has been checked as a whole (buffer lengths,
 * offsets, dictionary indices: see the query layer's batch validation), {@link #bind} checks
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
  /** What an estimate of a prepared array costs beyond its values: the array header and one reference per row. */
  private static final long ARRAY_BYTES = 16;
  private static final long REFERENCE_BYTES = 4;

  protected final String columnName;
  /** The column's vector in the current batch. */
  protected FieldVector vector;
  /**
   * The current batch's values in this column's natural form, built ahead on a fetch thread
   * ({@link #prepare}), by row; null when the batch came without them. Getters of that form
   * read them instead of building each value on the reader's thread.
   */
  protected Object[] prepared;
  /** Told, once, that the reader builds values a prepared batch would have held. */
  private Runnable demand;
  private boolean demanded;
  /**
   * The address of the vector's validity bitmap, read directly: {@code vector.isNull} is an
   * interface call through many vector classes and a checked read on every getter.
   */
  private long validity;
  /** False for vectors without a bitmap (unions), which say themselves what is null. */
  private boolean hasValidity;

  protected ColumnAccessor(String columnName) {
    this.columnName = columnName;
  }

  /**
   * Points the accessor at the vector of the current batch, and at its prepared values (or null),
   * which it uses only if they were built under the settings it reads with now (see {@link #preparedContext}).
   */
  public void bind(FieldVector vector, PreparedColumn column) {
    bind(vector);
    if (column != null && java.util.Objects.equals(column.context(), preparedContext())) {
      this.prepared = column.values();
    }
  }

  /** Points the accessor at the vector of the current batch, which has no prepared values. */
  public void bind(FieldVector vector) {
    this.prepared = null;
    this.vector = vector;
    ArrowBuf bitmap;
    try {
      bitmap = vector.getValidityBuffer();
    } catch (UnsupportedOperationException e) {
      bitmap = null;
    }
    this.hasValidity = bitmap != null;
    this.validity = bitmap == null ? 0 : address(bitmap, (vector.getValueCount() + 7L) / 8, "validity bitmap");
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
    if (!hasValidity) {
      return vector.isNull(row);
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

  // ---------------------------------------------------------------- decoding ahead

  /**
   * Whether this column's natural values take building (Strings, BigDecimals, dates…), so that
   * building them ahead on a fetch thread takes work off the reader's thread.
   */
  public boolean preparesAhead() {
    return false;
  }

  /** Runs {@code onDemand} the first time a getter builds a value that {@link #prepare} would have built. */
  public void onFirstBuild(Runnable onDemand) {
    this.demand = onDemand;
  }

  /** Called by getters of the prepared form when they build a value themselves. */
  protected final void built() {
    if (!demanded && demand != null) {
      demanded = true;
      demand.run();
    }
  }

  /**
   * Builds the natural value of every non-null row of {@code batchVector}, on the calling (fetch)
   * thread, with a twin of this accessor (this one belongs to the reader's thread). Null when a
   * value cannot be built: the reader's getter then builds it, and reports why it cannot.
   */
  public final PreparedColumn prepare(FieldVector batchVector) {
    ColumnAccessor twin = twin();
    twin.bind(batchVector);
    int rows = batchVector.getValueCount();
    Object[] values = preparedArray(rows);
    long heapBytes;
    try {
      heapBytes = ARRAY_BYTES + REFERENCE_BYTES * rows + twin.prepareInto(values);
    } catch (SQLException | RuntimeException e) {
      return null;
    }
    return new PreparedColumn(values, heapBytes, twin.preparedContext());
  }

  /**
   * Fills {@code values} with the natural value of every non-null row of the bound vector;
   * returns the heap they hold. Accessors with a faster way to build a whole batch override it.
   */
  protected long prepareInto(Object[] values) throws SQLException {
    long heapBytes = 0;
    for (int row = 0; row < values.length; row++) {
      if (!isNull(row)) {
        Object value = preparedValue(row);
        values[row] = value;
        heapBytes += heapBytesOf(value);
      }
    }
    return heapBytes;
  }

  /**
   * A column's prepared values, the heap they hold (an estimate, charged to the memory budget),
   * and the setting they were built under (the JVM's zone, for dates), or null.
   */
  public record PreparedColumn(Object[] values, long heapBytes, Object context) {}

  /**
   * An array of the prepared values' own class (a String[]…): the reader then takes a value out
   * of it without a cast, which would read the object's header, a cache miss on an object another
   * thread built.
   */
  protected Object[] preparedArray(int rows) {
    return new Object[rows];
  }

  /** The setting prepared values depend on, as it is now (null when they depend on none). */
  protected Object preparedContext() {
    return null;
  }

  /** A fresh accessor of the same column and type (preparing accessors only). */
  protected ColumnAccessor twin() {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " prepares nothing ahead");
  }

  /** The natural value of a non-null row, as {@link #prepare} holds it (preparing accessors only). */
  protected Object preparedValue(int row) throws SQLException {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " prepares nothing ahead");
  }

  /** The heap one prepared value holds, estimated (preparing accessors only). */
  protected long heapBytesOf(Object value) {
    return 0;
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
