package dev.lakeformation.jdbc.resultset;

import static dev.lakeformation.jdbc.resultset.ConversionTable.binary;
import static dev.lakeformation.jdbc.resultset.ConversionTable.booleans;
import static dev.lakeformation.jdbc.resultset.ConversionTable.dates;
import static dev.lakeformation.jdbc.resultset.ConversionTable.decimals;
import static dev.lakeformation.jdbc.resultset.ConversionTable.durations;
import static dev.lakeformation.jdbc.resultset.ConversionTable.floats;
import static dev.lakeformation.jdbc.resultset.ConversionTable.integers;
import static dev.lakeformation.jdbc.resultset.ConversionTable.intervals;
import static dev.lakeformation.jdbc.resultset.ConversionTable.lists;
import static dev.lakeformation.jdbc.resultset.ConversionTable.maps;
import static dev.lakeformation.jdbc.resultset.ConversionTable.nulls;
import static dev.lakeformation.jdbc.resultset.ConversionTable.structs;
import static dev.lakeformation.jdbc.resultset.ConversionTable.text;
import static dev.lakeformation.jdbc.resultset.ConversionTable.times;
import static dev.lakeformation.jdbc.resultset.ConversionTable.timestamps;
import static dev.lakeformation.jdbc.resultset.ConversionTable.zonedTimestamps;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.lakeformation.core.types.ArrowFieldTypes;
import dev.lakeformation.jdbc.resultset.ConversionTable.Fp;
import dev.lakeformation.jdbc.resultset.ConversionTable.Kind;
import dev.lakeformation.jdbc.resultset.ConversionTable.Text;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.arrow.vector.PeriodDuration;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.IntervalUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * The conformance suite's one dataset: a column of every Arrow type the driver maps, each with
 * typical and edge values, and text columns holding numbers, booleans, dates, times and
 * timestamps. Row {@value #NULL_ROW} is NULL in every column. The rows are cut into batches of
 * three work units ({@link #UNITS}, one batch empty), so that every check also crosses batch and
 * unit boundaries.
 */
final class ConformanceData {
  private ConformanceData() {}

  static final int ROWS = 10;
  static final int NULL_ROW = 4;
  /** Per work unit, its batches as [first row, end row). */
  static final int[][][] UNITS = {{{0, 3}, {3, 5}}, {{5, 6}, {6, 6}, {6, 9}}, {{9, 10}}};

  /** The JVM's zone while the suite runs: it had midnights that did not exist (2018-11-04). */
  static final ZoneId JVM_ZONE = ZoneId.of("America/Sao_Paulo");
  /** The zone of the Calendar given to getDate, getTime and getTimestamp. */
  static final ZoneId CALENDAR_ZONE = ZoneId.of("Asia/Tokyo");
  static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  /** One column: its Arrow field, its values by row (null for NULL), and what each getter gives on them. */
  record Column(Field field, List<String> dictionary, List<Object> values, Kind kind) {
    String name() {
      return field.getName();
    }
  }

  static final List<Column> COLUMNS = columns();

  private static List<Column> columns() {
    List<Column> c = new ArrayList<>();
    c.add(column("i8", new ArrowType.Int(8, true), integers(v -> (int) v),
        0L, 1L, -1L, 127L, -128L, 42L, -100L, 7L, 99L));
    c.add(column("i16", new ArrowType.Int(16, true), integers(v -> (int) v),
        0L, 1L, -1L, 32767L, -32768L, 128L, -129L, 1000L, 255L));
    c.add(column("i32", new ArrowType.Int(32, true), integers(v -> (int) v),
        0L, 1L, -1L, (long) Integer.MAX_VALUE, (long) Integer.MIN_VALUE, 32768L, -32769L, 123456L, 40000L));
    c.add(column("i64", new ArrowType.Int(64, true), integers(v -> v),
        // 2^62 + 2^38 + 1 is a float just above a midpoint: rounded twice (to double, then float) it goes down.
        0L, 1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, 2147483648L, -2147483649L, 9007199254740993L,
        4611686293305294849L));
    c.add(column("u8", new ArrowType.Int(8, false), integers(v -> (int) v),
        0L, 1L, 255L, 128L, 127L, 42L, 200L, 2L, 3L));
    c.add(column("u16", new ArrowType.Int(16, false), integers(v -> (int) v),
        0L, 1L, 65535L, 32768L, 32767L, 255L, 256L, 1000L, 40000L));
    c.add(column("u32", new ArrowType.Int(32, false), integers(v -> v),
        0L, 1L, 4294967295L, 2147483648L, 2147483647L, 65536L, 3000000000L, 7L, 8L));
    c.add(column("u64", new ArrowType.Int(64, false), integers(BigDecimal::valueOf),
        0L, 1L, new BigInteger("18446744073709551615"), new BigInteger("9223372036854775808"), Long.MAX_VALUE,
        4294967296L, new BigInteger("9223372586610589697"), 5L, 6L));

    c.add(column("f16", new ArrowType.FloatingPoint(FloatingPointPrecision.HALF), floats(true),
        fp(0f, "0.0", "0.0"), fp(-0f, "-0.0", "0.0"), fp(0.25f, "0.25", "0.25"), fp(-2.5f, "-2.5", "-2.5"),
        fp(100.5f, "100.5", "100.5"), fp(65504f, "65504.0", "65504.0"), fp(Float.NaN, "NaN", null),
        fp(Float.POSITIVE_INFINITY, "Infinity", null), fp(Float.NEGATIVE_INFINITY, "-Infinity", null)));
    c.add(column("f32", new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE), floats(true),
        fp(0f, "0.0", "0.0"), fp(-0f, "-0.0", "0.0"), fp(0.1f, "0.1", "0.1"), fp(-2.5f, "-2.5", "-2.5"),
        fp(3.0e9f, "3.0E9", "3.0E+9"), fp(Float.MAX_VALUE, "3.4028235E38", "3.4028235E+38"), fp(Float.NaN, "NaN", null),
        fp(Float.POSITIVE_INFINITY, "Infinity", null), fp(Float.NEGATIVE_INFINITY, "-Infinity", null)));
    c.add(column("f64", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), floats(false),
        fp(0d, "0.0", "0.0"), fp(-0d, "-0.0", "0.0"), fp(0.1, "0.1", "0.1"), fp(-2.5, "-2.5", "-2.5"),
        fp(3.0e9, "3.0E9", "3.0E+9"), fp(1e300, "1.0E300", "1.0E+300"), fp(Double.MIN_VALUE, "4.9E-324", "4.9E-324"),
        fp(Double.NaN, "NaN", null), fp(Double.NEGATIVE_INFINITY, "-Infinity", null)));

    c.add(decimal("dec9_2", 9, 2, 128, "0", "1", "-1", "9999999.99", "-9999999.99", "0.01", "42.5", "127.99",
        "-128.49"));
    c.add(decimal("dec38_10", 38, 10, 128, "0", "9999999999999999999999999999.9999999999",
        "-9999999999999999999999999999.9999999999", "0.0000000001", "-0.000000005", "2.5",
        "9223372036854775807.9999999999", "9223372036854775808", "4611686293305294849.0000000001"));
    c.add(decimal("dec76_20", 76, 20, 256, "0", "9".repeat(56) + "." + "9".repeat(20),
        "-" + "9".repeat(56) + "." + "9".repeat(20), "0.00000000000000000001", "-0.99999999999999999999", "123.45",
        "1", "-1", "1" + "0".repeat(55)));
    c.add(column("bool", ArrowType.Bool.INSTANCE, booleans(), true, false, true, false, true, false, true, true,
        false));

    String[] plain = {"", "a", "Zürich ☃", "😀 emoji",
        "a string longer than twelve bytes, kept out of line by a view",
        "  padded  ", "NULL", "日本語", "tab\tand\nnewline"};
    c.add(column("utf8", ArrowType.Utf8.INSTANCE, text(), texts(plain)));
    c.add(column("large_utf8", ArrowType.LargeUtf8.INSTANCE, text(), texts(plain)));
    c.add(column("utf8_view", ArrowType.Utf8View.INSTANCE, text(), texts(plain)));
    c.add(new Column(new Field("char5", new FieldType(true, ArrowType.Utf8.INSTANCE, null,
        Map.of(ArrowFieldTypes.TYPE_NAME, "CHAR", ArrowFieldTypes.PRECISION, "5")), null), null, rows(
        t("ab   "), t("42   ", number("42")), t("-3.5 ", number("-3.5")), t("true ", true),
        t("0    ", number("0"), false),
        t("x    "), t("     "), t("NaN  ", Double.NaN), t("2.5e1", number("2.5e1"))), text()));
    c.add(column("num_text", ArrowType.Utf8.INSTANCE, text(),
        t("42", number("42")), t("-7", number("-7")), t("  -0.5 ", number("-0.5")), t("3.75", number("3.75")),
        t("1e3", number("1e3")), t("99999999999999999999", number("99999999999999999999")), t("1e400", number("1e400")),
        t("abc"), t("NaN", Double.NaN)));
    c.add(column("bool_text", ArrowType.Utf8.INSTANCE, text(),
        t("true", true), t("FALSE", false), t("t", true), t("F", false), t("yes", true), t("N", false),
        t("1", number("1"), true), t("0", number("0"), false), t("maybe")));
    c.add(column("date_text", ArrowType.Utf8.INSTANCE, text(),
        t("2024-02-29", LocalDate.of(2024, 2, 29)), t("1969-12-31", LocalDate.of(1969, 12, 31)),
        t("2024-2-9", LocalDate.of(2024, 2, 9)), t("0001-01-01", LocalDate.of(1, 1, 1)),
        t("9999-12-31", LocalDate.of(9999, 12, 31)), t(" 2018-11-04 ", LocalDate.of(2018, 11, 4)), t("2024-02-30"),
        t("2024/02/29"), t("20240229", number("20240229"))));
    c.add(column("time_text", ArrowType.Utf8.INSTANCE, text(),
        t("23:59:58", LocalTime.of(23, 59, 58)), t("00:00:00", LocalTime.MIDNIGHT),
        t("12:30:00.5", LocalTime.of(12, 30, 0, 500_000_000)), t("7:05:09", LocalTime.of(7, 5, 9)),
        t("23:59:59.999999999", LocalTime.MAX), t("12:00:00.123456", LocalTime.of(12, 0, 0, 123_456_000)),
        t("24:00:00"), t("12:60:00"), t("noon")));
    c.add(column("timestamp_text", ArrowType.Utf8.INSTANCE, text(),
        t("2024-02-29 23:59:58.123456789", LocalDateTime.of(2024, 2, 29, 23, 59, 58, 123_456_789)),
        t("1969-07-20T20:17:40", LocalDateTime.of(1969, 7, 20, 20, 17, 40)),
        t("2024-2-9 7:05:09.5", LocalDateTime.of(2024, 2, 9, 7, 5, 9, 500_000_000)),
        t("1970-01-01 00:00:00", LocalDateTime.of(1970, 1, 1, 0, 0)),
        t("2024-02-29T12:00:00Z", OffsetDateTime.of(2024, 2, 29, 12, 0, 0, 0, ZoneOffset.UTC)),
        t("2024-02-29 12:00:00+05:30", OffsetDateTime.of(2024, 2, 29, 12, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 30))),
        t("0001-01-01 00:00:00", LocalDateTime.of(1, 1, 1, 0, 0)), t("2024-02-29 25:00:00"), t("yesterday")));
    // Errors must say what was expected without echoing a huge value whole, and exponents as large as
    // a BigDecimal allows must not make any conversion write out a billion digits.
    c.add(column("huge_text", ArrowType.Utf8.INSTANCE, text(),
        t("1".repeat(5000), number("1".repeat(5000))), t("x".repeat(5000)), t("2024-01-01T" + "0".repeat(5000)),
        t("9".repeat(400) + "e-390", number("9".repeat(400) + "e-390")),
        t("-1e-999999999", number("-1e-999999999")), t(" ".repeat(5000) + "7", number("7")),
        t("true" + " ".repeat(5000), true), t("12:00:00." + "1".repeat(1000)),
        t("1e999999999", number("1e999999999"))));
    List<String> colors = List.of("red", "green", "blue", "42");
    DictionaryEncoding encoding = new DictionaryEncoding(7, false, new ArrowType.Int(16, true));
    c.add(new Column(new Field("dict_text", new FieldType(true, new ArrowType.Int(16, true), encoding), null), colors,
        rows(t("green"), t("red"), t("blue"), t("green"), t("42", number("42")), t("red"), t("red"), t("blue"),
            t("green")), text()));

    Object[] blobs = {bytes(""), bytes("00"), bytes("00ff107f"), bytes("000102030405060708090a0b0c0d0e0f10111213"),
        bytes("ff"), "abc".getBytes(UTF_8), bytes("80"), bytes("010203"), bytes("ab".repeat(13))};
    c.add(column("binary", ArrowType.Binary.INSTANCE, binary(), blobs));
    c.add(column("large_binary", ArrowType.LargeBinary.INSTANCE, binary(), blobs));
    c.add(column("binary_view", ArrowType.BinaryView.INSTANCE, binary(), blobs));
    c.add(column("fixed4", new ArrowType.FixedSizeBinary(4), binary(), bytes("00000000"), bytes("ffffffff"),
        bytes("00ff107f"), bytes("01020304"), bytes("deadbeef"), bytes("80000001"), bytes("7f7f7f7f"),
        bytes("09080706"), bytes("00010001")));

    Object[] days = {LocalDate.EPOCH, LocalDate.of(1969, 12, 31), LocalDate.of(2024, 2, 29), LocalDate.of(1, 1, 1),
        LocalDate.of(9999, 12, 31), LocalDate.of(2018, 11, 4), LocalDate.of(1582, 10, 15), LocalDate.of(1582, 10, 4),
        LocalDate.of(2000, 1, 1)};
    c.add(column("date_day", new ArrowType.Date(DateUnit.DAY), dates(), days));
    c.add(column("date_milli", new ArrowType.Date(DateUnit.MILLISECOND), dates(), days));

    LocalTime[] times = {LocalTime.MIDNIGHT, LocalTime.MAX, LocalTime.of(12, 34, 56, 789_012_345),
        LocalTime.of(0, 0, 0, 1), LocalTime.of(6, 7, 8, 500_000_000), LocalTime.NOON, LocalTime.of(23, 0, 0, 1_000),
        LocalTime.of(1, 2, 3, 4_005_006), LocalTime.of(18, 30)};
    for (TimeUnit unit : TimeUnit.values()) {
      int bits = unit == TimeUnit.SECOND || unit == TimeUnit.MILLISECOND ? 32 : 64;
      c.add(column("time_" + suffix(unit), new ArrowType.Time(unit, bits), times(),
          each(times, t -> t.truncatedTo(chrono(unit)))));
    }

    Instant[] instants = {Instant.EPOCH, Instant.parse("1969-07-20T20:17:40.123456789Z"),
        Instant.parse("2024-02-29T23:59:59.999999999Z"), Instant.parse("2024-11-03T05:30:00Z"),
        Instant.parse("2024-11-03T06:30:00Z"), Instant.parse("0001-01-01T00:00:00Z"),
        Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("2000-01-01T12:00:00.5Z"),
        Instant.parse("1900-01-01T00:00:00Z")};
    for (TimeUnit unit : TimeUnit.values()) {
      Instant[] values = instants.clone();
      if (unit == TimeUnit.NANOSECOND) { // 64 bits of nanoseconds span 1677 to 2262: the ends instead
        values[5] = Instant.ofEpochSecond(0, Long.MIN_VALUE);
        values[6] = Instant.ofEpochSecond(0, Long.MAX_VALUE);
      }
      Object[] exact = each(values, i -> i.truncatedTo(chrono(unit)));
      c.add(column("ts_" + suffix(unit), new ArrowType.Timestamp(unit, null), timestamps(),
          each(exact, i -> LocalDateTime.ofInstant((Instant) i, ZoneOffset.UTC))));
      c.add(column("ts_" + suffix(unit) + "_kolkata", new ArrowType.Timestamp(unit, KOLKATA.getId()),
          zonedTimestamps(KOLKATA), exact));
      c.add(column("ts_" + suffix(unit) + "_new_york", new ArrowType.Timestamp(unit, NEW_YORK.getId()),
          zonedTimestamps(NEW_YORK), exact));
    }

    c.add(column("duration_s", new ArrowType.Duration(TimeUnit.SECOND), durations(), Duration.ZERO,
        Duration.ofSeconds(1), Duration.ofSeconds(-1), Duration.ofDays(1), Duration.ofDays(365), Duration.ofSeconds(59),
        Duration.ofHours(1), Duration.ofDays(-1), Duration.ofSeconds(7)));
    c.add(column("duration_ns", new ArrowType.Duration(TimeUnit.NANOSECOND), durations(), Duration.ZERO,
        Duration.ofNanos(1), Duration.ofMillis(-1500), Duration.ofDays(1).plusNanos(1),
        Duration.ofNanos(Long.MAX_VALUE),
        Duration.ofNanos(Long.MIN_VALUE), Duration.ofNanos(999_999_999), Duration.ofSeconds(1), Duration.ofNanos(123)));
    c.add(column("interval_ym", new ArrowType.Interval(IntervalUnit.YEAR_MONTH), intervals(), Period.ofMonths(14),
        Period.ofMonths(-1), Period.ofMonths(0), Period.ofMonths(12), Period.ofMonths(Integer.MAX_VALUE),
        Period.ofMonths(Integer.MIN_VALUE), Period.ofMonths(1), Period.ofMonths(6), Period.ofMonths(-13)));
    c.add(column("interval_dt", new ArrowType.Interval(IntervalUnit.DAY_TIME), intervals(),
        Duration.ofDays(3).plusSeconds(4), Duration.ofMillis(-1500), Duration.ZERO, Duration.ofDays(-1),
        Duration.ofMillis(1), Duration.ofDays(365), Duration.ofHours(25), Duration.ofMinutes(90),
        Duration.ofSeconds(59)));
    c.add(column("interval_mdn", new ArrowType.Interval(IntervalUnit.MONTH_DAY_NANO), intervals(),
        mdn(1, 2, Duration.ofNanos(3)), mdn(0, 0, Duration.ZERO), mdn(-1, -2, Duration.ofNanos(-3)),
        mdn(14, 0, Duration.ZERO), mdn(0, 31, Duration.ofHours(25)), mdn(0, 0, Duration.ofNanos(Long.MAX_VALUE)),
        mdn(Integer.MAX_VALUE, Integer.MIN_VALUE, Duration.ZERO), mdn(0, 1, Duration.ofSeconds(1)),
        mdn(2, 0, Duration.ofMillis(5))));

    c.add(column("list_i32", ArrowType.List.INSTANCE, List.of(child("item", new ArrowType.Int(32, true))),
        lists("INTEGER", Types.INTEGER, integers(v -> (int) v)), list(1L, null, 3L), list(),
        list((long) Integer.MIN_VALUE, (long) Integer.MAX_VALUE), list(42L), list((Object) null), list(0L, 0L, 0L),
        list(-1L), list(7L, 8L), list(100L)));
    c.add(column("large_list_utf8", ArrowType.LargeList.INSTANCE, List.of(child("item", ArrowType.Utf8.INSTANCE)),
        lists("VARCHAR", Types.VARCHAR, text()), list(t("x")), list(), list(t("a"), null, t("Zürich")),
        list(t(""), t("")), list((Object) null), list(t("a text longer than twelve bytes")), list(t("b")),
        list(t("c"), t("d")), list(t("42", number("42")))));
    c.add(column("fixed_list_f64", new ArrowType.FixedSizeList(2),
        List.of(child("item", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE))),
        lists("DOUBLE", Types.DOUBLE, floats(false)), list(d(0.5), d(-2.0)),
        list(d(Double.NaN), d(Double.POSITIVE_INFINITY)),
        list(d(0.0), d(-0.0)), list(d(1e300), d(Double.MIN_VALUE)), list(d(1.5), null), list(d(3.0), d(4.0)),
        list(d(0.1), d(0.2)), list(d(-1.0), d(1.0)), list(d(2.5), d(2.5))));
    c.add(column("list_date", ArrowType.List.INSTANCE, List.of(child("item", new ArrowType.Date(DateUnit.DAY))),
        lists("DATE", Types.DATE, dates()), list(LocalDate.of(2024, 2, 29)), list(), list(LocalDate.EPOCH, null),
        list(LocalDate.of(1969, 12, 31)), list(LocalDate.of(2000, 1, 1), LocalDate.of(2000, 1, 2)), list((Object) null),
        list(LocalDate.of(2018, 11, 4)), list(LocalDate.of(9999, 12, 31)), list(LocalDate.of(1582, 10, 15))));

    Map<String, Kind> pointFields = new LinkedHashMap<>();
    pointFields.put("x", integers(v -> (int) v));
    pointFields.put("label", text());
    pointFields.put("day", dates());
    c.add(column("point", ArrowType.Struct.INSTANCE, List.of(child("x", new ArrowType.Int(32, true)),
        child("label", ArrowType.Utf8.INSTANCE), child("day", new ArrowType.Date(DateUnit.DAY))),
        structs("STRUCT<x:INTEGER,label:VARCHAR,day:DATE>", pointFields),
        point(7L, t("a"), LocalDate.of(2024, 2, 29)), point(null, null, null),
        point(-1L, t("Zürich"), LocalDate.EPOCH),
        point((long) Integer.MAX_VALUE, t(""), null), point(0L, null, LocalDate.of(1969, 12, 31)),
        point(null, t("b"), LocalDate.of(2000, 1, 1)), point(1L, t("c"), LocalDate.of(2018, 11, 4)),
        point(2L, t("d"), null), point(3L, t("e"), LocalDate.of(9999, 12, 31))));

    Field entries = new Field("entries", FieldType.notNullable(ArrowType.Struct.INSTANCE), List.of(
        new Field("key", FieldType.notNullable(ArrowType.Utf8.INSTANCE), null),
        child("value", new ArrowType.Int(64, true))));
    c.add(column("tags", new ArrowType.Map(false), List.of(entries), maps(text(), integers(v -> v)),
        entries("zeta", 26L, "alpha", null), entries(), entries("k", Long.MAX_VALUE),
        entries("a", 1L, "b", 2L, "c", 3L),
        entries("", 0L), entries("x", -1L), entries("Zürich", 42L), entries("n", null), entries("one", 1L)));

    c.add(new Column(child("nothing", ArrowType.Null.INSTANCE), null, Collections.nCopies(ROWS, null), nulls()));
    return List.copyOf(c);
  }

  // ---------------------------------------------------------------- building values

  private static Column column(String name, ArrowType type, Kind kind, Object... nonNull) {
    return column(name, type, List.of(), kind, nonNull);
  }

  private static Column column(String name, ArrowType type, List<Field> children, Kind kind, Object... nonNull) {
    return new Column(new Field(name, FieldType.nullable(type), children), null, rows(nonNull), kind);
  }

  private static Field child(String name, ArrowType type) {
    return new Field(name, FieldType.nullable(type), null);
  }

  /** The column's values by row: {@code nonNull} in order, with NULL at {@link #NULL_ROW}. */
  private static List<Object> rows(Object... nonNull) {
    if (nonNull.length != ROWS - 1) {
      throw new IllegalArgumentException(nonNull.length + " values, expected " + (ROWS - 1));
    }
    List<Object> values = new ArrayList<>(Arrays.asList(nonNull));
    values.add(NULL_ROW, null);
    return values;
  }

  private static Column decimal(String name, int precision, int scale, int bits, String... values) {
    Object[] decimals = Arrays.stream(values).map(v -> new BigDecimal(v).setScale(scale)).toArray();
    return column(name, new ArrowType.Decimal(precision, scale, bits), decimals(), decimals);
  }

  private static Fp fp(double value, String text, String decimal) {
    return new Fp(value, text, decimal);
  }

  /** A double as an element of a list, whose text is what Double.toString shows. */
  private static Fp d(double value) {
    return new Fp(value, Double.toString(value), Double.isFinite(value) ? BigDecimal.valueOf(value).toString() : null);
  }

  private static Text t(String raw, Object... meanings) {
    return new Text(raw, List.of(meanings));
  }

  private static Object[] texts(String... raw) {
    return Arrays.stream(raw).map(ConformanceData::t).toArray();
  }

  private static BigDecimal number(String text) {
    return new BigDecimal(text);
  }

  private static byte[] bytes(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  private static PeriodDuration mdn(int months, int days, Duration duration) {
    return new PeriodDuration(Period.of(0, months, days), duration);
  }

  private static List<Object> list(Object... elements) {
    return Arrays.asList(elements);
  }

  private static Map<String, Object> point(Long x, Text label, LocalDate day) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("x", x);
    fields.put("label", label);
    fields.put("day", day);
    return fields;
  }

  /** A map of text keys, given as key, value, key, value… */
  private static Map<Object, Object> entries(Object... keysAndValues) {
    Map<Object, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(t((String) keysAndValues[i]), keysAndValues[i + 1]);
    }
    return map;
  }

  private static <T> Object[] each(T[] values, Function<T, Object> change) {
    return Arrays.stream(values).map(change).toArray();
  }

  private static ChronoUnit chrono(TimeUnit unit) {
    return switch (unit) {
      case SECOND -> ChronoUnit.SECONDS;
      case MILLISECOND -> ChronoUnit.MILLIS;
      case MICROSECOND -> ChronoUnit.MICROS;
      case NANOSECOND -> ChronoUnit.NANOS;
    };
  }

  private static String suffix(TimeUnit unit) {
    return switch (unit) {
      case SECOND -> "s";
      case MILLISECOND -> "ms";
      case MICROSECOND -> "us";
      case NANOSECOND -> "ns";
    };
  }
}
