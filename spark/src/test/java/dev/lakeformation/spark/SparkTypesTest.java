package dev.lakeformation.spark;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.core.arrow.IpcStreams;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.Decimal256Vector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.DurationVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.IntervalDayVector;
import org.apache.arrow.vector.IntervalMonthDayNanoVector;
import org.apache.arrow.vector.IntervalYearVector;
import org.apache.arrow.vector.LargeVarBinaryVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.TimeMilliVector;
import org.apache.arrow.vector.TimeNanoVector;
import org.apache.arrow.vector.TimeSecVector;
import org.apache.arrow.vector.TimeStampMilliVector;
import org.apache.arrow.vector.TimeStampNanoTZVector;
import org.apache.arrow.vector.TimeStampSecTZVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.UInt2Vector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ViewVarBinaryVector;
import org.apache.arrow.vector.ViewVarCharVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.LargeListVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.IntervalUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.UnionMode;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.unsafe.types.CalendarInterval;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every type the driver maps, as Spark sees it: the {@code types.all_types} sample table value
 * by value against H2, and the Arrow types H2 cannot produce (unsigned, Decimal256, views,
 * every time unit, intervals, nested types) written here as Arrow IPC, served by
 * LakeFormation Local and read back through Spark.
 */
@Tag("spark")
class SparkTypesTest {
  private static final DateTimeFormatter MICROSECOND_TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");

  private static SparkFixture fixture;
  private static BufferAllocator allocator;
  private final List<VectorSchemaRoot> roots = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    fixture = SparkFixture.shared();
    allocator = new RootAllocator();
  }

  @AfterAll
  static void stop() {
    allocator.close();
  }

  @AfterEach
  void closeRoots() {
    roots.forEach(VectorSchemaRoot::close);
    roots.clear();
  }

  @Test
  void everyValueOfAllTypesAgreesWithH2() throws Exception {
    Dataset<Row> df = fixture.query("types", "SELECT * FROM all_types ORDER BY id");
    assertEquals(List.of(DataTypes.IntegerType, DataTypes.ByteType, DataTypes.ShortType, DataTypes.IntegerType,
        DataTypes.LongType, DataTypes.createDecimalType(5, 2), DataTypes.createDecimalType(18, 4),
        DataTypes.createDecimalType(38, 10), DataTypes.DoubleType, DataTypes.FloatType, DataTypes.BooleanType,
        DataTypes.StringType, DataTypes.StringType, DataTypes.BinaryType, DataTypes.DateType, DataTypes.StringType,
        DataTypes.TimestampNTZType, DataTypes.TimestampType, DataTypes.createArrayType(DataTypes.IntegerType),
        DataTypes.createArrayType(DataTypes.StringType)), types(df));
    List<Row> rows = df.collectAsList();
    try (Connection h2 = fixture.local.openH2(); Statement s = h2.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM types.all_types ORDER BY id")) {
      int r = 0;
      while (rs.next()) {
        Row row = rows.get(r++);
        StructField[] fields = df.schema().fields();
        for (int c = 0; c < fields.length; c++) {
          Object expected = h2Value(rs, c + 1, fields[c]);
          Object actual = sparkValue(row, c);
          assertEquals(expected, actual, "row " + r + ", column " + fields[c].name());
        }
      }
      assertEquals(rows.size(), r);
    }
  }

  /** H2's value as Spark should show it (Spark's external types, with the java.time API on). */
  private static Object h2Value(ResultSet rs, int column, StructField field) throws Exception {
    if (rs.getObject(column) == null) {
      return null;
    }
    DataType type = field.dataType();
    if (field.name().equals("c_time")) {
      return MICROSECOND_TIME.format(rs.getObject(column, LocalTime.class)); // TIME(6): six fraction digits
    }
    if (type.equals(DataTypes.ByteType)) {
      return rs.getByte(column);
    } else if (type.equals(DataTypes.ShortType)) {
      return rs.getShort(column);
    } else if (type.equals(DataTypes.FloatType)) {
      return rs.getFloat(column);
    } else if (type.equals(DataTypes.BinaryType)) {
      return List.of(ArrayUtils.boxed(rs.getBytes(column)));
    } else if (type.equals(DataTypes.DateType)) {
      return rs.getObject(column, LocalDate.class);
    } else if (type.equals(DataTypes.TimestampNTZType)) {
      return rs.getObject(column, LocalDateTime.class);
    } else if (type.equals(DataTypes.TimestampType)) {
      return rs.getObject(column, OffsetDateTime.class).toInstant();
    } else if (type instanceof org.apache.spark.sql.types.ArrayType) {
      return Arrays.asList((Object[]) rs.getArray(column).getArray());
    } else if (type instanceof org.apache.spark.sql.types.DecimalType) {
      return rs.getBigDecimal(column);
    }
    return rs.getObject(column);
  }

  /** Spark's value, with arrays and byte arrays as lists so that equals compares their elements. */
  private static Object sparkValue(Row row, int column) {
    Object value = row.get(column);
    if (value instanceof byte[] bytes) {
      return List.of(ArrayUtils.boxed(bytes));
    }
    if (value instanceof scala.collection.Seq<?> seq) {
      return SparkFixture.javaList(seq);
    }
    return value;
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
    root.getFieldVectors().forEach(v -> v.setNull(2));
    Dataset<Row> df = read(root, 3);

    assertEquals(List.of(DataTypes.ShortType, DataTypes.IntegerType, DataTypes.LongType,
        DataTypes.createDecimalType(20, 0)), types(df));
    List<Row> rows = df.collectAsList();
    assertEquals(List.of((short) 255, 65_535, 4_294_967_295L, new BigDecimal("18446744073709551615")),
        values(rows.get(0)));
    assertEquals(List.of((short) 7, 7, 7L, new BigDecimal(7)), values(rows.get(1)));
    assertEquals(Arrays.asList(null, null, null, null), values(rows.get(2)));
  }

  @Test
  void decimalsUpTo38DigitsAsDecimalsWiderOnesAsExactTextAndBooleans() throws Exception {
    VectorSchemaRoot root = root(field("d38", new ArrowType.Decimal(38, 0, 128)),
        field("d256", new ArrowType.Decimal(20, 4, 256)), field("wide", new ArrowType.Decimal(50, 10, 256)),
        field("flag", ArrowType.Bool.INSTANCE));
    BigDecimal beyondLong = new BigDecimal("-99999999999999999999999999999999999999");
    BigDecimal wide = new BigDecimal("1234567890123456789012345678901234567890.0123456789");
    ((DecimalVector) root.getVector(0)).setSafe(0, beyondLong);
    ((DecimalVector) root.getVector(0)).setSafe(1, new BigDecimal(-5));
    ((Decimal256Vector) root.getVector(1)).setSafe(0, new BigDecimal("1234567890123456.7891"));
    ((Decimal256Vector) root.getVector(1)).setSafe(1, new BigDecimal("-0.0001"));
    ((Decimal256Vector) root.getVector(2)).setSafe(0, wide);
    ((Decimal256Vector) root.getVector(2)).setSafe(1, wide.negate());
    ((BitVector) root.getVector(3)).setSafe(0, 1);
    ((BitVector) root.getVector(3)).setSafe(1, 0);
    Dataset<Row> df = read(root, 2);

    assertEquals(List.of(DataTypes.createDecimalType(38, 0), DataTypes.createDecimalType(20, 4), DataTypes.StringType,
        DataTypes.BooleanType), types(df));
    List<Row> rows = df.collectAsList();
    assertEquals(List.of(beyondLong, new BigDecimal("1234567890123456.7891"), wide.toPlainString(), true),
        values(rows.get(0)));
    assertEquals(List.of(new BigDecimal(-5), new BigDecimal("-0.0001"), wide.negate().toPlainString(), false),
        values(rows.get(1)));
  }

  @Test
  void textAndBinaryOfEveryLayout() throws Exception {
    VectorSchemaRoot root = root(field("view", ArrowType.Utf8View.INSTANCE), field("large", ArrowType.LargeUtf8.INSTANCE),
        field("bview", ArrowType.BinaryView.INSTANCE), field("lbin", ArrowType.LargeBinary.INSTANCE),
        field("fixed", new ArrowType.FixedSizeBinary(3)));
    String[] texts = {"short", "longer than the 12 bytes a view holds inline: Grüße, 東京 🚀", ""};
    for (int row = 0; row < texts.length; row++) {
      byte[] bytes = texts[row].getBytes(UTF_8);
      ((ViewVarCharVector) root.getVector(0)).setSafe(row, bytes);
      ((LargeVarCharVector) root.getVector(1)).setSafe(row, bytes);
      ((ViewVarBinaryVector) root.getVector(2)).setSafe(row, bytes);
      ((LargeVarBinaryVector) root.getVector(3)).setSafe(row, bytes);
      ((FixedSizeBinaryVector) root.getVector(4)).setSafe(row, new byte[] {(byte) row, -1, 0});
    }
    root.getFieldVectors().forEach(v -> v.setNull(3));
    Dataset<Row> df = read(root, 4);

    assertEquals(List.of(DataTypes.StringType, DataTypes.StringType, DataTypes.BinaryType, DataTypes.BinaryType,
        DataTypes.BinaryType), types(df));
    List<Row> rows = df.collectAsList();
    for (int row = 0; row < texts.length; row++) {
      assertEquals(texts[row], rows.get(row).getString(0));
      assertEquals(texts[row], rows.get(row).getString(1));
      assertArrayEquals(texts[row].getBytes(UTF_8), (byte[]) rows.get(row).get(2));
      assertArrayEquals(texts[row].getBytes(UTF_8), (byte[]) rows.get(row).get(3));
      assertArrayEquals(new byte[] {(byte) row, -1, 0}, (byte[]) rows.get(row).get(4));
    }
    assertEquals(Arrays.asList(null, null, null, null, null), values(rows.get(3)));
    // Spark's own string functions work on the strings read in place.
    assertEquals(List.of("SHORT", "LONGER THAN THE 12 BYTES A VIEW HOLDS INLINE: GRÜSSE, 東京 🚀", ""),
        df.selectExpr("upper(large)").collectAsList().stream().limit(3).map(r -> r.getString(0)).toList());
  }

  @Test
  void timesDatesTimestampsAndIntervalsOfEveryUnit() throws Exception {
    VectorSchemaRoot root = root(field("t_s", new ArrowType.Time(TimeUnit.SECOND, 32)),
        field("t_ms", new ArrowType.Time(TimeUnit.MILLISECOND, 32)),
        field("t_ns", new ArrowType.Time(TimeUnit.NANOSECOND, 64)),
        field("d_ms", new ArrowType.Date(DateUnit.MILLISECOND)),
        field("ts_s", new ArrowType.Timestamp(TimeUnit.SECOND, "UTC")),
        field("ts_ms", new ArrowType.Timestamp(TimeUnit.MILLISECOND, null)),
        field("ts_ns", new ArrowType.Timestamp(TimeUnit.NANOSECOND, "+05:30")),
        field("dur", new ArrowType.Duration(TimeUnit.MILLISECOND)),
        field("ym", new ArrowType.Interval(IntervalUnit.YEAR_MONTH)),
        field("dt", new ArrowType.Interval(IntervalUnit.DAY_TIME)),
        field("mdn", new ArrowType.Interval(IntervalUnit.MONTH_DAY_NANO)));
    ((TimeSecVector) root.getVector(0)).setSafe(0, 3_661);
    ((TimeMilliVector) root.getVector(1)).setSafe(0, 45_296_789);
    ((TimeNanoVector) root.getVector(2)).setSafe(0, 86_399_999_999_999L);
    ((DateMilliVector) root.getVector(3)).setSafe(0, -1L);
    ((TimeStampSecTZVector) root.getVector(4)).setSafe(0, -1L);
    ((TimeStampMilliVector) root.getVector(5)).setSafe(0, 1_709_001_000_123L);
    ((TimeStampNanoTZVector) root.getVector(6)).setSafe(0, 1_700_000_000_123_456_789L);
    ((DurationVector) root.getVector(7)).setSafe(0, 90_061_001L);
    ((IntervalYearVector) root.getVector(8)).setSafe(0, 14);
    ((IntervalDayVector) root.getVector(9)).setSafe(0, 2, 3_000);
    ((IntervalMonthDayNanoVector) root.getVector(10)).setSafe(0, 1, 2, 3_000_999L);
    root.getFieldVectors().forEach(v -> v.setNull(1));
    Dataset<Row> df = read(root, 2);

    assertEquals(List.of(DataTypes.StringType, DataTypes.StringType, DataTypes.StringType, DataTypes.DateType,
        DataTypes.TimestampType, DataTypes.TimestampNTZType, DataTypes.TimestampType,
        DataTypes.createDayTimeIntervalType(), DataTypes.createYearMonthIntervalType(),
        DataTypes.createDayTimeIntervalType(), DataTypes.CalendarIntervalType), types(df));
    List<Row> rows = df.collectAsList();
    assertEquals(List.of("01:01:01", "12:34:56.789", "23:59:59.999999999", LocalDate.of(1969, 12, 31),
        Instant.parse("1969-12-31T23:59:59Z"), LocalDateTime.parse("2024-02-27T02:30:00.123"),
        Instant.parse("2023-11-14T22:13:20.123456Z"), Duration.ofMillis(90_061_001L), Period.ofMonths(14).normalized(),
        Duration.ofDays(2).plusSeconds(3), new CalendarInterval(1, 2, 3_000)), values(rows.get(0)));
    assertEquals(Arrays.asList(new Object[11]), values(rows.get(1)));
  }

  @Test
  void structsMapsAndListsOfEveryLayout() throws Exception {
    Field entries = new Field("entries", FieldType.notNullable(ArrowType.Struct.INSTANCE), List.of(
        new Field("key", FieldType.notNullable(ArrowType.Utf8.INSTANCE), null), field("value", new ArrowType.Int(64, true))));
    VectorSchemaRoot root = root(
        field("point", ArrowType.Struct.INSTANCE, field("x", new ArrowType.Int(32, true)), field("label", ArrowType.Utf8.INSTANCE)),
        new Field("tags", FieldType.nullable(new ArrowType.Map(false)), List.of(entries)),
        field("ints", ArrowType.List.INSTANCE, field("item", new ArrowType.Int(32, true))),
        field("texts", ArrowType.LargeList.INSTANCE, field("item", ArrowType.Utf8.INSTANCE)),
        field("pair", new ArrowType.FixedSizeList(2), field("item", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE))),
        field("nothing", ArrowType.Null.INSTANCE));
    StructVector point = (StructVector) root.getVector(0);
    ((IntVector) point.getChild("x")).setSafe(0, 7);
    ((VarCharVector) point.getChild("label")).setNull(0);
    point.setIndexDefined(0);
    point.setNull(1);
    MapVector tags = (MapVector) root.getVector(1);
    StructVector pairs = (StructVector) tags.getDataVector();
    int at = tags.startNewValue(0);
    ((VarCharVector) pairs.getChild("key")).setSafe(at, "zeta".getBytes(UTF_8));
    ((BigIntVector) pairs.getChild("value")).setSafe(at, 26);
    pairs.setIndexDefined(at);
    ((VarCharVector) pairs.getChild("key")).setSafe(at + 1, "alpha".getBytes(UTF_8));
    ((BigIntVector) pairs.getChild("value")).setNull(at + 1);
    pairs.setIndexDefined(at + 1);
    tags.endValue(0, 2);
    tags.setNull(1);
    ListVector ints = (ListVector) root.getVector(2);
    int intsAt = ints.startNewValue(0);
    ((IntVector) ints.getDataVector()).setSafe(intsAt, 1);
    ((IntVector) ints.getDataVector()).setNull(intsAt + 1);
    ((IntVector) ints.getDataVector()).setSafe(intsAt + 2, 3);
    ints.endValue(0, 3);
    ints.startNewValue(1);
    ints.endValue(1, 0);
    LargeListVector texts = (LargeListVector) root.getVector(3);
    long textAt = texts.startNewValue(0);
    ((VarCharVector) texts.getDataVector()).setSafe((int) textAt, "x".getBytes(UTF_8));
    texts.endValue(0, 1);
    texts.setNull(1);
    FixedSizeListVector pair = (FixedSizeListVector) root.getVector(4);
    int pairAt = pair.startNewValue(0);
    ((Float8Vector) pair.getDataVector()).setSafe(pairAt, 0.5);
    ((Float8Vector) pair.getDataVector()).setNull(pairAt + 1);
    pair.setNull(1);
    Dataset<Row> df = read(root, 2);

    assertEquals("struct<x:int,label:string>", df.schema().apply("point").dataType().simpleString());
    assertEquals("map<string,bigint>", df.schema().apply("tags").dataType().simpleString());
    assertEquals(List.of(DataTypes.createArrayType(DataTypes.IntegerType), DataTypes.createArrayType(DataTypes.StringType),
        DataTypes.createArrayType(DataTypes.DoubleType), DataTypes.NullType), types(df).subList(2, 6));
    List<Row> rows = df.collectAsList();
    Row first = rows.get(0);
    assertEquals(7, first.getStruct(0).getInt(0));
    assertNull(first.getStruct(0).get(1));
    Map<String, Long> expectedTags = new HashMap<>();
    expectedTags.put("zeta", 26L);
    expectedTags.put("alpha", null);
    assertEquals(expectedTags, first.getJavaMap(1));
    assertEquals(Arrays.asList(1, null, 3), first.getList(2));
    assertEquals(List.of("x"), first.getList(3));
    assertEquals(Arrays.asList(0.5, null), first.getList(4));
    assertNull(first.get(5));
    assertEquals(Arrays.asList(null, null, List.of(), null, null, null),
        Arrays.asList(rows.get(1).get(0), rows.get(1).get(1), rows.get(1).getList(2), rows.get(1).get(3),
            rows.get(1).get(4), rows.get(1).get(5)));
    // Spark's functions on nested values read in place; a struct field alone is pruned by Spark above the scan.
    assertEquals(Arrays.asList(7, null), df.selectExpr("point.x").collectAsList().stream().map(r -> r.get(0)).toList());
    assertEquals(List.of(26L), df.selectExpr("tags['zeta']").limit(1).collectAsList().stream()
        .map(r -> r.get(0)).toList());
    assertEquals(4L, ((Number) df.selectExpr("aggregate(ints, 0L, (acc, x) -> acc + coalesce(x, 0))").first().get(0))
        .longValue());
  }

  /**
   * A producer's claim that a column or a list's elements hold no null is not trusted: Spark
   * skips the null bit of a value its schema says cannot be null, and would read 0.
   */
  @Test
  void nullsWhereTheProducerDeclaredNoneAreStillNull() throws Exception {
    Field number = new Field("n", FieldType.notNullable(new ArrowType.Int(32, true)), null);
    Field list = new Field("l", FieldType.notNullable(ArrowType.List.INSTANCE),
        List.of(new Field("item", FieldType.notNullable(new ArrowType.Int(32, true)), null)));
    VectorSchemaRoot root = root(number, list);
    IntVector numbers = (IntVector) root.getVector(0);
    numbers.setSafe(0, 5);
    numbers.setNull(1);
    ListVector lists = (ListVector) root.getVector(1);
    IntVector items = (IntVector) lists.getDataVector();
    lists.startNewValue(0);
    items.setSafe(0, 1);
    items.setNull(1);
    lists.endValue(0, 2);
    lists.startNewValue(1);
    items.setSafe(2, 2);
    lists.endValue(1, 1);
    items.setValueCount(3);
    List<Row> rows = read(root, 2).collectAsList();

    assertEquals(5, rows.get(0).get(0));
    assertEquals(Arrays.asList(1, null), rows.get(0).getList(1));
    assertNull(rows.get(1).get(0));
    assertEquals(List.of(2), rows.get(1).getList(1));
  }

  @Test
  void aTypeSparkCannotHoldIsAClearErrorAtLoad() {
    Field union = new Field("either", FieldType.nullable(new ArrowType.Union(UnionMode.Sparse, new int[] {0})),
        List.of(field("i", new ArrowType.Int(32, true))));
    byte[] unit = IpcStreams.of(root(field("n", new ArrowType.Int(32, true)), union));
    String queryId = fixture.local.publishQuery("union", List.of(unit));
    LakeFormationSparkException e = assertThrows(LakeFormationSparkException.class,
        () -> fixture.read("tpch").option("queryId", queryId).load());
    assertEquals("0A000", e.sqlState());
    assertTrue(e.getMessage().startsWith("[0A000] Column either has the Arrow type Union"), e.getMessage());
  }

  // ---------------------------------------------------------------- helpers

  private static Field field(String name, ArrowType type, Field... children) {
    return new Field(name, FieldType.nullable(type), List.of(children));
  }

  private VectorSchemaRoot root(Field... fields) {
    VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(List.of(fields)), allocator);
    root.allocateNew();
    roots.add(root);
    return root;
  }

  /** Publishes {@code root} as a query of one work unit and reads it through Spark by its ID. */
  private static Dataset<Row> read(VectorSchemaRoot root, int rows) {
    root.setRowCount(rows);
    String queryId = fixture.local.publishQuery("spark types", List.of(IpcStreams.of(root)));
    return fixture.read("tpch").option("queryId", queryId).load();
  }

  private static List<DataType> types(Dataset<Row> df) {
    return Arrays.stream(df.schema().fields()).map(StructField::dataType).toList();
  }

  private static List<Object> values(Row row) {
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < row.length(); i++) {
      values.add(row.get(i));
    }
    return values;
  }

  /** Boxes bytes, so that lists of them compare by value. */
  private static final class ArrayUtils {
    static Byte[] boxed(byte[] bytes) {
      Byte[] boxed = new Byte[bytes.length];
      for (int i = 0; i < bytes.length; i++) {
        boxed[i] = bytes[i];
      }
      return boxed;
    }
  }
}
