package dev.lakeformation.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.core.aws.AwsClients;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.IntervalUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.lakeformation.LakeFormationClient;

/**
 * Every H2 data type planned through the SDK and read back from the work units with plain Arrow:
 * each arrives as the Arrow type its Athena counterpart would have, with its value, or the query
 * fails with a message naming the column and the type. (In the driver's module, as it also reads
 * every type back through the driver.)
 */
class ArrowTypeMappingTest {
  static LakeFormationLocal local;
  static AwsClients aws;
  static LakeFormationClient lf;

  @BeforeAll
  static void start() throws Exception {
    local = LakeFormationLocal.builder().tpchScaleFactor(0.001).start();
    aws = LocalClients.connect(local);
    lf = aws.lakeFormation();
  }

  @AfterAll
  static void stop() {
    aws.close();
    local.close();
  }

  /** One H2 expression, the Arrow type it must arrive as, and the value plain Arrow reads. */
  private record Case(String alias, String sql, ArrowType type, Object value) {}

  private static final ArrowType INT32 = new ArrowType.Int(32, true);
  private static final ArrowType UTF8 = ArrowType.Utf8.INSTANCE;
  private static final ArrowType TIMESTAMP = new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);

  private static List<Case> everyType() {
    return List.of(
        new Case("c_tinyint", "CAST(1 AS TINYINT)", new ArrowType.Int(8, true), (byte) 1),
        new Case("c_smallint", "CAST(-2 AS SMALLINT)", new ArrowType.Int(16, true), (short) -2),
        new Case("c_integer", "CAST(3 AS INTEGER)", INT32, 3),
        new Case("c_bigint", "CAST(9223372036854775807 AS BIGINT)", new ArrowType.Int(64, true), Long.MAX_VALUE),
        new Case("c_decimal", "CAST(-1.25 AS DECIMAL(5, 2))", new ArrowType.Decimal(5, 2, 128), new BigDecimal("-1.25")),
        new Case("c_decimal_38", "CAST(1234567890123456789012345678.0123456789 AS DECIMAL(38, 10))",
            new ArrowType.Decimal(38, 10, 128), new BigDecimal("1234567890123456789012345678.0123456789")),
        // Unbounded NUMERIC has scale 0 in H2: DECIMAL(38, 0).
        new Case("c_numeric", "CAST(123 AS NUMERIC)", new ArrowType.Decimal(38, 0, 128), new BigDecimal("123")),
        // 50 integer digits and 10 fractional: the fraction keeps 6 digits, rounded half up.
        new Case("c_numeric_wide", "CAST(1.1234565 AS NUMERIC(60, 10))", new ArrowType.Decimal(38, 6, 128),
            new BigDecimal("1.123457")),
        // 2 integer digits and 38 fractional: the integer digits stay, the fraction gets 36.
        new Case("c_numeric_ratio", "CAST(95 AS NUMERIC(40, 38))", new ArrowType.Decimal(38, 36, 128),
            new BigDecimal("95").setScale(36)),
        new Case("c_decfloat", "CAST(2.5 AS DECFLOAT)", float64(), 2.5),
        new Case("c_decfloat_p", "CAST(-0.125 AS DECFLOAT(10))", float64(), -0.125),
        new Case("c_real", "CAST(1.5 AS REAL)", new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE), 1.5f),
        new Case("c_double", "CAST(2.5 AS DOUBLE PRECISION)", float64(), 2.5),
        new Case("c_boolean", "TRUE", ArrowType.Bool.INSTANCE, true),
        new Case("c_char", "CAST('ab' AS CHAR(4))", UTF8, "ab  "),
        new Case("c_varchar", "'Grüße, 東京 🚀'", UTF8, "Grüße, 東京 🚀"),
        new Case("c_ignorecase", "CAST('MiXed' AS VARCHAR_IGNORECASE)", UTF8, "MiXed"),
        new Case("c_clob", "CAST('large text' AS CLOB)", UTF8, "large text"),
        new Case("c_binary", "CAST(X'01' AS BINARY(2))", ArrowType.Binary.INSTANCE, new byte[] {1, 0}),
        new Case("c_varbinary", "X'00FF10'", ArrowType.Binary.INSTANCE, new byte[] {0, (byte) 0xff, 0x10}),
        new Case("c_blob", "CAST(X'0A0B' AS BLOB)", ArrowType.Binary.INSTANCE, new byte[] {0x0a, 0x0b}),
        new Case("c_date", "DATE '2024-02-29'", new ArrowType.Date(DateUnit.DAY),
            (int) LocalDate.of(2024, 2, 29).toEpochDay()),
        new Case("c_time", "TIME '13:45:30.123456'", new ArrowType.Time(TimeUnit.MICROSECOND, 64),
            LocalTime.of(13, 45, 30, 123_456_000).toNanoOfDay() / 1_000),
        // Digits beyond the microsecond are dropped.
        new Case("c_time9", "CAST(TIME '01:02:03.123456789' AS TIME(9))", new ArrowType.Time(TimeUnit.MICROSECOND, 64),
            LocalTime.of(1, 2, 3, 123_456_000).toNanoOfDay() / 1_000),
        new Case("c_time_tz", "TIME WITH TIME ZONE '10:00:00.5+02:00'", UTF8, "10:00:00.5+02:00"),
        new Case("c_timestamp", "TIMESTAMP '2024-03-10 02:30:00.654321'", TIMESTAMP,
            LocalDateTime.of(2024, 3, 10, 2, 30, 0, 654_321_000)),
        new Case("c_timestamp_tz", "TIMESTAMP WITH TIME ZONE '2024-03-10 02:30:00.654321+05:30'",
            new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC"),
            micros(Instant.parse("2024-03-09T21:00:00.654321Z"))),
        new Case("c_interval_ym", "INTERVAL '1-2' YEAR TO MONTH", new ArrowType.Interval(IntervalUnit.YEAR_MONTH),
            Period.ofMonths(14)),
        new Case("c_interval_month", "INTERVAL '-3' MONTH", new ArrowType.Interval(IntervalUnit.YEAR_MONTH),
            Period.ofMonths(-3)),
        new Case("c_interval_ds", "INTERVAL '1 02:03:04.5' DAY TO SECOND", new ArrowType.Duration(TimeUnit.MICROSECOND),
            Duration.ofSeconds(93_784, 500_000_000)),
        new Case("c_interval_minute", "INTERVAL '90' MINUTE", new ArrowType.Duration(TimeUnit.MICROSECOND),
            Duration.ofMinutes(90)),
        new Case("c_uuid", "CAST('6f1cfc3e-8e0b-4a57-9d0e-2f3c7a1b5d44' AS UUID)", UTF8,
            "6f1cfc3e-8e0b-4a57-9d0e-2f3c7a1b5d44"),
        new Case("c_json", "JSON '{\"a\": [1, \"x\"]}'", UTF8, "{\"a\":[1,\"x\"]}"),
        new Case("c_enum", "CAST('ok' AS ENUM('sad', 'ok'))", UTF8, "ok"),
        new Case("c_geometry", "CAST('POINT (1 2)' AS GEOMETRY)", UTF8, "POINT (1 2)"),
        new Case("c_null", "NULL", ArrowType.Null.INSTANCE, null),
        new Case("c_int_array", "ARRAY[1, NULL, 3]", ArrowType.List.INSTANCE, Arrays.asList(1, null, 3)),
        new Case("c_empty_array", "ARRAY[]", ArrowType.List.INSTANCE, List.of()),
        new Case("c_nested_array", "ARRAY[ARRAY['a', 'b'], NULL, ARRAY[]]", ArrowType.List.INSTANCE,
            Arrays.asList(List.of("a", "b"), null, List.of())),
        new Case("c_decimal_array", "ARRAY[CAST(1.5 AS DECIMAL(4, 2))]", ArrowType.List.INSTANCE,
            List.of(new BigDecimal("1.50"))),
        new Case("c_timestamp_array", "ARRAY[TIMESTAMP '2024-03-10 02:30:00']", ArrowType.List.INSTANCE,
            List.of(LocalDateTime.of(2024, 3, 10, 2, 30))),
        new Case("c_row", "CAST(ROW(1, 'x') AS ROW(a INTEGER, b VARCHAR))", ArrowType.Struct.INSTANCE,
            Map.of("a", 1, "b", "x")),
        new Case("c_row_array", "ARRAY[ROW(7, ARRAY['y'])]", ArrowType.List.INSTANCE,
            List.of(Map.of("C1", 7, "C2", List.of("y")))));
  }

  @Test
  void everyTypeArrivesAsItsAthenaCounterpartWithItsValueAndNulls() throws Exception {
    List<Case> cases = everyType();
    // One row with every value, and one with the same columns all null: the left join finds no
    // match for n = 2. (A CASE would not do: H2 drops the padding of CHAR values in one.)
    String sql = "SELECT e.* FROM (VALUES (1), (2)) AS v(n) LEFT JOIN (SELECT "
        + cases.stream().map(c -> c.sql + " AS " + c.alias).collect(Collectors.joining(", "))
        + ", 1 AS k) AS e ON e.k = v.n";
    PlannedRows result = PlannedRows.plan(lf, "types", sql);
    assertEquals(2, result.rows().size());
    List<Object> values = result.rows().stream().filter(r -> r.get(cases.size()) != null).findFirst().orElseThrow();
    List<Object> nulls = result.rows().stream().filter(r -> r.get(cases.size()) == null).findFirst().orElseThrow();
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      Field field = result.schema().getFields().get(i);
      assertEquals(c.alias, field.getName());
      assertEquals(c.type, field.getType(), c.alias);
      Object actual = values.get(i);
      if (c.value instanceof byte[] bytes) {
        assertArrayEquals(bytes, (byte[]) actual, c.alias);
      } else {
        assertEquals(c.value, actual, c.alias);
      }
      assertNull(nulls.get(i), c.alias + " in the row of nulls");
    }
    assertEquals(INT32, elementType(result, "c_int_array"));
    assertEquals(ArrowType.Null.INSTANCE, elementType(result, "c_empty_array"));
    assertEquals(new ArrowType.Decimal(4, 2, 128), elementType(result, "c_decimal_array"));
    assertEquals(TIMESTAMP, elementType(result, "c_timestamp_array"));
    Field row = result.schema().findField("c_row");
    assertEquals(List.of("a", "b"), row.getChildren().stream().map(Field::getName).toList());
    assertEquals(List.of(INT32, UTF8), row.getChildren().stream().map(Field::getType).toList());
  }

  @Test
  void theDriverReadsEveryMappedTypeThroughJdbc() throws Exception {
    List<Case> cases = everyType();
    String sql = "SELECT " + cases.stream().map(c -> c.sql + " AS " + c.alias).collect(Collectors.joining(", "));
    String url = "jdbc:lakeformation://Endpoint=" + local.endpoint() + ";Region=us-east-1;AccessKeyId="
        + LakeFormationLocal.DEFAULT_ACCESS_KEY_ID + ";SecretAccessKey=" + LakeFormationLocal.DEFAULT_SECRET_ACCESS_KEY
        + ";Database=types";
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      ResultSetMetaData metaData = rs.getMetaData();
      assertEquals(cases.size(), metaData.getColumnCount());
      assertTrue(rs.next());
      List<String> read = new ArrayList<>();
      for (int c = 1; c <= cases.size(); c++) {
        read.add(metaData.getColumnLabel(c) + "=" + rs.getString(c));
      }
      assertEquals("c_decimal_38=1234567890123456789012345678.0123456789", read.get(5));
      assertEquals("c_numeric_ratio=95." + "0".repeat(36), read.get(8));
      assertEquals("c_decfloat=2.5", read.get(9));
      assertEquals(new BigDecimal("1.123457"), rs.getBigDecimal("c_numeric_wide"));
      assertEquals(LocalDateTime.of(2024, 3, 10, 2, 30, 0, 654_321_000), rs.getObject("c_timestamp", LocalDateTime.class));
      assertEquals(List.of(1, 2, 3).size(), ((Object[]) rs.getArray("c_int_array").getArray()).length);
    }
  }

  @Test
  void averagesAndSumsOfDoublesAreDoubles() throws Exception {
    // H2 types AVG and SUM of DOUBLE as DECFLOAT; Athena returns DOUBLE.
    PlannedRows result = PlannedRows.plan(lf, "tpch",
        "SELECT AVG(CAST(l_quantity AS DOUBLE)) AS a, SUM(CAST(l_quantity AS DOUBLE)) AS s, 1e0 AS one"
            + " FROM lineitem WHERE l_orderkey = 1");
    assertEquals(List.of(float64(), float64(), float64()),
        result.schema().getFields().stream().map(Field::getType).toList());
    try (Connection h2 = local.openH2(); Statement s = h2.createStatement();
        ResultSet rs = s.executeQuery("SELECT AVG(l_quantity), SUM(l_quantity) FROM tpch.lineitem WHERE l_orderkey = 1")) {
      rs.next();
      assertEquals(rs.getBigDecimal(1).doubleValue(), (double) result.rows().get(0).get(0), 1e-9);
      assertEquals(rs.getBigDecimal(2).doubleValue(), (double) result.rows().get(0).get(1), 1e-9);
    }
    assertEquals(1.0, result.rows().get(0).get(2));
  }

  @Test
  void decfloatSpecialValuesAreDoubleSpecialValues() throws Exception {
    PlannedRows result = PlannedRows.plan(lf, "types", "SELECT CAST('Infinity' AS DECFLOAT), CAST('-Infinity' AS DECFLOAT),"
        + " CAST('NaN' AS DECFLOAT), CAST(1e-400 AS DECFLOAT)");
    assertEquals(Arrays.asList(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 0.0),
        result.rows().get(0));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "SELECT CAST(1e400 AS DECFLOAT) AS huge|The DECFLOAT value 1E+400 of column huge is beyond the range of DOUBLE",
      "SELECT CAST(1e50 AS NUMERIC) AS big|The value 100000000000000000000000000000000000000000000000000 of column big"
          + " does not fit DECIMAL(38, 0)",
      "SELECT ARRAY[CAST(1e40 AS NUMERIC)] AS big_array|of column big_array[] does not fit DECIMAL(38, 0)",
      "SELECT CAST(NULL AS JAVA_OBJECT) AS blob_of_java|Column blob_of_java has type JAVA_OBJECT, which has no Arrow"
          + " counterpart: Athena has no such type. CAST it to VARCHAR or VARBINARY.",
      "SELECT CAST(ROW(NULL) AS ROW(o JAVA_OBJECT)) AS r|Column r.o has type JAVA_OBJECT",
  })
  void valuesAndTypesArrowCannotCarryFailWithTheColumnNamed(String sql, String message) throws Exception {
    String error = PlannedRows.error(lf, "types", sql);
    assertTrue(error.contains(message), error);
    assertTrue(!error.contains("\n") && !error.contains("java."), "one line without class names: " + error);
  }

  private static ArrowType elementType(PlannedRows result, String column) {
    return result.schema().findField(column).getChildren().get(0).getType();
  }

  private static ArrowType float64() {
    return new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
  }

  private static long micros(Instant instant) {
    return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
  }
}
