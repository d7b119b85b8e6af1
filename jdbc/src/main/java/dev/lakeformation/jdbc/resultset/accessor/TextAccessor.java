package dev.lakeformation.jdbc.resultset.accessor;

import dev.lakeformation.api.SqlState;
import dev.lakeformation.jdbc.errors.SqlErrors;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.Calendar;
import java.util.Locale;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseLargeVariableWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.ViewVarCharVector;

/**
 * Utf8, LargeUtf8 and Utf8View vectors. Strings are decoded from the data buffer through one
 * reusable scratch array: the String itself is the only allocation. Short values are also kept
 * in a small direct-mapped cache of this column, so that the flags, codes and names analytics
 * results repeat on every row are handed out again instead of decoded again (Strings are
 * immutable, so sharing one is safe).
 */
final class TextAccessor extends ColumnAccessor {
  /** Values up to this long (three words) are looked up in the cache. */
  private static final int CACHED_MAX_BYTES = 24;
  private static final int CACHE_SLOTS = 256;
  private static final int KEY_LONGS = 4;

  /** After this many short values, a column whose values mostly missed stops using the cache. */
  private static final int CACHE_TRIAL = 4_096;

  /**
   * Each slot's key: the value's length and its bytes as up to three words, as {@link #word}
   * reads them. A hit is found by comparing these with the words read from the batch, without
   * copying the value out of Arrow memory.
   */
  private final long[] cachedKeys = new long[CACHE_SLOTS * KEY_LONGS];
  private final String[] cachedStrings = new String[CACHE_SLOTS];
  private int cacheLookups;
  private int cacheHits;
  private boolean cacheOff;
  /** The addresses of the current batch's offsets and text (see {@link ColumnAccessor#address}). */
  private long offsets;
  private long data;
  private int offsetWidth;
  private byte[] scratch = new byte[256];

  TextAccessor(String columnName) {
    super(columnName);
  }

  @Override
  public void bind(FieldVector vector) {
    super.bind(vector);
    if (vector instanceof BaseVariableWidthVector) {
      offsetWidth = 4;
    } else if (vector instanceof BaseLargeVariableWidthVector) {
      offsetWidth = 8;
    } else {
      offsetWidth = 0; // a view vector: read through its own API
    }
    if (offsetWidth > 0) {
      int values = vector.getValueCount();
      ArrowBuf offsetBuffer = vector.getOffsetBuffer();
      offsets = values == 0 ? 0 : address(offsetBuffer, (values + 1L) * offsetWidth, "offset buffer");
      // Validated batches' offsets never decrease: the last one bounds every value's bytes.
      long end = values == 0 ? 0 : offsetWidth == 4 ? MemoryUtil.getInt(offsets + values * 4L)
          : MemoryUtil.getLong(offsets + values * 8L);
      data = address(vector.getDataBuffer(), end, "data buffer");
    }
  }

  @Override
  public String getString(int row) {
    if (offsetWidth == 0) {
      return new String(((ViewVarCharVector) vector).get(row), StandardCharsets.UTF_8);
    }
    long start;
    long end;
    if (offsetWidth == 4) {
      start = MemoryUtil.getInt(offsets + ((long) row << 2));
      end = MemoryUtil.getInt(offsets + ((long) (row + 1) << 2));
    } else {
      start = MemoryUtil.getLong(offsets + ((long) row << 3));
      end = MemoryUtil.getLong(offsets + ((long) (row + 1) << 3));
    }
    int length = (int) (end - start);
    if (length <= CACHED_MAX_BYTES && !cacheOff) {
      return cached(data + start, length);
    }
    return decode(data + start, length);
  }

  private String decode(long address, int length) {
    if (scratch.length < length) {
      scratch = new byte[Math.max(length, scratch.length * 2)];
    }
    MemoryUtil.copyFromMemory(address, scratch, 0, length);
    return new String(scratch, 0, length, StandardCharsets.UTF_8);
  }

  /** Short text at {@code address}: from the cache when it repeats, decoded (and kept there) when not. */
  private String cached(long address, int length) {
    if (++cacheLookups == CACHE_TRIAL) {
      cacheOff = cacheHits * 2 < CACHE_TRIAL; // high cardinality: keeping values only costs
    }
    long first = word(address, length, 0);
    long second = length > 8 ? word(address, length, 1) : 0;
    long third = length > 16 ? word(address, length, 2) : 0;
    int slot = slot(length, first, second, third);
    int key = slot * KEY_LONGS;
    String value = cachedStrings[slot];
    if (value != null && cachedKeys[key] == length && cachedKeys[key + 1] == first && cachedKeys[key + 2] == second
        && cachedKeys[key + 3] == third) {
      cacheHits++;
      return value;
    }
    value = decode(address, length);
    cachedKeys[key] = length;
    cachedKeys[key + 1] = first;
    cachedKeys[key + 2] = second;
    cachedKeys[key + 3] = third;
    cachedStrings[slot] = value;
    return value;
  }

  /** The cache slot of short text, from its key. */
  static int slot(int length, long first, long second, long third) {
    long hash = (length ^ first) * 0x9E3779B97F4A7C15L;
    hash = (hash ^ second) * 0x9E3779B97F4A7C15L;
    hash = (hash ^ third) * 0x9E3779B97F4A7C15L;
    return (int) (hash >>> 56) & (CACHE_SLOTS - 1);
  }

  /**
   * Word {@code index} of the {@code length} bytes at {@code address}, read without touching a
   * byte outside them: whole words from the start, the last word ending at the value's end (it
   * may overlap the one before), and a value shorter than a word packed byte by byte. For one
   * length these words determine the bytes, which is what makes them a cache key.
   */
  static long word(long address, int length, int index) {
    if (length >= 8) {
      return MemoryUtil.getLong(address + Math.min(index * 8L, length - 8L));
    }
    if (length >= 4) {
      return MemoryUtil.getInt(address) & 0xFFFF_FFFFL | (long) MemoryUtil.getInt(address + length - 4) << 32;
    }
    long word = 0;
    for (int i = 0; i < length; i++) {
      word |= (MemoryUtil.getByte(address + i) & 0xFFL) << (i * 8);
    }
    return word;
  }

  @Override
  public Object getObject(int row) {
    return getString(row);
  }

  @Override
  public byte[] getBytes(int row) {
    return getString(row).getBytes(StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------- what text holds
  // Text converts to what it holds, as a column of that type would. Leading and trailing blanks
  // (a CHAR's padding) are ignored. Text that holds no such value fails with 22018 (numbers,
  // booleans) or 22007 (dates and times), saying what was expected.

  @Override
  public boolean getBoolean(int row) throws SQLException {
    String text = getString(row).trim();
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "t", "yes", "y", "1" -> true;
      case "false", "f", "no", "n", "0" -> false;
      default -> throw notA(text, SqlState.INVALID_CHARACTER_VALUE,
          "a boolean (true, false, t, f, yes, no, y, n, 1 or 0)");
    };
  }

  /** An integer is parsed as one; a decimal number (3.75, 1e3) loses its fraction, as a cast does. */
  @Override
  public long getLong(int row) throws SQLException {
    String text = getString(row).trim();
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return truncatedToLong(decimal(text));
    }
  }

  /** The double nearest the decimal number, or NaN, Infinity, -Infinity; one beyond double's range is 22003. */
  @Override
  public double getDouble(int row) throws SQLException {
    String text = getString(row).trim();
    Double special = special(text);
    if (special != null) {
      return special;
    }
    BigDecimal decimal = decimal(text);
    double value = decimal.doubleValue();
    if (Double.isInfinite(value)) {
      throw outOfRange(decimal, "double");
    }
    return value;
  }

  /** The float nearest the decimal number (rounded once, not through a double), or NaN or an infinity. */
  @Override
  public float getFloat(int row) throws SQLException {
    String text = getString(row).trim();
    Double special = special(text);
    if (special != null) {
      return special.floatValue();
    }
    BigDecimal decimal = decimal(text);
    float value = decimal.floatValue();
    if (Float.isInfinite(value)) {
      throw outOfRange(decimal, "float");
    }
    return value;
  }

  @Override
  public BigDecimal getBigDecimal(int row) throws SQLException {
    return decimal(getString(row).trim());
  }

  /**
   * A decimal number, as BigDecimal writes one: an optional sign, digits with an optional point,
   * an optional exponent. Not Java's other forms (hexadecimal, a trailing d or f).
   */
  private BigDecimal decimal(String text) throws SQLException {
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw notA(text, SqlState.INVALID_CHARACTER_VALUE, "a number (digits with an optional sign, point and exponent)");
    }
  }

  /** NaN and the infinities, as Java writes them; null for any other text. */
  private static Double special(String text) {
    return switch (text) {
      case "NaN" -> Double.NaN;
      case "Infinity", "+Infinity" -> Double.POSITIVE_INFINITY;
      case "-Infinity" -> Double.NEGATIVE_INFINITY;
      default -> null;
    };
  }

  @Override
  public Date getDate(int row, Calendar calendar) throws SQLException {
    String text = getString(row).trim();
    DateTimeText value = DateTimeText.parse(text);
    Date date = value == null ? null : value.toDate(zone(calendar));
    if (date == null) {
      throw notA(text, SqlState.INVALID_DATETIME_FORMAT, "a date (yyyy-mm-dd, or a timestamp)");
    }
    return date;
  }

  @Override
  public Time getTime(int row, Calendar calendar) throws SQLException {
    String text = getString(row).trim();
    DateTimeText value = DateTimeText.parse(text);
    Time time = value == null ? null : value.toTime(zone(calendar));
    if (time == null) {
      throw notA(text, SqlState.INVALID_DATETIME_FORMAT, "a time (hh:mm:ss[.fffffffff], or a timestamp)");
    }
    return time;
  }

  @Override
  public Timestamp getTimestamp(int row, Calendar calendar) throws SQLException {
    String text = getString(row).trim();
    DateTimeText value = DateTimeText.parse(text);
    if (value == null) {
      throw notA(text, SqlState.INVALID_DATETIME_FORMAT,
          "a timestamp (yyyy-mm-dd hh:mm:ss[.fffffffff], or a date or a time)");
    }
    return value.toTimestamp(zone(calendar));
  }

  private static ZoneId zone(Calendar calendar) {
    return calendar == null ? ZoneId.systemDefault() : calendar.getTimeZone().toZoneId();
  }

  /** The text is not what a getter needs; the message says what was expected, and only the start of a long text. */
  private SQLException notA(String text, String sqlState, String expected) {
    return SqlErrors.of(sqlState, "Column " + columnName + " holds '" + abbreviated(text) + "', which is not "
        + expected + ".");
  }

  @Override
  protected String describe() {
    return "utf8";
  }
}
