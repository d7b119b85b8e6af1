package dev.lakeformation.jdbc.resultset;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.flatbuffers.FlatBufferBuilder;
import dev.lakeformation.core.arrow.IpcStreams;
import dev.lakeformation.core.types.ArrowFieldTypes;
import dev.lakeformation.jdbc.driver.LocalFixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Struct;
import java.sql.Timestamp;
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
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.function.ToIntFunction;
import org.apache.arrow.flatbuf.Endianness;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.Type;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.Decimal256Vector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.DurationVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.IntervalDayVector;
import org.apache.arrow.vector.IntervalMonthDayNanoVector;
import org.apache.arrow.vector.IntervalYearVector;
import org.apache.arrow.vector.LargeVarBinaryVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.PeriodDuration;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeMilliVector;
import org.apache.arrow.vector.TimeNanoVector;
import org.apache.arrow.vector.TimeSecVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.UInt2Vector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ViewVarBinaryVector;
import org.apache.arrow.vector.ViewVarCharVector;
import org.apache.arrow.vector.complex.DenseUnionVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.LargeListVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.RunEndEncodedVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.complex.UnionVector;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.WriteChannel;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.IntervalUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.UnionMode;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every Arrow type the driver reads, including those H2 cannot produce, served by
 * LakeFormation Local as Arrow IPC bytes written here, read back through the driver.
 */
class ArrowTypeAccessTest {
  private static LocalFixture fixture;
  private static BufferAllocator allocator;
  private final List<AutoCloseable> open = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    fixture = LocalFixture.shared();
    allocator = new RootAllocator();
  }

  @AfterAll
  static void stop() {
    allocator.close();
  }

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  private static Field field(String name, ArrowType type, Field... children) {
    return new Field(name, FieldType.nullable(type), List.of(children));
  }

  /** An empty root with these columns, closed after the test. */
  private VectorSchemaRoot root(Field... fields) {
    VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(List.of(fields)), allocator);
    root.allocateNew();
    open.add(root);
    return root;
  }

  /** Publishes each stream as one work unit and reads them all through the driver. */
  private ResultSet read(byte[]... units) throws SQLException {
    String queryId = fixture.local.publishQuery("arrow types", List.of(units));
    Connection connection = fixture.connect("");
    open.add(connection);
    return connection.createStatement()
        .executeQuery("SELECT * FROM system.query_results WHERE query_id = '" + queryId + "'");
  }

  private ResultSet read(VectorSchemaRoot root, int rows) throws SQLException {
    root.setRowCount(rows);
    return read(IpcStreams.of(root));
  }

  @Test
  void signedIntegersOfEveryWidth() throws Exception {
    VectorSchemaRoot root = root(field("i8", new ArrowType.Int(8, true)), field("i16", new ArrowType.Int(16, true)),
        field("i32", new ArrowType.Int(32, true)), field("i64", new ArrowType.Int(64, true)));
    ((TinyIntVector) root.getVector(0)).setSafe(0, Byte.MIN_VALUE);
    ((SmallIntVector) root.getVector(1)).setSafe(0, Short.MIN_VALUE);
    ((IntVector) root.getVector(2)).setSafe(0, Integer.MIN_VALUE);
    ((BigIntVector) root.getVector(3)).setSafe(0, Long.MIN_VALUE);
    ((TinyIntVector) root.getVector(0)).setSafe(1, Byte.MAX_VALUE);
    ((SmallIntVector) root.getVector(1)).setSafe(1, Short.MAX_VALUE);
    ((IntVector) root.getVector(2)).setSafe(1, Integer.MAX_VALUE);
    ((BigIntVector) root.getVector(3)).setSafe(1, Long.MAX_VALUE);
    root.getFieldVectors().forEach(v -> v.setNull(2));
    ResultSet rs = read(root, 3);

    ResultSetMetaData md = rs.getMetaData();
    assertEquals(List.of(Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT),
        List.of(md.getColumnType(1), md.getColumnType(2), md.getColumnType(3), md.getColumnType(4)));
    assertEquals("java.lang.Long", md.getColumnClassName(4));
    assertTrue(rs.next());
    assertEquals(List.of(-128, -32768, Integer.MIN_VALUE, Long.MIN_VALUE),
        List.of(rs.getObject(1), rs.getObject(2), rs.getObject(3), rs.getObject(4)));
    assertEquals(Long.MIN_VALUE, rs.getLong("I64"));
    assertEquals("-9223372036854775808", rs.getString(4));
    assertEquals(new BigDecimal(Long.MIN_VALUE), rs.getBigDecimal(4));
    assertEquals(-128, rs.getByte(1));
    assertEquals("22003", assertThrows(SQLException.class, () -> rs.getInt(4)).getSQLState());
    assertEquals("22003", assertThrows(SQLException.class, () -> rs.getShort(3)).getSQLState());
    assertTrue(rs.next());
    assertEquals(Short.MAX_VALUE, rs.getShort(2));
    assertEquals((double) Long.MAX_VALUE, rs.getDouble(4));
    assertTrue(rs.getBoolean(1));
    assertTrue(rs.next());
    for (int c = 1; c <= 4; c++) {
      assertNull(rs.getObject(c));
      assertEquals(0, rs.getLong(c));
      assertTrue(rs.wasNull());
    }
    assertFalse(rs.next());
  }

  @Test
  void unsignedIntegersWidenAndNeverWrap() throws Exception {
    VectorSchemaRoot root = root(field("u8", new ArrowType.Int(8, false)), field("u16", new ArrowType.Int(16, false)),
        field("u32", new ArrowType.Int(32, false)), field("u64", new ArrowType.Int(64, false)));
    ((UInt1Vector) root.getVector(0)).setSafe(0, 0xFF);
    ((UInt2Vector) root.getVector(1)).setSafe(0, 0xFFFF);
    ((UInt4Vector) root.getVector(2)).setSafe(0, 0xFFFF_FFFF);
    ((UInt8Vector) root.getVector(3)).setSafe(0, -1L);
    ((UInt1Vector) root.getVector(0)).setSafe(1, 7);
    ((UInt2Vector) root.getVector(1)).setSafe(1, 7);
    ((UInt4Vector) root.getVector(2)).setSafe(1, 7);
    ((UInt8Vector) root.getVector(3)).setSafe(1, 7);
    ResultSet rs = read(root, 2);

    ResultSetMetaData md = rs.getMetaData();
    assertEquals(List.of(Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.DECIMAL),
        List.of(md.getColumnType(1), md.getColumnType(2), md.getColumnType(3), md.getColumnType(4)));
    assertFalse(md.isSigned(4));
    assertEquals(20, md.getPrecision(4));
    assertTrue(rs.next());
    assertEquals(255, rs.getObject(1));
    assertEquals(65535, rs.getObject(2));
    assertEquals(4294967295L, rs.getObject(3));
    assertEquals(new BigDecimal("18446744073709551615"), rs.getObject(4));
    assertEquals("18446744073709551615", rs.getString(4));
    assertEquals(new BigInteger("18446744073709551615"), rs.getObject(4, BigInteger.class));
    assertEquals(4294967295L, rs.getLong(3));
    assertEquals("22003", assertThrows(SQLException.class, () -> rs.getLong(4)).getSQLState());
    assertEquals("22003", assertThrows(SQLException.class, () -> rs.getInt(3)).getSQLState());
    assertEquals("22003", assertThrows(SQLException.class, () -> rs.getByte(1)).getSQLState());
    assertEquals(1.8446744073709552E19, rs.getDouble(4));
    assertTrue(rs.next());
    assertEquals(7L, rs.getLong(4));
    assertEquals(7, rs.getByte(1));
    assertFalse(rs.next());
  }

  @Test
  void floatingPointKeepsItsPrecisionAndSpecialValues() throws Exception {
    VectorSchemaRoot root = root(field("f4", new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)),
        field("f8", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)));
    ((Float4Vector) root.getVector(0)).setSafe(0, 0.1f);
    ((Float8Vector) root.getVector(1)).setSafe(0, 0.1);
    ((Float4Vector) root.getVector(0)).setSafe(1, Float.NaN);
    ((Float8Vector) root.getVector(1)).setSafe(1, Double.NEGATIVE_INFINITY);
    ResultSet rs = read(root, 2);

    assertEquals(Types.REAL, rs.getMetaData().getColumnType(1));
    assertEquals(Types.DOUBLE, rs.getMetaData().getColumnType(2));
    assertTrue(rs.next());
    assertEquals(0.1f, rs.getObject(1));
    assertEquals(0.1f, rs.getFloat(1));
    assertEquals(0.1, rs.getObject(2));
    assertEquals("0.1", rs.getString(1));
    assertEquals(new BigDecimal("0.1"), rs.getBigDecimal(2));
    assertTrue(rs.next());
    assertTrue(Float.isNaN(rs.getFloat(1)));
    assertEquals(Double.NEGATIVE_INFINITY, rs.getDouble(2));
    assertFalse(rs.next());
  }

  @Test
  void decimalsOf128And256BitsKeepTheirScale() throws Exception {
    VectorSchemaRoot root = root(field("d128", new ArrowType.Decimal(38, 10, 128)),
        field("d256", new ArrowType.Decimal(76, 20, 256)));
    BigDecimal big128 = new BigDecimal("-1234567890123456789012345678.0123456789");
    BigDecimal big256 = new BigDecimal("12345678901234567890123456789012345678901234567890.12345678901234567890");
    ((DecimalVector) root.getVector(0)).setSafe(0, big128);
    ((Decimal256Vector) root.getVector(1)).setSafe(0, big256);
    ((DecimalVector) root.getVector(0)).setSafe(1, new BigDecimal("42.5000000000"));
    ((Decimal256Vector) root.getVector(1)).setSafe(1, new BigDecimal("-0.99999999999999999999"));
    ResultSet rs = read(root, 2);

    ResultSetMetaData md = rs.getMetaData();
    assertEquals(Types.DECIMAL, md.getColumnType(2));
    assertEquals(76, md.getPrecision(2));
    assertEquals(20, md.getScale(2));
    assertTrue(rs.next());
    assertEquals(big128, rs.getBigDecimal(1));
    assertEquals(big256, rs.getObject(2));
    assertEquals(big256.toPlainString(), rs.getString(2));
    assertEquals("22003", assertThrows(SQLException.class, () -> rs.getLong(1)).getSQLState());
    assertTrue(rs.next());
    assertEquals(42, rs.getInt(1), "getInt on a decimal drops the fraction");
    assertEquals(0, rs.getInt(2));
    assertEquals(20, rs.getBigDecimal(2).scale());
    assertFalse(rs.next());
  }

  @Test
  void textOfEveryLayoutIncludingViews() throws Exception {
    VectorSchemaRoot root = root(field("utf8", ArrowType.Utf8.INSTANCE), field("large", ArrowType.LargeUtf8.INSTANCE),
        field("view", ArrowType.Utf8View.INSTANCE));
    String shortText = "Zürich ☃";
    String longText = "a string longer than twelve bytes, so a view keeps it out of line: 日本語";
    byte[][] values = {shortText.getBytes(UTF_8), longText.getBytes(UTF_8)};
    for (int row = 0; row < 2; row++) {
      ((VarCharVector) root.getVector(0)).setSafe(row, values[row]);
      ((LargeVarCharVector) root.getVector(1)).setSafe(row, values[row]);
      ((ViewVarCharVector) root.getVector(2)).setSafe(row, values[row]);
    }
    root.getFieldVectors().forEach(v -> v.setNull(2));
    ResultSet rs = read(root, 3);

    for (int c = 1; c <= 3; c++) {
      assertEquals(Types.VARCHAR, rs.getMetaData().getColumnType(c));
    }
    for (String expected : List.of(shortText, longText)) {
      assertTrue(rs.next());
      for (int c = 1; c <= 3; c++) {
        assertEquals(expected, rs.getString(c));
        assertEquals(expected, rs.getObject(c));
      }
    }
    assertTrue(rs.next());
    assertNull(rs.getString(3));
    assertTrue(rs.wasNull());
    assertFalse(rs.next());
  }

  /**
   * The format requires UTF-8; bytes that are not are read as Java decodes them, each bad
   * sequence a U+FFFD, not checked byte by byte (which would cost every text value), and never an error.
   */
  @Test
  void textThatIsNotUtf8ReadsWithReplacementCharacters() throws Exception {
    VectorSchemaRoot root = root(field("t", ArrowType.Utf8.INSTANCE));
    ((VarCharVector) root.getVector(0)).setSafe(0, new byte[] {'o', 'k', (byte) 0xFF, (byte) 0xFE});
    ResultSet rs = read(root, 1);
    assertTrue(rs.next());
    assertEquals("ok\uFFFD\uFFFD", rs.getString(1));
  }

  @Test
  void binaryOfEveryLayout() throws Exception {
    VectorSchemaRoot root = root(field("bin", ArrowType.Binary.INSTANCE), field("large", ArrowType.LargeBinary.INSTANCE),
        field("view", ArrowType.BinaryView.INSTANCE), field("fixed", new ArrowType.FixedSizeBinary(4)));
    byte[] value = {0, (byte) 0xFF, 0x10, 0x7F};
    ((VarBinaryVector) root.getVector(0)).setSafe(0, value);
    ((LargeVarBinaryVector) root.getVector(1)).setSafe(0, value);
    ((ViewVarBinaryVector) root.getVector(2)).setSafe(0, value);
    ((FixedSizeBinaryVector) root.getVector(3)).setSafe(0, value);
    root.getFieldVectors().forEach(v -> v.setNull(1));
    ResultSet rs = read(root, 2);

    assertEquals(Types.BINARY, rs.getMetaData().getColumnType(4));
    assertEquals(4, rs.getMetaData().getPrecision(4));
    assertEquals(Types.VARBINARY, rs.getMetaData().getColumnType(3));
    assertTrue(rs.next());
    for (int c = 1; c <= 4; c++) {
      assertArrayEquals(value, rs.getBytes(c));
      assertArrayEquals(value, (byte[]) rs.getObject(c));
      assertEquals("00ff107f", rs.getString(c).toLowerCase(java.util.Locale.ROOT));
    }
    assertTrue(rs.next());
    assertNull(rs.getBytes(4));
    assertFalse(rs.next());
  }

  @Test
  void datesInDaysAndMillisecondsBeforeAndAfterTheEpoch() throws Exception {
    VectorSchemaRoot root = root(field("day", new ArrowType.Date(DateUnit.DAY)),
        field("milli", new ArrowType.Date(DateUnit.MILLISECOND)));
    LocalDate[] dates = {LocalDate.of(1969, 12, 31), LocalDate.of(2024, 2, 29), LocalDate.of(1, 1, 1)};
    for (int row = 0; row < dates.length; row++) {
      ((DateDayVector) root.getVector(0)).setSafe(row, (int) dates[row].toEpochDay());
      ((DateMilliVector) root.getVector(1)).setSafe(row, dates[row].toEpochDay() * 86_400_000L);
    }
    ResultSet rs = read(root, dates.length);

    for (LocalDate date : dates) {
      assertTrue(rs.next());
      for (int c = 1; c <= 2; c++) {
        assertEquals(Types.DATE, rs.getMetaData().getColumnType(c));
        assertEquals(date, rs.getObject(c, LocalDate.class));
        assertEquals(date.toString(), rs.getString(c));
        if (date.getYear() > 1582) {
          assertEquals(date, rs.getDate(c).toLocalDate());
        }
      }
    }
    assertFalse(rs.next());
  }

  @Test
  void timesOfEveryUnitKeepEveryDigit() throws Exception {
    VectorSchemaRoot root = root(field("s", new ArrowType.Time(TimeUnit.SECOND, 32)),
        field("ms", new ArrowType.Time(TimeUnit.MILLISECOND, 32)),
        field("us", new ArrowType.Time(TimeUnit.MICROSECOND, 64)),
        field("ns", new ArrowType.Time(TimeUnit.NANOSECOND, 64)));
    LocalTime time = LocalTime.of(23, 59, 58, 123_456_789);
    ((TimeSecVector) root.getVector(0)).setSafe(0, time.toSecondOfDay());
    ((TimeMilliVector) root.getVector(1)).setSafe(0, (int) (time.toNanoOfDay() / 1_000_000));
    ((TimeMicroVector) root.getVector(2)).setSafe(0, time.toNanoOfDay() / 1_000);
    ((TimeNanoVector) root.getVector(3)).setSafe(0, time.toNanoOfDay());
    ResultSet rs = read(root, 1);

    assertEquals(List.of(0, 3, 6, 9), List.of(rs.getMetaData().getScale(1), rs.getMetaData().getScale(2),
        rs.getMetaData().getScale(3), rs.getMetaData().getScale(4)));
    assertTrue(rs.next());
    assertEquals(LocalTime.of(23, 59, 58), rs.getObject(1, LocalTime.class));
    assertEquals(LocalTime.of(23, 59, 58, 123_000_000), rs.getObject(2, LocalTime.class));
    assertEquals(LocalTime.of(23, 59, 58, 123_456_000), rs.getObject(3, LocalTime.class));
    assertEquals(time, rs.getObject(4, LocalTime.class));
    assertEquals("23:59:58.123456789", rs.getString(4));
    assertEquals("23:59:58", rs.getString(1));
    // java.sql.Time keeps milliseconds, though its toLocalTime() drops them.
    assertEquals(LocalTime.of(23, 59, 58, 123_000_000),
        LocalTime.ofInstant(Instant.ofEpochMilli(rs.getTime(2).getTime()), ZoneId.systemDefault()));
    assertEquals(Types.TIME, rs.getMetaData().getColumnType(4));
  }

  @Test
  void timestampsOfEveryUnitWithAndWithoutZoneKeepTheExactInstant() throws Exception {
    TimeUnit[] units = TimeUnit.values();
    List<Field> fields = new ArrayList<>();
    for (TimeUnit unit : units) {
      fields.add(field("local_" + unit, new ArrowType.Timestamp(unit, null)));
      fields.add(field("zoned_" + unit, new ArrowType.Timestamp(unit, "Asia/Kolkata")));
    }
    VectorSchemaRoot root = root(fields.toArray(Field[]::new));
    // Before the epoch with a fraction: floor division matters.
    Instant instant = Instant.parse("1969-07-20T20:17:40.123456789Z");
    for (int i = 0; i < units.length; i++) {
      long value = switch (units[i]) {
        case SECOND -> instant.getEpochSecond();
        case MILLISECOND -> instant.toEpochMilli();
        case MICROSECOND -> Math.multiplyExact(instant.getEpochSecond(), 1_000_000L) + instant.getNano() / 1_000;
        case NANOSECOND -> Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L) + instant.getNano();
      };
      ((BaseFixedWidthVector) root.getVector(2 * i)).getDataBuffer().setLong(0, value);
      ((BaseFixedWidthVector) root.getVector(2 * i)).setIndexDefined(0);
      ((BaseFixedWidthVector) root.getVector(2 * i + 1)).getDataBuffer().setLong(0, value);
      ((BaseFixedWidthVector) root.getVector(2 * i + 1)).setIndexDefined(0);
    }
    ResultSet rs = read(root, 1);
    assertTrue(rs.next());

    ZoneId kolkata = ZoneId.of("Asia/Kolkata");
    Calendar newYork = Calendar.getInstance(TimeZone.getTimeZone("America/New_York"));
    ResultSetMetaData md = rs.getMetaData();
    for (int i = 0; i < units.length; i++) {
      Instant expected = instant.truncatedTo(switch (units[i]) {
        case SECOND -> java.time.temporal.ChronoUnit.SECONDS;
        case MILLISECOND -> java.time.temporal.ChronoUnit.MILLIS;
        case MICROSECOND -> java.time.temporal.ChronoUnit.MICROS;
        case NANOSECOND -> java.time.temporal.ChronoUnit.NANOS;
      });
      int local = 2 * i + 1;
      int zoned = 2 * i + 2;
      // Without a zone: a wall-clock time, the same in every JVM zone.
      LocalDateTime wallClock = LocalDateTime.ofInstant(expected, ZoneOffset.UTC);
      assertEquals(Types.TIMESTAMP, md.getColumnType(local));
      assertEquals(wallClock, rs.getObject(local, LocalDateTime.class));
      assertEquals(Timestamp.valueOf(wallClock), rs.getTimestamp(local));
      assertEquals(Timestamp.valueOf(wallClock), rs.getObject(local));
      assertEquals(wallClock.atZone(ZoneId.of("America/New_York")).toInstant(),
          rs.getTimestamp(local, newYork).toInstant());
      assertEquals(expected.getNano(), rs.getTimestamp(local).getNanos());
      // With a zone: an instant, shown in the column's zone.
      assertEquals(Types.TIMESTAMP_WITH_TIMEZONE, md.getColumnType(zoned));
      assertEquals(expected, rs.getObject(zoned, Instant.class));
      assertEquals(expected.atZone(kolkata).toOffsetDateTime(), rs.getObject(zoned));
      assertEquals(expected.atZone(kolkata).toOffsetDateTime(), rs.getObject(zoned, OffsetDateTime.class));
      assertEquals(expected.atZone(kolkata), rs.getObject(zoned, ZonedDateTime.class));
      assertEquals(LocalDateTime.ofInstant(expected, kolkata), rs.getObject(zoned, LocalDateTime.class));
      assertEquals(expected, rs.getTimestamp(zoned).toInstant());
      assertEquals(expected, rs.getTimestamp(zoned, newYork).toInstant());
    }
    assertEquals("1969-07-20 20:17:40.123456789", rs.getString(7));
    assertEquals("1969-07-21 01:47:40.123456789+05:30", rs.getString(8));
  }

  @Test
  void durationsAndIntervals() throws Exception {
    VectorSchemaRoot root = root(field("dur", new ArrowType.Duration(TimeUnit.MICROSECOND)),
        field("ym", new ArrowType.Interval(IntervalUnit.YEAR_MONTH)),
        field("dt", new ArrowType.Interval(IntervalUnit.DAY_TIME)),
        field("mdn", new ArrowType.Interval(IntervalUnit.MONTH_DAY_NANO)));
    ((DurationVector) root.getVector(0)).setSafe(0, -1_500_000);
    ((IntervalYearVector) root.getVector(1)).setSafe(0, 14);
    ((IntervalDayVector) root.getVector(2)).setSafe(0, 3, 4_000);
    ((IntervalMonthDayNanoVector) root.getVector(3)).setSafe(0, 1, 2, 3L);
    ResultSet rs = read(root, 1);

    assertTrue(rs.next());
    assertEquals(Duration.ofMillis(-1_500), rs.getObject(1));
    assertEquals(Duration.ofMillis(-1_500), rs.getObject(1, Duration.class));
    assertEquals(Period.ofMonths(14), rs.getObject(2));
    assertEquals(Duration.ofDays(3).plusSeconds(4), rs.getObject(3));
    assertEquals(new PeriodDuration(Period.of(0, 1, 2), Duration.ofNanos(3)), rs.getObject(4));
    assertEquals("PT-1.5S", rs.getString(1));
    assertEquals("P14M", rs.getString(2));
  }

  @Test
  void listsOfEveryLayoutAsArraysAndLists() throws Exception {
    VectorSchemaRoot root = root(field("ints", ArrowType.List.INSTANCE, field("item", new ArrowType.Int(32, true))),
        field("texts", ArrowType.LargeList.INSTANCE, field("item", ArrowType.Utf8.INSTANCE)),
        field("pair", new ArrowType.FixedSizeList(2), field("item",
            new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE))));
    ListVector ints = (ListVector) root.getVector(0);
    int at = ints.startNewValue(0);
    IntVector intItems = (IntVector) ints.getDataVector();
    intItems.setSafe(at, 1);
    intItems.setNull(at + 1);
    intItems.setSafe(at + 2, 3);
    ints.endValue(0, 3);
    ints.startNewValue(1);
    ints.endValue(1, 0);
    ints.setNull(2);
    LargeListVector texts = (LargeListVector) root.getVector(1);
    long textAt = texts.startNewValue(0);
    ((VarCharVector) texts.getDataVector()).setSafe((int) textAt, "x".getBytes(UTF_8));
    texts.endValue(0, 1);
    texts.setNull(1);
    texts.setNull(2);
    FixedSizeListVector pair = (FixedSizeListVector) root.getVector(2);
    int pairAt = pair.startNewValue(0);
    ((Float8Vector) pair.getDataVector()).setSafe(pairAt, 0.5);
    ((Float8Vector) pair.getDataVector()).setSafe(pairAt + 1, -2.0);
    pair.setNull(1);
    pair.setNull(2);
    ResultSet rs = read(root, 3);

    ResultSetMetaData md = rs.getMetaData();
    assertEquals(Types.ARRAY, md.getColumnType(1));
    assertEquals("ARRAY<INTEGER>", md.getColumnTypeName(1));
    assertEquals("ARRAY<VARCHAR>", md.getColumnTypeName(2));
    assertTrue(rs.next());
    Array array = rs.getArray(1);
    assertEquals("INTEGER", array.getBaseTypeName());
    assertEquals(Types.INTEGER, array.getBaseType());
    assertArrayEquals(new Object[] {1, null, 3}, (Object[]) array.getArray());
    assertEquals(Arrays.asList(1, null, 3), rs.getObject(1, List.class));
    assertEquals(List.of("x"), rs.getObject(2, List.class));
    assertArrayEquals(new Object[] {0.5, -2.0}, (Object[]) ((Array) rs.getObject(3)).getArray());
    assertTrue(rs.next());
    assertEquals(List.of(), rs.getObject(1, List.class));
    assertNull(rs.getArray(2));
    assertTrue(rs.next());
    assertNull(rs.getObject(1));
    assertTrue(rs.wasNull());
    assertFalse(rs.next());
  }

  @Test
  void structsAsMapsAndSqlStructs() throws Exception {
    VectorSchemaRoot root = root(field("point", ArrowType.Struct.INSTANCE, field("x", new ArrowType.Int(32, true)),
        field("label", ArrowType.Utf8.INSTANCE)));
    StructVector point = (StructVector) root.getVector(0);
    ((IntVector) point.getChild("x")).setSafe(0, 7);
    ((VarCharVector) point.getChild("label")).setNull(0);
    point.setIndexDefined(0);
    point.setNull(1);
    ResultSet rs = read(root, 2);

    assertEquals(Types.STRUCT, rs.getMetaData().getColumnType(1));
    assertTrue(rs.next());
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("x", 7);
    expected.put("label", null);
    assertEquals(expected, rs.getObject(1));
    assertArrayEquals(new Object[] {7, null}, rs.getObject(1, Struct.class).getAttributes());
    assertTrue(rs.next());
    assertNull(rs.getObject(1));
    assertFalse(rs.next());
  }

  @Test
  void mapsAsJavaMapsInEntryOrder() throws Exception {
    Field entries = new Field("entries", FieldType.notNullable(ArrowType.Struct.INSTANCE), List.of(
        new Field("key", FieldType.notNullable(ArrowType.Utf8.INSTANCE), null),
        field("value", new ArrowType.Int(64, true))));
    VectorSchemaRoot root = root(new Field("tags", FieldType.nullable(new ArrowType.Map(false)), List.of(entries)));
    MapVector tags = (MapVector) root.getVector(0);
    StructVector pairs = (StructVector) tags.getDataVector();
    int at = tags.startNewValue(0);
    // The format leaves keys' uniqueness to the producer: a repeated key keeps its last value.
    String[] keys = {"zeta", "alpha", "zeta"};
    for (int i = 0; i < keys.length; i++) {
      ((VarCharVector) pairs.getChild("key")).setSafe(at + i, keys[i].getBytes(UTF_8));
      if (i == 1) {
        ((BigIntVector) pairs.getChild("value")).setNull(at + i);
      } else {
        ((BigIntVector) pairs.getChild("value")).setSafe(at + i, 24 + i);
      }
      pairs.setIndexDefined(at + i);
    }
    tags.endValue(0, keys.length);
    tags.setNull(1);
    ResultSet rs = read(root, 2);

    assertEquals("MAP<VARCHAR,BIGINT>", rs.getMetaData().getColumnTypeName(1));
    assertTrue(rs.next());
    Map<Object, Object> expected = new LinkedHashMap<>();
    expected.put("zeta", 26L);
    expected.put("alpha", null);
    Object map = rs.getObject(1);
    assertEquals(expected, map);
    assertEquals(List.of("zeta", "alpha"), List.copyOf(((Map<?, ?>) map).keySet()));
    assertEquals(expected, rs.getObject(1, Map.class));
    assertTrue(rs.next());
    assertNull(rs.getObject(1));
    assertFalse(rs.next());
  }

  @Test
  void dictionaryEncodedColumnsAreDecoded() throws Exception {
    VarCharVector colors = new VarCharVector("colors", allocator);
    open.add(colors);
    colors.allocateNew();
    colors.setSafe(0, "red".getBytes(UTF_8));
    colors.setSafe(1, "green".getBytes(UTF_8));
    colors.setValueCount(2);
    DictionaryEncoding encoding = new DictionaryEncoding(5, false, new ArrowType.Int(16, true));
    Dictionary dictionary = new Dictionary(colors, encoding);
    VectorSchemaRoot root = root(new Field("color", new FieldType(true, new ArrowType.Int(16, true), encoding), null));
    SmallIntVector indexes = (SmallIntVector) root.getVector(0);
    indexes.setSafe(0, 1);
    indexes.setSafe(1, 0);
    indexes.setNull(2);
    indexes.setSafe(3, 1);
    root.setRowCount(4);
    ResultSet rs = read(IpcStreams.withDictionaries(new Dictionary[] {dictionary}, root));

    assertEquals(Types.VARCHAR, rs.getMetaData().getColumnType(1));
    List<String> values = new ArrayList<>();
    while (rs.next()) {
      values.add(rs.getString("color"));
    }
    assertEquals(Arrays.asList("green", "red", null, "green"), values);
  }

  @Test
  void dictionaryEncodedColumnsKeepTheirOwnMetadataAndNullability() throws Exception {
    VarCharVector codes = new VarCharVector("codes", allocator);
    open.add(codes);
    codes.allocateNew();
    codes.setSafe(0, "abc".getBytes(UTF_8));
    codes.setValueCount(1);
    DictionaryEncoding encoding = new DictionaryEncoding(3, false, new ArrowType.Int(32, true));
    Map<String, String> declared = Map.of(ArrowFieldTypes.TYPE_NAME, "CHAR", ArrowFieldTypes.PRECISION, "3");
    VectorSchemaRoot root = root(new Field("code", new FieldType(true, new ArrowType.Int(32, true), encoding,
        declared), null));
    ((IntVector) root.getVector(0)).setSafe(0, 0);
    root.setRowCount(1);
    ResultSet rs = read(IpcStreams.withDictionaries(new Dictionary[] {new Dictionary(codes, encoding)}, root));

    ResultSetMetaData md = rs.getMetaData();
    assertEquals(Types.CHAR, md.getColumnType(1));
    assertEquals(3, md.getPrecision(1));
    assertEquals(ResultSetMetaData.columnNullable, md.isNullable(1));
    assertTrue(rs.next());
    assertEquals("abc", rs.getString(1));
  }

  /** Schema.fbs: an empty zone is no zone. Arrow Java writes "" where it is given it. */
  @Test
  void aTimestampWithAnEmptyZoneIsATimestampWithoutOne() throws Exception {
    VectorSchemaRoot root = root(field("ts", new ArrowType.Timestamp(TimeUnit.SECOND, "")));
    ((BaseFixedWidthVector) root.getVector(0)).getDataBuffer().setLong(0, 86_400);
    ((BaseFixedWidthVector) root.getVector(0)).setIndexDefined(0);
    ResultSet rs = read(root, 1);

    assertEquals(Types.TIMESTAMP, rs.getMetaData().getColumnType(1));
    assertTrue(rs.next());
    assertEquals(LocalDateTime.of(1970, 1, 2, 0, 0), rs.getObject(1, LocalDateTime.class));
  }

  /**
   * Valid Arrow the driver cannot read is refused as such (0A000), before any row, never read as
   * something else: without the check, big-endian values read byte-swapped, and a
   * dictionary-encoded list element read as its index.
   */
  @Test
  void whatTheDriverCannotReadIsRefusedBeforeAnyRowNotMisread() throws Exception {
    Field element = new Field("item", new FieldType(true, ArrowType.Utf8.INSTANCE,
        new DictionaryEncoding(1, false, new ArrowType.Int(32, true))), null);
    Map<String, byte[]> refused = new LinkedHashMap<>();
    refused.put("big-endian", schemaOnly(Endianness.Big, b -> field("i", new ArrowType.Int(32, true)).getField(b)));
    refused.put("decimal of 32 bits", schemaOnly(Endianness.Little, b -> org.apache.arrow.flatbuf.Field.createField(b,
        b.createString("d32"), true, Type.Decimal, org.apache.arrow.flatbuf.Decimal.createDecimal(b, 7, 2, 32), 0,
        org.apache.arrow.flatbuf.Field.createChildrenVector(b, new int[0]), 0)));
    refused.put("dictionary-encoded field inside", schemaOnly(Endianness.Little,
        b -> field("tags", ArrowType.List.INSTANCE, element).getField(b)));
    refused.put("list-view", schemaOnly(Endianness.Little,
        b -> field("lv", ArrowType.ListView.INSTANCE, field("item", new ArrowType.Int(32, true))).getField(b)));
    refused.put("fixed-size binary of no bytes", schemaOnly(Endianness.Little,
        b -> field("b0", new ArrowType.FixedSizeBinary(0)).getField(b)));
    refused.put("fixed-size list of no elements", schemaOnly(Endianness.Little,
        b -> field("l0", new ArrowType.FixedSizeList(0), field("item", new ArrowType.Int(32, true))).getField(b)));
    refused.put("union that declares no type ids", schemaOnly(Endianness.Little, b -> field("u",
        new ArrowType.Union(UnionMode.Sparse, null), field("i", new ArrowType.Int(32, true))).getField(b)));
    refused.put("two fields of one name", schemaOnly(Endianness.Little, b -> field("s", ArrowType.Struct.INSTANCE,
        field("x", new ArrowType.Int(32, true)), field("x", ArrowType.Utf8.INSTANCE)).getField(b)));
    for (Map.Entry<String, byte[]> stream : refused.entrySet()) {
      SQLException e = assertThrows(SQLException.class, () -> read(stream.getValue()), stream.getKey());
      assertEquals("0A000", e.getSQLState(), stream.getKey() + ": " + e.getMessage());
      assertTrue(e.getMessage().contains(stream.getKey()), e.getMessage());
    }
  }

  /**
   * What the format does not allow is a corrupt schema, not values read at the wrong width or in
   * the wrong member: Schema.fbs gives each time unit its width and decimals four widths, and a
   * union one distinct type id from 0 to 127 per member.
   */
  @Test
  void aSchemaTheFormatDoesNotAllowIsCorrupt() {
    Field[] members = {field("i", new ArrowType.Int(32, true)), field("s", ArrowType.Utf8.INSTANCE)};
    Map<String, Field> corrupt = new LinkedHashMap<>();
    corrupt.put("the format has 32", field("t", new ArrowType.Time(TimeUnit.MILLISECOND, 64)));
    corrupt.put("the format has 64", field("t", new ArrowType.Time(TimeUnit.NANOSECOND, 32)));
    corrupt.put("the format has 32, 64, 128 and 256", field("d", new ArrowType.Decimal(7, 2, 96)));
    corrupt.put("or twice", field("u", new ArrowType.Union(UnionMode.Dense, new int[] {5, 5}), members));
    corrupt.put("out of 0 to 127", field("u", new ArrowType.Union(UnionMode.Sparse, new int[] {0, 128}), members));
    corrupt.put("declares 1 type ids for 2 members", field("u", new ArrowType.Union(UnionMode.Sparse, new int[] {0}),
        members));
    for (Map.Entry<String, Field> schema : corrupt.entrySet()) {
      SQLException e = assertThrows(SQLException.class,
          () -> read(schemaOnly(Endianness.Little, b -> schema.getValue().getField(b))), schema.getKey());
      assertEquals("22000", e.getSQLState(), e.getMessage());
      assertTrue(e.getMessage().contains(schema.getKey()), e.getMessage());
    }
  }

  /** A stream of one schema message, its field written by {@code field} and its byte order given, and no batch. */
  private static byte[] schemaOnly(short endianness, ToIntFunction<FlatBufferBuilder> field) throws IOException {
    FlatBufferBuilder builder = new FlatBufferBuilder();
    int fields = org.apache.arrow.flatbuf.Schema.createFieldsVector(builder, new int[] {field.applyAsInt(builder)});
    org.apache.arrow.flatbuf.Schema.startSchema(builder);
    org.apache.arrow.flatbuf.Schema.addEndianness(builder, endianness);
    org.apache.arrow.flatbuf.Schema.addFields(builder, fields);
    int schema = org.apache.arrow.flatbuf.Schema.endSchema(builder);
    ByteBuffer message = MessageSerializer.serializeMessage(builder, MessageHeader.Schema, schema, 0,
        IpcOption.DEFAULT);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    WriteChannel out = new WriteChannel(Channels.newChannel(bytes));
    MessageSerializer.writeMessageBuffer(out, message.remaining(), message, IpcOption.DEFAULT);
    ArrowStreamWriter.writeEndOfStream(out, IpcOption.DEFAULT);
    return bytes.toByteArray();
  }

  /**
   * A union's type ids name its members through the ids it declares (or the members' positions):
   * Arrow Java's own getters read them as its type codes, and so read other producers' unions as nulls.
   */
  @Test
  void unionsReadEachValueFromTheMemberItsTypeIdNames() throws Exception {
    // Sparse, with declared ids 3 and 9: 1, "b", NULL (in the int member), 3.
    VectorSchemaRoot sparseRoot = root(field("u", new ArrowType.Union(UnionMode.Sparse, new int[] {3, 9}),
        field("i", new ArrowType.Int(32, true)), field("s", ArrowType.Utf8.INSTANCE)));
    UnionVector sparse = (UnionVector) sparseRoot.getVector(0);
    IntVector ints = (IntVector) sparse.getChildrenFromFields().get(0);
    VarCharVector texts = (VarCharVector) sparse.getChildrenFromFields().get(1);
    byte[] sparseIds = {3, 9, 3, 3};
    for (int row = 0; row < sparseIds.length; row++) {
      sparse.getTypeBuffer().setByte(row, sparseIds[row]);
    }
    ints.setSafe(0, 1);
    ints.setNull(2);
    ints.setSafe(3, 3);
    texts.setSafe(1, "b".getBytes(UTF_8));
    ints.setValueCount(4);
    texts.setValueCount(4);
    sparse.setValueCount(4);
    ResultSet rs = read(sparseRoot, 4);
    assertEquals(Types.OTHER, rs.getMetaData().getColumnType(1));
    List<Object> values = new ArrayList<>();
    while (rs.next()) {
      values.add(rs.getObject(1));
    }
    assertEquals(Arrays.asList(1, "b", null, 3), values);

    // Dense, with declared ids 5 and 7: 10, "x", 30, each at its offset in its member.
    VectorSchemaRoot denseRoot = root(field("u", new ArrowType.Union(UnionMode.Dense, new int[] {5, 7}),
        field("i", new ArrowType.Int(32, true)), field("s", ArrowType.Utf8.INSTANCE)));
    DenseUnionVector dense = (DenseUnionVector) denseRoot.getVector(0);
    fillDense(dense, new byte[] {5, 7, 5}, new int[] {0, 0, 1}, new int[] {10, 30}, "x");
    ResultSet denseRs = read(denseRoot, 3);
    values.clear();
    while (denseRs.next()) {
      values.add(denseRs.getString(1));
    }
    assertEquals(List.of("10", "x", "30"), values);
  }

  /** Read through Arrow's own getter, text comes out as a String, not Arrow's Text (relocated in the one-file jar). */
  @Test
  void runEndEncodedTextReadsAsStrings() throws Exception {
    VectorSchemaRoot root = root(field("r", ArrowType.RunEndEncoded.INSTANCE, field("run_ends",
        new ArrowType.Int(32, true)), field("values", ArrowType.Utf8.INSTANCE)));
    RunEndEncodedVector runs = (RunEndEncodedVector) root.getVector(0);
    IntVector ends = (IntVector) runs.getRunEndsVector();
    VarCharVector values = (VarCharVector) runs.getValuesVector();
    ends.setSafe(0, 2);
    ends.setSafe(1, 3);
    ends.setValueCount(2);
    values.setSafe(0, "aa".getBytes(UTF_8));
    values.setSafe(1, "b".getBytes(UTF_8));
    values.setValueCount(2);
    runs.setValueCount(3);
    ResultSet rs = read(root, 3);
    List<Object> read = new ArrayList<>();
    while (rs.next()) {
      read.add(rs.getObject(1));
    }
    assertEquals(List.of("aa", "aa", "b"), read);
  }

  @Test
  void aUnionInsideAListIsReadAndCheckedAsAColumnOfOneIs() throws Exception {
    for (int lastOffset : new int[] {1, 1_000_000}) {
      VectorSchemaRoot root = root(field("l", ArrowType.List.INSTANCE, field("u",
          new ArrowType.Union(UnionMode.Dense, new int[] {5, 7}), field("i", new ArrowType.Int(32, true)),
          field("s", ArrowType.Utf8.INSTANCE))));
      ListVector list = (ListVector) root.getVector(0);
      fillDense((DenseUnionVector) list.getDataVector(), new byte[] {5, 7, 5}, new int[] {0, 0, lastOffset},
          new int[] {10, 30}, "x");
      list.startNewValue(0);
      list.endValue(0, 3);
      if (lastOffset == 1) {
        ResultSet rs = read(root, 1);
        assertTrue(rs.next());
        assertEquals(List.of(10, "x", 30), rs.getObject(1, List.class));
      } else {
        // Read by address, a dense offset outside its member would read memory that is not the batch's.
        SQLException e = assertThrows(SQLException.class, () -> {
          ResultSet rs = read(root, 1);
          while (rs.next()) {
            rs.getObject(1);
          }
        });
        assertEquals("22000", e.getSQLState(), e.getMessage());
        assertTrue(e.getMessage().contains("offset 1000000"), e.getMessage());
      }
    }
  }

  @Test
  void aUnionTypeIdItDoesNotDeclareOrAnOffsetOutsideItsMemberIsCorrupt() throws Exception {
    for (int[] offsets : List.of(new int[] {0, 0, 1}, new int[] {0, 0, 2})) {
      VectorSchemaRoot root = root(field("u", new ArrowType.Union(UnionMode.Dense, new int[] {5, 7}),
          field("i", new ArrowType.Int(32, true)), field("s", ArrowType.Utf8.INSTANCE)));
      boolean badId = offsets[2] == 1;
      fillDense((DenseUnionVector) root.getVector(0), new byte[] {5, 7, (byte) (badId ? 6 : 5)}, offsets,
          new int[] {10, 30}, "x");
      SQLException e = assertThrows(SQLException.class, () -> {
        ResultSet rs = read(root, 3);
        while (rs.next()) {
          rs.getObject(1);
        }
      });
      assertEquals("22000", e.getSQLState(), e.getMessage());
      assertTrue(e.getMessage().contains(badId ? "type id 6" : "offset 2"), e.getMessage());
    }
  }

  /** A dense union of an int member and a text member, its type ids and offsets written as given. */
  private static void fillDense(DenseUnionVector union, byte[] typeIds, int[] offsets, int[] ints, String text) {
    IntVector intMember = (IntVector) union.getChildrenFromFields().get(0);
    VarCharVector textMember = (VarCharVector) union.getChildrenFromFields().get(1);
    for (int i = 0; i < ints.length; i++) {
      intMember.setSafe(i, ints[i]);
    }
    intMember.setValueCount(ints.length);
    textMember.setSafe(0, text.getBytes(UTF_8));
    textMember.setValueCount(1);
    for (int row = 0; row < typeIds.length; row++) {
      union.getTypeBuffer().setByte(row, typeIds[row]);
      union.getOffsetBuffer().setInt(4L * row, offsets[row]);
    }
    union.setValueCount(typeIds.length);
  }

  @Test
  void nullColumns() throws Exception {
    VectorSchemaRoot root = root(field("nothing", ArrowType.Null.INSTANCE), field("n", new ArrowType.Int(32, true)));
    ((IntVector) root.getVector(1)).setSafe(0, 1);
    ((IntVector) root.getVector(1)).setSafe(1, 2);
    ResultSet rs = read(root, 2);

    assertEquals(Types.NULL, rs.getMetaData().getColumnType(1));
    while (rs.next()) {
      assertNull(rs.getObject(1));
      assertNull(rs.getString(1));
      assertTrue(rs.wasNull());
      assertFalse(rs.getBoolean(1));
    }
  }

  @Test
  void rowsOfManyBatchesAndUnitsComeOutInOrder() throws Exception {
    List<byte[]> units = new ArrayList<>();
    int next = 0;
    for (int unit = 0; unit < 9; unit++) {
      VectorSchemaRoot[] batches = new VectorSchemaRoot[unit % 3 + 1];
      for (int b = 0; b < batches.length; b++) {
        batches[b] = root(field("n", new ArrowType.Int(32, true)));
        int rows = 1 + (unit + b) % 4;
        for (int r = 0; r < rows; r++) {
          ((IntVector) batches[b].getVector(0)).setSafe(r, next++);
        }
        batches[b].setRowCount(rows);
      }
      units.add(IpcStreams.of(batches));
    }
    ResultSet rs = read(units.toArray(byte[][]::new));
    int expected = 0;
    while (rs.next()) {
      assertEquals(expected++, rs.getInt(1));
    }
    assertEquals(next, expected);
  }

  @Test
  void aUnitWhoseSchemaDiffersFromTheFirstIsAnError() throws Exception {
    VectorSchemaRoot ints = root(field("n", new ArrowType.Int(32, true)));
    ((IntVector) ints.getVector(0)).setSafe(0, 1);
    ints.setRowCount(1);
    VectorSchemaRoot texts = root(field("n", ArrowType.Utf8.INSTANCE));
    ((VarCharVector) texts.getVector(0)).setSafe(0, "1".getBytes(UTF_8));
    texts.setRowCount(1);
    // Units are fetched in parallel: whichever arrives second is the one found to differ.
    SQLException e = assertThrows(SQLException.class, () -> {
      ResultSet rs = read(IpcStreams.of(ints), IpcStreams.of(texts));
      while (rs.next()) {
        rs.getObject(1);
      }
    });
    assertEquals("22000", e.getSQLState());
    assertTrue(e.getMessage().contains("which differs from work unit"), e.getMessage());
  }

  @Test
  void aQueryWithNoWorkUnitsIsAnEmptyResultWhoseMetadataWorks() throws Exception {
    ResultSet rs = read();
    assertEquals(0, rs.getMetaData().getColumnCount());
    assertFalse(rs.next());
  }

  @Test
  void bytesThatAreNotArrowAreAnErrorAndLeaveNothingAllocated() throws Exception {
    Connection connection = fixture.connect("");
    open.add(connection);
    String queryId = fixture.local.publishQuery("garbage", List.of("not arrow at all".getBytes(UTF_8)));
    SQLException e = assertThrows(SQLException.class, () -> {
      try (ResultSet rs = connection.createStatement()
          .executeQuery("SELECT * FROM system.query_results WHERE query_id = '" + queryId + "'")) {
        while (rs.next()) {
          rs.getObject(1);
        }
      }
    });
    assertTrue(e.getMessage().contains("work unit"), e.getMessage());
    assertEquals(0, connection.unwrap(dev.lakeformation.jdbc.driver.LfConnection.class).allocatedBytes());
  }
}
