package dev.lakeformation.jdbc.resultset;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Struct;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TimeZone;

/**
 * Getter results in forms that compare by value, and the expected values they are compared with.
 * A java.sql.Date, Time or Timestamp is compared by the fields it shows in the zone it was read
 * in (what {@code toString} and {@code toLocalDate} show, Julian before 1582 as java.sql has it),
 * or, for an instant, by its instant.
 */
final class Normal {
  private Normal() {}

  /** A byte[], by content. */
  record Bytes(String hex) {
    static Bytes of(byte[] bytes) {
      return new Bytes(HexFormat.of().formatHex(bytes));
    }
  }

  /** A java.sql.Date, Time or Timestamp as read: its class, its fields in the reading zone, its instant. */
  record Moment(Class<?> type, LocalDateTime fields, Instant instant) {}

  /** Expected: a java.sql value of this class showing these fields in the zone it was read in. */
  record WallClock(Class<?> type, LocalDateTime fields) {}

  /** Expected: a java.sql.Timestamp of exactly this instant. */
  record AtInstant(Instant instant) {}

  record ArrayValue(String baseTypeName, int baseType, List<Object> elements) {}

  record StructValue(String typeName, List<Object> attributes) {}

  /** {@code value} in comparable form; java.sql date-times read in {@code zone}. */
  static Object of(Object value, ZoneId zone) throws SQLException {
    if (value instanceof byte[] bytes) {
      return Bytes.of(bytes);
    }
    if (value instanceof java.util.Date date) {
      return moment(date, zone);
    }
    if (value instanceof Array array) {
      return new ArrayValue(array.getBaseTypeName(), array.getBaseType(),
          list(Arrays.asList((Object[]) array.getArray()), zone));
    }
    if (value instanceof Struct struct) {
      return new StructValue(struct.getSQLTypeName(), list(Arrays.asList(struct.getAttributes()), zone));
    }
    if (value instanceof List<?> list) {
      return list(list, zone);
    }
    if (value instanceof Map<?, ?> map) {
      List<Object> entries = new ArrayList<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        entries.add(new AbstractMap.SimpleEntry<>(of(entry.getKey(), zone),
            entry.getValue() == null ? null : of(entry.getValue(), zone)));
      }
      return entries;
    }
    return value;
  }

  private static List<Object> list(List<?> values, ZoneId zone) throws SQLException {
    List<Object> normal = new ArrayList<>();
    for (Object value : values) {
      normal.add(value == null ? null : of(value, zone));
    }
    return normal;
  }

  /** The fields java.sql shows for {@code date} in {@code zone}, through the same hybrid calendar. */
  private static Moment moment(java.util.Date date, ZoneId zone) {
    GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone(zone));
    calendar.setTime(date);
    int year = calendar.get(GregorianCalendar.YEAR);
    if (calendar.get(GregorianCalendar.ERA) == GregorianCalendar.BC) {
      year = 1 - year;
    }
    int nanos = date instanceof Timestamp t ? t.getNanos() : calendar.get(GregorianCalendar.MILLISECOND) * 1_000_000;
    LocalDateTime fields = LocalDateTime.of(year, calendar.get(GregorianCalendar.MONTH) + 1,
        calendar.get(GregorianCalendar.DAY_OF_MONTH), calendar.get(GregorianCalendar.HOUR_OF_DAY),
        calendar.get(GregorianCalendar.MINUTE), calendar.get(GregorianCalendar.SECOND), nanos);
    Instant instant = date instanceof Timestamp t ? t.toInstant() : Instant.ofEpochMilli(date.getTime());
    return new Moment(date.getClass(), fields, instant);
  }

  /** Whether {@code actual} (normalized) is {@code expected}: exact classes, scales and bits. */
  static boolean matches(Object expected, Object actual) {
    if (expected instanceof WallClock wall) {
      return actual instanceof Moment m && m.type() == wall.type() && m.fields().equals(wall.fields());
    }
    if (expected instanceof AtInstant at) {
      return actual instanceof Moment m && m.type() == Timestamp.class && m.instant().equals(at.instant());
    }
    if (expected instanceof List<?> list) {
      return actual instanceof List<?> other && elementsMatch(list, other);
    }
    if (expected instanceof Map.Entry<?, ?> entry) {
      return actual instanceof Map.Entry<?, ?> other && matches(entry.getKey(), other.getKey())
          && matches(entry.getValue(), other.getValue());
    }
    if (expected instanceof ArrayValue array) {
      return actual instanceof ArrayValue other && array.baseTypeName().equals(other.baseTypeName())
          && array.baseType() == other.baseType() && elementsMatch(array.elements(), other.elements());
    }
    if (expected instanceof StructValue struct) {
      return actual instanceof StructValue other && struct.typeName().equals(other.typeName())
          && elementsMatch(struct.attributes(), other.attributes());
    }
    if (expected instanceof BigDecimal) {
      return expected.equals(actual); // the scale too: 1.50 is not 1.5
    }
    // Float and Double compare bits: NaN equals NaN, -0.0 differs from 0.0.
    return expected == null ? actual == null : actual != null && expected.getClass() == actual.getClass()
        && Objects.equals(expected, actual);
  }

  private static boolean elementsMatch(List<?> expected, List<?> actual) {
    if (expected.size() != actual.size()) {
      return false;
    }
    for (int i = 0; i < expected.size(); i++) {
      if (!matches(expected.get(i), actual.get(i))) {
        return false;
      }
    }
    return true;
  }
}
