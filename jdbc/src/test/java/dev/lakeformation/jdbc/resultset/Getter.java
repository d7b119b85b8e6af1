package dev.lakeformation.jdbc.resultset;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Struct;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

/**
 * Every way of reading a column by index: each getter, the Calendar forms, and
 * {@code getObject(i, Class)} for each class a caller may ask for. Some are by definition another
 * getter's result in another form ({@link #base}): a stream is its getter's value, getObject(i,
 * Integer.class) is getInt's.
 */
enum Getter {
  STRING(null, ResultSet::getString),
  NSTRING(null, ResultSet::getNString),
  CHARACTER_STREAM(null, (rs, c) -> text(rs.getCharacterStream(c))),
  NCHARACTER_STREAM(null, (rs, c) -> text(rs.getNCharacterStream(c))),
  ASCII_STREAM(null, (rs, c) -> latin1(rs.getAsciiStream(c))),
  BOOLEAN(false, ResultSet::getBoolean),
  BYTE((byte) 0, ResultSet::getByte),
  SHORT((short) 0, ResultSet::getShort),
  INT(0, ResultSet::getInt),
  LONG(0L, ResultSet::getLong),
  FLOAT(0f, ResultSet::getFloat),
  DOUBLE(0d, ResultSet::getDouble),
  BIG_DECIMAL(null, ResultSet::getBigDecimal),
  @SuppressWarnings("deprecation")
  BIG_DECIMAL_SCALE_2(null, (rs, c) -> rs.getBigDecimal(c, 2)),
  BYTES(null, ResultSet::getBytes),
  BINARY_STREAM(null, (rs, c) -> bytes(rs.getBinaryStream(c))),
  DATE(null, ResultSet::getDate),
  DATE_IN_CALENDAR(null, (rs, c) -> rs.getDate(c, calendar())),
  TIME(null, ResultSet::getTime),
  TIME_IN_CALENDAR(null, (rs, c) -> rs.getTime(c, calendar())),
  TIMESTAMP(null, ResultSet::getTimestamp),
  TIMESTAMP_IN_CALENDAR(null, (rs, c) -> rs.getTimestamp(c, calendar())),
  ARRAY(null, ResultSet::getArray),
  OBJECT(null, ResultSet::getObject),
  OBJECT_WITH_TYPE_MAP(null, (rs, c) -> rs.getObject(c, Map.of("T", String.class))),
  AS_OBJECT(Object.class),
  AS_STRING(String.class),
  AS_BOOLEAN(Boolean.class),
  AS_BYTE(Byte.class),
  AS_SHORT(Short.class),
  AS_INTEGER(Integer.class),
  AS_LONG(Long.class),
  AS_FLOAT(Float.class),
  AS_DOUBLE(Double.class),
  AS_BIG_DECIMAL(BigDecimal.class),
  AS_BIG_INTEGER(BigInteger.class),
  AS_BYTES(byte[].class),
  AS_DATE(Date.class),
  AS_TIME(Time.class),
  AS_TIMESTAMP(Timestamp.class),
  AS_LOCAL_DATE(LocalDate.class),
  AS_LOCAL_TIME(LocalTime.class),
  AS_LOCAL_DATE_TIME(LocalDateTime.class),
  AS_OFFSET_DATE_TIME(OffsetDateTime.class),
  AS_OFFSET_TIME(OffsetTime.class),
  AS_ZONED_DATE_TIME(ZonedDateTime.class),
  AS_INSTANT(Instant.class),
  AS_DURATION(Duration.class),
  AS_PERIOD(Period.class),
  AS_ARRAY(Array.class),
  AS_LIST(List.class),
  AS_MAP(Map.class),
  AS_STRUCT(Struct.class);

  @FunctionalInterface
  interface Read {
    Object read(ResultSet rs, int column) throws SQLException;
  }

  /** What the getter returns for SQL NULL: null, or zero and false for primitives. */
  private final Object nullResult;
  private final Read read;
  /** The class getObject(i, Class) is asked for; null for the other getters. */
  private final Class<?> target;

  Getter(Object nullResult, Read read) {
    this.nullResult = nullResult;
    this.read = read;
    this.target = null;
  }

  Getter(Class<?> target) {
    this.nullResult = null;
    this.read = (rs, c) -> rs.getObject(c, target);
    this.target = target;
  }

  Class<?> target() {
    return target;
  }

  Object nullResult() {
    return nullResult;
  }

  /** The value read from {@code column} of the current row, in {@link Normal} form. */
  Object read(ResultSet rs, int column) throws SQLException {
    Object value = read.read(rs, column);
    return value == null ? null : Normal.of(value, zone());
  }

  /** The zone java.sql date-times are read in: the Calendar's, or the JVM's. */
  ZoneId zone() {
    return name().endsWith("_IN_CALENDAR") ? ConformanceData.CALENDAR_ZONE : ConformanceData.JVM_ZONE;
  }

  /** A fresh Calendar of the suite's calendar zone (a Calendar is mutable: never shared). */
  static Calendar calendar() {
    return Calendar.getInstance(TimeZone.getTimeZone(ConformanceData.CALENDAR_ZONE));
  }

  /** The getter whose result this one's is, in another form ({@link #fromBase}); itself when none. */
  Getter base() {
    return switch (this) {
      case NSTRING, CHARACTER_STREAM, NCHARACTER_STREAM, ASCII_STREAM, AS_STRING -> STRING;
      case BINARY_STREAM, AS_BYTES -> BYTES;
      case BIG_DECIMAL_SCALE_2, AS_BIG_DECIMAL -> BIG_DECIMAL;
      case OBJECT_WITH_TYPE_MAP, AS_OBJECT -> OBJECT;
      case AS_BOOLEAN -> BOOLEAN;
      case AS_BYTE -> BYTE;
      case AS_SHORT -> SHORT;
      case AS_INTEGER -> INT;
      case AS_LONG -> LONG;
      case AS_FLOAT -> FLOAT;
      case AS_DOUBLE -> DOUBLE;
      case AS_DATE -> DATE;
      case AS_TIME -> TIME;
      case AS_TIMESTAMP -> TIMESTAMP;
      case AS_ARRAY -> ARRAY;
      default -> this;
    };
  }

  /**
   * This getter's outcome, given its {@link #base}'s: an ASCII stream has '?' for every character
   * outside ASCII, {@code getBigDecimal(i, 2)} rounds half up to two places.
   */
  Outcome fromBase(Outcome base) {
    if (!(base instanceof Outcome.Value value)) {
      return base;
    }
    return switch (this) {
      case ASCII_STREAM -> Outcome.value(((String) value.expected()).codePoints()
          .map(c -> c < 128 ? c : '?')
          .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString());
      case BIG_DECIMAL_SCALE_2 -> scale2((BigDecimal) value.expected());
      default -> base;
    };
  }

  /** Rounded half up to 2 places: zero below a thousandth; 22003 where that would write out 10,000 digits or more. */
  private static Outcome scale2(BigDecimal value) {
    int integerDigits = ConversionTable.integerDigits(value);
    if (integerDigits < -2) {
      return Outcome.value(BigDecimal.ZERO.setScale(2));
    }
    return integerDigits + 2 > 10_000 ? Outcome.fails("22003") : Outcome.value(value.setScale(2, RoundingMode.HALF_UP));
  }

  private static String text(Reader reader) {
    if (reader == null) {
      return null;
    }
    try (reader) {
      StringBuilder out = new StringBuilder();
      char[] buffer = new char[64];
      for (int n; (n = reader.read(buffer)) > 0; ) {
        out.append(buffer, 0, n);
      }
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(InputStream in) {
    if (in == null) {
      return null;
    }
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bytes as they are, one character each, so that a byte outside ASCII shows. */
  private static String latin1(InputStream in) {
    byte[] bytes = bytes(in);
    return bytes == null ? null : new String(bytes, ISO_8859_1);
  }
}
