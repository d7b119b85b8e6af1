package dev.lakeformation.local.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.core.aws.AwsClients;
import dev.lakeformation.local.LakeFormationLocal;
import dev.lakeformation.local.LocalClients;
import dev.lakeformation.local.PlannedRows;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.lakeformation.LakeFormationClient;

/**
 * The Athena SQL users paste, planned on LakeFormation Local through the SDK and read back with
 * plain Arrow: each function gives the result Athena documents for it (the examples of its
 * documentation where it has them), with Athena's argument order, NULL handling and type.
 */
class AthenaSqlTest {
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

  private static LocalDateTime at(String isoLocal) {
    return LocalDateTime.parse(isoLocal);
  }

  private static int day(String isoDate) {
    return (int) LocalDate.parse(isoDate).toEpochDay();
  }

  static Stream<Arguments> functions() {
    return Stream.of(
        // approx_distinct: exact here, BIGINT, NULLs not counted.
        Arguments.of("SELECT approx_distinct(l_returnflag) FROM lineitem", 3L),
        Arguments.of("SELECT approx_distinct(x, 0.01) FROM (VALUES (1), (1), (NULL)) AS t(x)", 1L),
        // element_at on arrays: 1-based, negative from the end, NULL out of range.
        Arguments.of("SELECT element_at(ARRAY[1, 2, 3], 1)", 1),
        Arguments.of("SELECT element_at(ARRAY[1, 2, 3], -1)", 3),
        Arguments.of("SELECT element_at(ARRAY[1, 2, 3], 4)", null),
        Arguments.of("SELECT element_at(ARRAY[1, 2, 3], -4)", null),
        Arguments.of("SELECT element_at(ARRAY['a'], NULL)", null),
        Arguments.of("SELECT element_at(ARRAY[ARRAY['x', 'y']], -1)", List.of("x", "y")),
        Arguments.of("SELECT element_at(split('a/b/c', '/'), -2)", "b"),
        // cardinality: BIGINT, NULL elements counted.
        Arguments.of("SELECT cardinality(ARRAY[1, NULL, 3])", 3L),
        Arguments.of("SELECT cardinality(ARRAY[])", 0L),
        Arguments.of("SELECT cardinality(split(NULL, ','))", null),
        // date_format with MySQL specifiers.
        Arguments.of("SELECT date_format(TIMESTAMP '2022-10-20 05:10:00', '%m-%d-%Y %H')", "10-20-2022 05"),
        Arguments.of("SELECT date_format(TIMESTAMP '2024-03-09 14:05:07.123456', '%Y-%m-%d %H:%i:%s.%f')",
            "2024-03-09 14:05:07.123456"),
        Arguments.of("SELECT date_format(TIMESTAMP '2024-03-09 14:05:07', '%a %b %e %l:%i %p %W %M %j %y %c %k %T %r %%')",
            "Sat Mar 9 2:05 PM Saturday March 069 24 3 14 14:05:07 02:05:07 PM %"),
        Arguments.of("SELECT date_format(DATE '2021-01-03', '%x-W%v')", "2020-W53"),
        Arguments.of("SELECT date_format(TIMESTAMP '2024-01-01 10:00:00 +05:30', '%H:%i')", "10:00"),
        Arguments.of("SELECT date_format(NULL, '%Y')", null),
        // date_parse: fields the format lacks are those of 1970-01-01 00:00:00.
        Arguments.of("SELECT date_parse('2022/10/20/05', '%Y/%m/%d/%H')", at("2022-10-20T05:00")),
        Arguments.of("SELECT date_parse('20240115', '%Y%m%d')", at("2024-01-15T00:00")),
        Arguments.of("SELECT date_parse('5:07:09 pm 15-Mar-24', '%l:%i:%s %p %d-%b-%y')", at("2024-03-15T17:07:09")),
        Arguments.of("SELECT date_parse('2024-01-15 10:20:30.5', '%Y-%m-%d %H:%i:%s.%f')", at("2024-01-15T10:20:30.5")),
        Arguments.of("SELECT date_parse('10:20', '%H:%i')", at("1970-01-01T10:20")),
        // from_unixtime / to_unixtime: seconds since the epoch, UTC, milliseconds kept.
        Arguments.of("SELECT from_unixtime(0)", 0L),
        Arguments.of("SELECT from_unixtime(1700000000.5)", 1_700_000_000_500_000L),
        Arguments.of("SELECT date_format(from_unixtime(0, 'Asia/Kolkata'), '%H:%i')", "05:30"),
        Arguments.of("SELECT date_format(from_unixtime(0, -2, -30), '%d %H:%i')", "31 21:30"),
        Arguments.of("SELECT to_unixtime(TIMESTAMP '1970-01-01 00:00:01.5')", 1.5),
        Arguments.of("SELECT to_unixtime(TIMESTAMP '1970-01-01 05:30:00 +05:30')", 0.0),
        Arguments.of("SELECT to_unixtime(from_unixtime(1700000000))", 1.7e9),
        // date_add(unit, value, timestamp), the documentation's examples.
        Arguments.of("SELECT date_add('second', 86, TIMESTAMP '2020-03-01 00:00:00')", at("2020-03-01T00:01:26")),
        Arguments.of("SELECT date_add('hour', 9, TIMESTAMP '2020-03-01 00:00:00')", at("2020-03-01T09:00")),
        Arguments.of("SELECT date_add('day', -1, TIMESTAMP '2020-03-01 00:00:00')", at("2020-02-29T00:00")),
        Arguments.of("SELECT date_add('month', 1, DATE '2020-01-31')", day("2020-02-29")),
        Arguments.of("SELECT date_add('QUARTER', 1, DATE '2020-01-31')", day("2020-04-30")),
        // date_diff(unit, t1, t2): whole units from t1 to t2.
        Arguments.of("SELECT date_diff('day', TIMESTAMP '2020-03-01 00:00:00 UTC', TIMESTAMP '2020-03-02 00:00:00 UTC')",
            1L),
        Arguments.of("SELECT date_diff('second', TIMESTAMP '2020-06-01 12:30:45.000000000',"
            + " TIMESTAMP '2020-06-02 12:30:45.123456789')", 86_400L),
        Arguments.of("SELECT date_diff('millisecond', TIMESTAMP '2020-06-01 12:30:45.000000000',"
            + " TIMESTAMP '2020-06-02 12:30:45.123456789')", 86_400_123L),
        Arguments.of("SELECT date_diff('day', TIMESTAMP '2020-01-01 23:00:00', TIMESTAMP '2020-01-02 01:00:00')", 0L),
        Arguments.of("SELECT date_diff('month', DATE '2020-01-31', DATE '2020-02-29')", 1L),
        Arguments.of("SELECT date_diff('month', DATE '2020-02-29', DATE '2020-03-28')", 0L),
        Arguments.of("SELECT date_diff('year', DATE '2020-02-29', DATE '2021-02-28')", 1L),
        Arguments.of("SELECT date_diff('quarter', DATE '2020-01-15', DATE '2020-07-14')", 1L),
        Arguments.of("SELECT date_diff('week', DATE '2024-01-01', DATE '2023-12-17')", -2L),
        Arguments.of("SELECT date_diff('hour', TIMESTAMP '2020-01-01 00:00:00 +02:00', TIMESTAMP '2020-01-01 00:00:00 UTC')",
            2L),
        // split and array_join.
        Arguments.of("SELECT split('a,b,,c', ',')", List.of("a", "b", "", "c")),
        Arguments.of("SELECT split('a.b.c', '.', 2)", List.of("a", "b.c")),
        Arguments.of("SELECT split('abc', 'x')", List.of("abc")),
        Arguments.of("SELECT array_join(ARRAY['a', NULL, 'b'], ',')", "a,b"),
        Arguments.of("SELECT array_join(ARRAY['a', NULL, 'b'], ',', 'x')", "a,x,b"),
        Arguments.of("SELECT array_join(ARRAY[1, 2, 3], '-')", "1-2-3"),
        // contains: NULL when the answer depends on a NULL.
        Arguments.of("SELECT contains(ARRAY[1, 2, 3], 2)", true),
        Arguments.of("SELECT contains(ARRAY['a', 'b'], 'c')", false),
        Arguments.of("SELECT contains(ARRAY[1, NULL, 3], 1)", true),
        Arguments.of("SELECT contains(ARRAY[1, NULL, 3], 5)", null),
        Arguments.of("SELECT contains(ARRAY[1, 2], NULL)", null),
        Arguments.of("SELECT contains(split(NULL, ','), 'a')", null),
        // try_cast: the cast, or NULL where it fails.
        Arguments.of("SELECT try_cast('10' AS INTEGER)", 10),
        Arguments.of("SELECT try_cast('abc' AS INTEGER)", null),
        Arguments.of("SELECT try_cast('300' AS TINYINT)", null),
        Arguments.of("SELECT try_cast('12.345' AS DECIMAL(5, 2))", new BigDecimal("12.35")),
        Arguments.of("SELECT try_cast('2024-02-30' AS DATE)", null),
        Arguments.of("SELECT try_cast('2024-02-29' AS DATE)", day("2024-02-29")),
        Arguments.of("SELECT try_cast('1.5' AS DOUBLE)", 1.5),
        Arguments.of("SELECT try_cast(NULL AS VARCHAR)", null),
        Arguments.of("SELECT TRY_CAST(2.5 AS BIGINT)", 3L),
        Arguments.of("SELECT try_cast('abcd' AS varchar(3))", "abc"),
        Arguments.of("SELECT try_cast('true' AS boolean)", true),
        Arguments.of("SELECT try_cast('maybe' AS boolean)", null),
        Arguments.of("SELECT try_cast('1970-01-01 02:00:00.5 +02:00' AS timestamp(3) with time zone)", 500_000L),
        // regexp_extract: first match, or that group of it.
        Arguments.of("SELECT regexp_extract('1a 2b 14m', '\\d+')", "1"),
        Arguments.of("SELECT regexp_extract('1a 2b 14m', '(\\d+)([a-z]+)', 2)", "a"),
        Arguments.of("SELECT regexp_extract('abc', '\\d+')", null),
        Arguments.of("SELECT regexp_extract('a1', '([a-z])(\\d)?(x)?', 3)", null),
        // json_extract_scalar: scalars as text, anything else NULL.
        Arguments.of("SELECT json_extract_scalar('[1, 2, 3]', '$[2]')", "3"),
        Arguments.of("SELECT json_extract_scalar('{\"a\": {\"b\": [10, {\"c\": \"x\"}]}}', '$.a.b[1].c')", "x"),
        Arguments.of("SELECT json_extract_scalar('{\"a\": {\"b\": [10]}}', '$.a.b[0]')", "10"),
        Arguments.of("SELECT json_extract_scalar('{\"a\": 1.50}', '$.a')", "1.50"),
        Arguments.of("SELECT json_extract_scalar('{\"a b\": true}', '$[\"a b\"]')", "true"),
        Arguments.of("SELECT json_extract_scalar('{\"a\": [1]}', '$.a')", null),
        Arguments.of("SELECT json_extract_scalar('{\"a\": null}', '$.a')", null),
        Arguments.of("SELECT json_extract_scalar('{\"a\": 1}', '$.b')", null),
        Arguments.of("SELECT json_extract_scalar('not json', '$.a')", null),
        Arguments.of("SELECT json_extract_scalar(JSON '{\"a\": \"x\\u00e9\"}', '$.a')", "xé"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("functions")
  void functionsGiveAthenasResults(String sql, Object expected) throws Exception {
    assertEquals(expected, PlannedRows.plan(lf, "tpch", sql).single());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "SELECT cardinality(ARRAY[1])|Int(64, true)",
      "SELECT approx_distinct(1)|Int(64, true)",
      "SELECT element_at(ARRAY[CAST(1 AS SMALLINT)], 1)|Int(16, true)",
      "SELECT contains(ARRAY[1], 1)|Bool",
      "SELECT try_cast('1' AS REAL)|FloatingPoint(SINGLE)",
      "SELECT date_diff('day', DATE '2020-01-01', DATE '2020-01-02')|Int(64, true)",
      "SELECT to_unixtime(TIMESTAMP '2020-01-01 00:00:00')|FloatingPoint(DOUBLE)",
      "SELECT date_add('day', 1, DATE '2020-01-01')|Date(DAY)",
      "SELECT from_unixtime(0)|Timestamp(MICROSECOND, UTC)",
      "SELECT date_parse('2020', '%Y')|Timestamp(MICROSECOND, null)",
      "SELECT TIMESTAMP '2020-03-01 00:00:00 UTC'|Timestamp(MICROSECOND, UTC)",
      "SELECT date_format(DATE '2020-01-01', '%Y')|Utf8",
  })
  void functionsHaveAthenasTypes(String sql, String arrowType) throws Exception {
    assertEquals(arrowType, PlannedRows.plan(lf, "tpch", sql).schema().getFields().get(0).getType().toString());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "SELECT element_at(ARRAY[1, 2], 0)|SQL array indices start at 1",
      "SELECT date_format(DATE '2020-01-01', '%D')|%D not supported in date format string",
      "SELECT date_format(DATE '2020-01-01', '%w')|%w not supported in date format string",
      "SELECT date_parse('2024-02-30', '%Y-%m-%d')|Invalid format: \"2024-02-30\" is not a valid date for the format"
          + " '%Y-%m-%d': Invalid date 'FEBRUARY 30'",
      "SELECT date_parse('abc', '%Y')|Invalid format: \"abc\" does not match the date format '%Y'",
      "SELECT date_add('fortnight', 1, DATE '2020-01-01')|'fortnight' is not a valid TIMESTAMP field",
      "SELECT date_diff('fortnight', DATE '2020-01-01', DATE '2020-01-02')|'fortnight' is not a valid TIMESTAMP field",
      "SELECT split('abc', '')|The delimiter may not be the empty string",
      "SELECT split('abc', ',', 0)|Limit must be positive",
      "SELECT regexp_extract('1a', '(\\d+)', 2)|Pattern has 1 groups. Cannot access group 2",
      "SELECT regexp_extract('1a', '(')|Invalid regular expression (: Unclosed group",
      "SELECT json_extract_scalar('{}', 'a.b')|Invalid JSON path: 'a.b'",
      "SELECT from_unixtime(0, 'Mars/Olympus')|'Mars/Olympus' is not a valid time zone",
  })
  void badArgumentsFailWithAthenasMessage(String sql, String message) throws Exception {
    assertEquals(message, PlannedRows.error(lf, "tpch", sql));
  }

  @Test
  void tryCastAppliesToEveryRow() throws Exception {
    PlannedRows result = PlannedRows.plan(lf, "tpch",
        "SELECT try_cast(x AS INTEGER) AS n FROM (VALUES ('1'), ('x'), (' 7 '), (NULL)) AS t(x)");
    assertEquals(Arrays.asList(1, null, 7, null), result.rows().stream().map(r -> r.get(0)).toList());
    assertEquals(new ArrowType.Int(32, true), result.schema().getFields().get(0).getType());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "SELECT l_returnflag, l_linestatus, COUNT(*) AS n FROM lineitem GROUP BY 1, 2 ORDER BY 1, 2"
          + "|SELECT l_returnflag, l_linestatus, COUNT(*) AS n FROM lineitem GROUP BY l_returnflag, l_linestatus"
          + " ORDER BY l_returnflag, l_linestatus",
      "SELECT substr(c_phone, 1, 2) AS cc, COUNT(*) FROM customer GROUP BY 1 ORDER BY 2 DESC, 1"
          + "|SELECT substr(c_phone, 1, 2) AS cc, COUNT(*) FROM customer GROUP BY substr(c_phone, 1, 2)"
          + " ORDER BY 2 DESC, 1",
      "WITH t AS (SELECT n_regionkey AS r, COUNT(*) AS c FROM nation GROUP BY 1) SELECT r, c FROM t ORDER BY r"
          + "|SELECT n_regionkey AS r, COUNT(*) AS c FROM nation GROUP BY n_regionkey ORDER BY r",
      "SELECT year, COUNT(*) FROM (SELECT year(o_orderdate) AS year FROM orders) AS o GROUP BY 1 ORDER BY 1"
          + "|SELECT EXTRACT(YEAR FROM o_orderdate), COUNT(*) FROM orders GROUP BY EXTRACT(YEAR FROM o_orderdate)"
          + " ORDER BY 1",
  })
  void groupByPositionsNameSelectListItems(String athena, String h2) throws Exception {
    PlannedRows result = PlannedRows.plan(lf, "tpch", athena);
    List<List<Object>> expected = new ArrayList<>();
    try (Connection connection = local.openH2(); Statement statement = connection.createStatement()) {
      connection.setSchema("tpch");
      try (ResultSet rs = statement.executeQuery(h2)) {
        while (rs.next()) {
          List<Object> row = new ArrayList<>();
          for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
            Object value = rs.getObject(c);
            row.add(value instanceof Integer i && result.schema().getFields().get(c - 1).getType()
                .equals(new ArrowType.Int(64, true)) ? (long) i : value);
          }
          expected.add(row);
        }
      }
    }
    assertTrue(expected.size() > 1, "the query should group into several rows");
    assertEquals(expected, result.rows());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "SELECT r_name, COUNT(*) FROM region GROUP BY 3|GROUP BY position 3 is not in select list",
      "SELECT * FROM region GROUP BY 1|GROUP BY position 1 cannot be resolved after a * in the select list by"
          + " LakeFormation Local; name the column instead",
  })
  void groupByPositionsOutsideTheSelectListFail(String sql, String message) throws Exception {
    assertEquals(message, PlannedRows.error(lf, "tpch", sql));
  }

  @Test
  void statementsWithoutAthenaFormsReachH2AsWritten() throws Exception {
    // JSqlParser prints this H2-only form differently; it must not be printed again.
    PlannedRows result = PlannedRows.plan(lf, "tpch", "SELECT r_name FROM region ORDER BY r_regionkey"
        + " OFFSET 1 ROW FETCH FIRST 2 ROWS ONLY");
    assertEquals(List.of(List.of("AMERICA"), List.of("ASIA")), result.rows());
    // Ordinals in ORDER BY are H2's own, unchanged.
    assertEquals(List.of(List.of("ASIA"), List.of("AMERICA")),
        PlannedRows.plan(lf, "tpch", "SELECT r_name FROM region WHERE r_regionkey IN (1, 2) ORDER BY 1 DESC").rows());
  }

  @Test
  void dateFunctionsKeepTheirTypesInsideExpressions() throws Exception {
    PlannedRows result = PlannedRows.plan(lf, "tpch", "SELECT o_orderdate, date_format(o_orderdate, '%Y-%m') AS month,"
        + " date_diff('day', o_orderdate, date_add('week', 2, o_orderdate)) AS days FROM orders"
        + " WHERE try_cast(o_orderkey AS VARCHAR) = '1'");
    assertEquals(1, result.rows().size());
    List<Object> row = result.rows().get(0);
    LocalDate date = LocalDate.ofEpochDay((Integer) row.get(0));
    assertEquals(date.toString().substring(0, 7), row.get(1));
    assertEquals(14L, row.get(2));
    assertEquals(List.of("o_orderdate", "month", "days"),
        result.schema().getFields().stream().map(Field::getName).toList());
    assertEquals(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), PlannedRows.plan(lf, "tpch",
        "SELECT to_unixtime(date_parse('2020', '%Y'))").schema().getFields().get(0).getType());
    assertEquals(new ArrowType.Timestamp(TimeUnit.MICROSECOND, null), PlannedRows.plan(lf, "tpch",
        "SELECT date_add('day', 1, date_parse('2020', '%Y'))").schema().getFields().get(0).getType());
  }
}
