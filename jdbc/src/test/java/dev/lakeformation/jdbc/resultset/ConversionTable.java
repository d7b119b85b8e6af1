package dev.lakeformation.jdbc.resultset;

import static dev.lakeformation.jdbc.resultset.Outcome.REFUSED;
import static dev.lakeformation.jdbc.resultset.Outcome.fails;
import static dev.lakeformation.jdbc.resultset.Outcome.value;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.lakeformation.jdbc.resultset.Normal.ArrayValue;
import dev.lakeformation.jdbc.resultset.Normal.AtInstant;
import dev.lakeformation.jdbc.resultset.Normal.Bytes;
import dev.lakeformation.jdbc.resultset.Normal.StructValue;
import dev.lakeformation.jdbc.resultset.Normal.WallClock;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.LongFunction;

/**
 * What every getter gives on each family of types: the conversion table the suite holds the
 * driver to, written here independently of it (docs/type-mapping.md shows it as a table). Each
 * kind answers for the {@link Getter#base} getters; anything a kind does not list is refused.
 *
 * <p>The rules, in short. Numbers convert to every number getter and to boolean (zero is false);
 * narrowing drops the fraction toward zero and fails with 22003 when the result does not fit,
 * as do NaN and the infinities everywhere but float and double. Text converts to what it holds:
 * a decimal number, NaN or an infinity, a boolean word, a date, a time or a timestamp (JDBC's
 * escape forms or ISO with a T, an offset making it an instant); otherwise 22018 (numbers,
 * booleans) or 22007 (dates and times). A wall-clock value (DATE, TIME, TIMESTAMP) becomes the
 * java.sql value showing the same wall clock in the JVM's zone or the Calendar's; an instant
 * (TIMESTAMP WITH TIME ZONE, text with an offset) keeps its instant exactly.
 */
final class ConversionTable {
  private ConversionTable() {}

  /** A family of types: the outcome of each base getter on one non-null value. */
  interface Kind {
    Outcome expect(Getter getter, Object value);
  }

  /** A float or double value, with the text getString gives and the BigDecimal (null for NaN, infinities). */
  record Fp(double value, String text, String decimal) {}

  /**
   * A text value and what it holds, for the conversions: BigDecimal (a number), Double (NaN or an
   * infinity), Boolean, LocalDate, LocalTime, LocalDateTime (a timestamp) or OffsetDateTime.
   */
  record Text(String raw, List<Object> meanings) {
    <T> T meaning(Class<T> type) {
      return meanings.stream().filter(type::isInstance).map(type::cast).findFirst().orElse(null);
    }
  }

  private static final DateTimeFormatter TIME_TEXT = new DateTimeFormatterBuilder().appendPattern("HH:mm:ss")
      .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).toFormatter();
  private static final DateTimeFormatter TIMESTAMP_TEXT = new DateTimeFormatterBuilder().appendPattern("uuuu-MM-dd ")
      .append(TIME_TEXT).toFormatter();
  private static final DateTimeFormatter ZONED_TEXT = new DateTimeFormatterBuilder().append(TIMESTAMP_TEXT)
      .appendOffset("+HH:MM:ss", "Z").toFormatter();

  // ---------------------------------------------------------------- numbers

  /** Signed and unsigned integers (Long or BigInteger values); getObject gives {@code box} of the value. */
  static Kind integers(LongFunction<Object> box) {
    return (getter, value) -> {
      BigInteger n = value instanceof BigInteger big ? big : BigInteger.valueOf(((Number) value).longValue());
      return switch (getter) {
        case STRING -> value(n.toString());
        case OBJECT -> value(n.bitLength() < 64 ? box.apply(n.longValue()) : new BigDecimal(n));
        case AS_BIG_INTEGER -> value(n);
        default -> number(getter, new BigDecimal(n), n.doubleValue(), n.floatValue(), n.signum() != 0);
      };
    };
  }

  /** REAL (Float; half floats are read as Float too) or DOUBLE (Double) values. */
  static Kind floats(boolean single) {
    return (getter, value) -> {
      Fp fp = (Fp) value;
      BigDecimal exact = fp.decimal() == null ? null : new BigDecimal(fp.decimal());
      float asFloat = (float) fp.value();
      boolean fitsFloat = !Double.isFinite(fp.value()) || Math.abs(fp.value()) <= Float.MAX_VALUE;
      return switch (getter) {
        case STRING -> value(fp.text());
        case OBJECT -> value(single ? (Object) asFloat : (Object) fp.value());
        case AS_BIG_INTEGER -> bigInteger(exact);
        default -> number(getter, exact, fp.value(), fitsFloat ? asFloat : null, fp.value() != 0);
      };
    };
  }

  /** DECIMAL values, with the column's scale. */
  static Kind decimals() {
    return (getter, value) -> {
      BigDecimal d = (BigDecimal) value;
      return switch (getter) {
        case STRING -> value(d.toPlainString());
        case OBJECT -> value(d);
        case AS_BIG_INTEGER -> bigInteger(d);
        default -> number(getter, d, d.doubleValue(), finiteOrNull(d.floatValue()), d.signum() != 0);
      };
    };
  }

  static Kind booleans() {
    return (getter, value) -> {
      boolean b = (Boolean) value;
      return switch (getter) {
        case STRING -> value(b ? "TRUE" : "FALSE");
        case OBJECT -> value(b);
        case AS_BIG_INTEGER -> value(b ? BigInteger.ONE : BigInteger.ZERO);
        default -> number(getter, b ? BigDecimal.ONE : BigDecimal.ZERO, b ? 1 : 0, b ? 1f : 0f, b);
      };
    };
  }

  /**
   * A number read by the number getters. {@code exact} is null for NaN and the infinities,
   * {@code asFloat} null when the value is beyond float's range.
   */
  private static Outcome number(Getter getter, BigDecimal exact, double asDouble, Float asFloat, boolean truth) {
    return switch (getter) {
      case BOOLEAN -> value(truth);
      case BYTE -> whole(exact, Byte.MIN_VALUE, Byte.MAX_VALUE, v -> (byte) v);
      case SHORT -> whole(exact, Short.MIN_VALUE, Short.MAX_VALUE, v -> (short) v);
      case INT -> whole(exact, Integer.MIN_VALUE, Integer.MAX_VALUE, v -> (int) v);
      case LONG -> whole(exact, Long.MIN_VALUE, Long.MAX_VALUE, v -> v);
      case FLOAT -> asFloat == null ? fails("22003") : value(asFloat);
      case DOUBLE -> value(asDouble);
      case BIG_DECIMAL -> exact == null ? fails("22003") : value(exact);
      default -> REFUSED;
    };
  }

  /** The value without its fraction (toward zero), if it lies in [min, max]; else 22003, never wrapped. */
  private static Outcome whole(BigDecimal exact, long min, long max, LongFunction<Object> box) {
    if (exact == null || integerDigits(exact) > 19) {
      return fails("22003");
    }
    if (integerDigits(exact) <= 0) {
      return value(box.apply(0));
    }
    BigDecimal truncated = exact.setScale(0, RoundingMode.DOWN);
    if (truncated.compareTo(BigDecimal.valueOf(min)) < 0 || truncated.compareTo(BigDecimal.valueOf(max)) > 0) {
      return fails("22003");
    }
    return value(box.apply(truncated.longValueExact()));
  }

  /**
   * Digits before the point, counted without writing them out: 1E+999999999 has a billion. A
   * conversion that would write out more than 10,000 (a BigInteger, a scale) fails with 22003.
   */
  static int integerDigits(BigDecimal value) {
    return value.precision() - value.scale();
  }

  /** getObject(i, BigInteger.class): the number without its fraction, toward zero. */
  private static Outcome bigInteger(BigDecimal exact) {
    return exact == null || integerDigits(exact) > 10_000 ? fails("22003")
        : value(integerDigits(exact) <= 0 ? BigInteger.ZERO : exact.toBigInteger());
  }

  private static Float finiteOrNull(float value) {
    return Float.isInfinite(value) ? null : value;
  }

  // ---------------------------------------------------------------- text and binary

  static Kind text() {
    return (getter, value) -> {
      Text text = (Text) value;
      BigDecimal number = text.meaning(BigDecimal.class);
      Double special = text.meaning(Double.class);
      Boolean truth = text.meaning(Boolean.class);
      return switch (getter) {
        case STRING, OBJECT -> value(text.raw());
        case BYTES -> value(Bytes.of(text.raw().getBytes(UTF_8)));
        case BOOLEAN -> truth == null ? fails("22018") : value(truth);
        case BYTE, SHORT, INT, LONG, BIG_DECIMAL -> number == null ? fails("22018")
            : number(getter, number, 0, null, false);
        case AS_BIG_INTEGER -> number == null ? fails("22018") : bigInteger(number);
        case FLOAT -> number != null ? finite(finiteOrNull(number.floatValue()))
            : special != null ? value(special.floatValue()) : fails("22018");
        case DOUBLE -> number != null ? finite(number.doubleValue())
            : special != null ? value(special) : fails("22018");
        case DATE, DATE_IN_CALENDAR, TIME, TIME_IN_CALENDAR, TIMESTAMP, TIMESTAMP_IN_CALENDAR -> textAsDateTime(
            getter, text);
        default -> REFUSED;
      };
    };
  }

  private static Outcome finite(Object number) {
    return number == null || number instanceof Double d && d.isInfinite() ? fails("22003") : value(number);
  }

  /** Text holding a date, time or timestamp reads as a column of that type would; anything else is 22007. */
  private static Outcome textAsDateTime(Getter getter, Text text) {
    Object when = text.meanings().stream().filter(m -> m instanceof LocalDate || m instanceof LocalTime
        || m instanceof LocalDateTime || m instanceof OffsetDateTime).findFirst().orElse(null);
    Outcome outcome = when instanceof LocalDate d ? dates().expect(getter, d)
        : when instanceof LocalTime t ? times().expect(getter, t)
        : when instanceof LocalDateTime ts ? timestamps().expect(getter, ts)
        : when instanceof OffsetDateTime odt ? zonedTimestamps(odt.getOffset()).expect(getter, odt.toInstant())
        : REFUSED;
    return outcome == REFUSED ? fails("22007") : outcome;
  }

  static Kind binary() {
    return (getter, value) -> {
      byte[] bytes = (byte[]) value;
      return switch (getter) {
        case STRING -> value(Bytes.of(bytes).hex());
        case BYTES, OBJECT -> value(Bytes.of(bytes));
        default -> REFUSED;
      };
    };
  }

  // ---------------------------------------------------------------- dates and times

  /** The java.sql value of class {@code type} at the start of {@code day} in {@code zone}. */
  private static WallClock startOf(Class<?> type, LocalDate day, ZoneId zone) {
    return new WallClock(type, day.atStartOfDay(zone).toLocalDateTime());
  }

  /** A java.sql.Time: the time on 1970-01-01, to the millisecond it keeps. */
  private static WallClock time(LocalTime time) {
    return new WallClock(Time.class, LocalDate.EPOCH.atTime(time.truncatedTo(ChronoUnit.MILLIS)));
  }

  static Kind dates() {
    return (getter, value) -> {
      LocalDate day = (LocalDate) value;
      return switch (getter) {
        case STRING -> value(day.toString());
        case DATE, DATE_IN_CALENDAR, OBJECT -> value(startOf(Date.class, day, getter.zone()));
        case TIMESTAMP, TIMESTAMP_IN_CALENDAR -> value(startOf(Timestamp.class, day, getter.zone()));
        case AS_LOCAL_DATE -> value(day);
        case AS_LOCAL_DATE_TIME -> value(day.atStartOfDay());
        default -> REFUSED;
      };
    };
  }

  /** TIME values (already at the column's unit). A Timestamp of a time is on 1970-01-01. */
  static Kind times() {
    return (getter, value) -> {
      LocalTime time = (LocalTime) value;
      return switch (getter) {
        case STRING -> value(TIME_TEXT.format(time));
        case TIME, TIME_IN_CALENDAR, OBJECT -> value(time(time));
        case TIMESTAMP, TIMESTAMP_IN_CALENDAR -> value(new WallClock(Timestamp.class, LocalDate.EPOCH.atTime(time)));
        case AS_LOCAL_TIME -> value(time);
        default -> REFUSED;
      };
    };
  }

  /**
   * TIMESTAMP without a zone: a wall clock. Where an instant is asked for without a Calendar
   * (Instant, OffsetDateTime, ZonedDateTime), it is taken at UTC, as Arrow encodes it.
   */
  static Kind timestamps() {
    return (getter, value) -> {
      LocalDateTime wall = (LocalDateTime) value;
      return switch (getter) {
        case STRING -> value(TIMESTAMP_TEXT.format(wall));
        case DATE, DATE_IN_CALENDAR -> value(startOf(Date.class, wall.toLocalDate(), getter.zone()));
        case TIME, TIME_IN_CALENDAR -> value(time(wall.toLocalTime()));
        case TIMESTAMP, TIMESTAMP_IN_CALENDAR, OBJECT -> value(new WallClock(Timestamp.class, wall));
        case AS_LOCAL_DATE_TIME -> value(wall);
        case AS_LOCAL_DATE -> value(wall.toLocalDate());
        case AS_LOCAL_TIME -> value(wall.toLocalTime());
        case AS_INSTANT -> value(wall.toInstant(ZoneOffset.UTC));
        case AS_OFFSET_DATE_TIME -> value(wall.atOffset(ZoneOffset.UTC));
        case AS_ZONED_DATE_TIME -> value(wall.atZone(ZoneOffset.UTC));
        default -> REFUSED;
      };
    };
  }

  /** TIMESTAMP WITH TIME ZONE: an instant, shown in the column's zone; dates and times are taken in the reader's. */
  static Kind zonedTimestamps(ZoneId columnZone) {
    return (getter, value) -> {
      Instant instant = (Instant) value;
      return switch (getter) {
        case STRING -> value(ZONED_TEXT.format(instant.atZone(columnZone)));
        case DATE, DATE_IN_CALENDAR -> value(startOf(Date.class, instant.atZone(getter.zone()).toLocalDate(),
            getter.zone()));
        case TIME, TIME_IN_CALENDAR -> value(time(instant.atZone(getter.zone()).toLocalTime()));
        case TIMESTAMP, TIMESTAMP_IN_CALENDAR -> value(new AtInstant(instant));
        case OBJECT, AS_OFFSET_DATE_TIME -> value(instant.atZone(columnZone).toOffsetDateTime());
        case AS_ZONED_DATE_TIME -> value(instant.atZone(columnZone));
        case AS_INSTANT -> value(instant);
        case AS_LOCAL_DATE_TIME -> value(instant.atZone(columnZone).toLocalDateTime());
        case AS_LOCAL_DATE -> value(instant.atZone(columnZone).toLocalDate());
        case AS_LOCAL_TIME -> value(instant.atZone(columnZone).toLocalTime());
        default -> REFUSED;
      };
    };
  }

  static Kind durations() {
    return (getter, value) -> switch (getter) {
      case STRING -> value(value.toString());
      case OBJECT, AS_DURATION -> value(value);
      default -> REFUSED;
    };
  }

  /** Intervals: Period (year-month), Duration (day-time) or Arrow's PeriodDuration (month-day-nano). */
  static Kind intervals() {
    return (getter, value) -> switch (getter) {
      case STRING -> value(value.toString());
      case OBJECT -> value(value);
      case AS_PERIOD -> value instanceof Period ? value(value) : REFUSED;
      case AS_DURATION -> value instanceof Duration ? value(value) : REFUSED;
      default -> REFUSED;
    };
  }

  // ---------------------------------------------------------------- nested

  /** The object getObject gives on {@code value} of {@code kind} (null for null), as expected. */
  private static Object object(Kind kind, Object value) {
    return value == null ? null : ((Outcome.Value) kind.expect(Getter.OBJECT, value)).expected();
  }

  /** What {@code toString} of that object shows. */
  private static String text(Kind kind, Object value) {
    return value == null ? "null" : (String) ((Outcome.Value) kind.expect(Getter.STRING, value)).expected();
  }

  /** Lists of every layout: elements are the objects their type's getObject gives. */
  static Kind lists(String baseTypeName, int baseType, Kind elements) {
    return (getter, value) -> {
      List<Object> objects = new ArrayList<>();
      StringJoiner text = new StringJoiner(", ", "[", "]");
      for (Object element : (List<?>) value) {
        objects.add(object(elements, element));
        text.add(text(elements, element));
      }
      return switch (getter) {
        case STRING -> value(text.toString());
        case ARRAY, OBJECT -> value(new ArrayValue(baseTypeName, baseType, objects));
        case AS_LIST -> value(objects);
        default -> REFUSED;
      };
    };
  }

  /** Structs: getObject gives a Map of field name to value; getObject(i, Struct.class) a Struct of the type's name. */
  static Kind structs(String typeName, Map<String, Kind> fields) {
    return (getter, value) -> {
      List<Object> entries = new ArrayList<>();
      List<Object> attributes = new ArrayList<>();
      StringJoiner text = new StringJoiner(", ", "{", "}");
      for (Map.Entry<?, ?> field : ((Map<?, ?>) value).entrySet()) {
        Kind kind = fields.get((String) field.getKey());
        Object object = object(kind, field.getValue());
        entries.add(new AbstractMap.SimpleEntry<>(field.getKey(), object));
        attributes.add(object);
        text.add(field.getKey() + "=" + text(kind, field.getValue()));
      }
      return switch (getter) {
        case STRING -> value(text.toString());
        case OBJECT, AS_MAP -> value(entries);
        case AS_STRUCT -> value(new StructValue(typeName, attributes));
        default -> REFUSED;
      };
    };
  }

  /** Maps: a java.util.Map in entry order. */
  static Kind maps(Kind keys, Kind values) {
    return (getter, value) -> {
      List<Object> entries = new ArrayList<>();
      StringJoiner text = new StringJoiner(", ", "{", "}");
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        entries.add(new AbstractMap.SimpleEntry<>(object(keys, entry.getKey()), object(values, entry.getValue())));
        text.add(text(keys, entry.getKey()) + "=" + text(values, entry.getValue()));
      }
      return switch (getter) {
        case STRING -> value(text.toString());
        case OBJECT, AS_MAP -> value(entries);
        default -> REFUSED;
      };
    };
  }

  /** The Null type: every value is NULL, so no getter is ever asked for one. */
  static Kind nulls() {
    return (getter, value) -> {
      throw new AssertionError("a Null column has no values");
    };
  }
}
