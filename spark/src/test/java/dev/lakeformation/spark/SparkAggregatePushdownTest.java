package dev.lakeformation.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Aggregates on a table read by name: each gives what Spark computes itself over the rows (the
 * {@code types} sample, its edge values and its row of NULLs); those SQL computes alike are
 * planned into the query, which then returns one row per group, and the rest stay with Spark,
 * which then reads the rows.
 */
class SparkAggregatePushdownTest {
  private static final Pattern AGGREGATE = Pattern.compile("(COUNT|SUM|MIN|MAX)\\(");
  private static SparkFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = SparkFixture.shared();
  }

  /** {@code groups} and {@code aggregates} (Spark SQL, separated by ';', either may be null) over a DataFrame. */
  private static Dataset<Row> aggregate(Dataset<Row> rows, String where, String groups, String aggregates) {
    Dataset<Row> filtered = where == null ? rows : rows.where(where);
    Column[] groupBy = groups == null ? new Column[0]
        : Arrays.stream(groups.split(";")).map(functions::col).toArray(Column[]::new);
    Column[] aggs = Arrays.stream(aggregates.split(";")).map(functions::expr).toArray(Column[]::new);
    return filtered.groupBy(groupBy).agg(aggs[0], Arrays.copyOfRange(aggs, 1, aggs.length));
  }

  /** The rows as text (bytes in hex), in an order that does not depend on how Spark partitioned them. */
  private static List<String> sorted(Dataset<Row> rows) {
    return rows.collectAsList().stream().map(row -> {
      StringJoiner values = new StringJoiner(", ", "[", "]");
      for (int i = 0; i < row.length(); i++) {
        values.add(row.get(i) instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : String.valueOf(row.get(i)));
      }
      return values.toString();
    }).sorted(Comparator.naturalOrder()).toList();
  }

  private static Dataset<Row> table() {
    return fixture.read("types").option("table", "types.all_types").load();
  }

  @ParameterizedTest(name = "{0} GROUP BY {1}: {2}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "||count(*)|SELECT COUNT(*) AS \"_0\" FROM \"types\".\"all_types\"",
      "||count(c_double);count(c_int_array);count(c_timestamp)|SELECT COUNT(\"c_double\") AS \"_0\", COUNT(\"c_int_array\") AS \"_1\", COUNT(\"c_timestamp\") AS \"_2\" FROM",
      "|c_boolean|count(*);sum(c_integer);min(c_varchar);max(c_date)|SELECT \"c_boolean\" AS \"_0\", COUNT(*) AS \"_1\", SUM(\"c_integer\") AS \"_2\", MIN(\"c_varchar\") AS \"_3\", MAX(\"c_date\") AS \"_4\" FROM \"types\".\"all_types\" GROUP BY \"c_boolean\"",
      "||sum(c_tinyint);sum(c_smallint);sum(c_decimal_5_2);sum(c_decimal_18_4)|SUM(\"c_decimal_18_4\")",
      "||min(c_bigint);max(c_bigint);min(c_decimal_38_10);max(c_decimal_38_10);min(c_boolean);max(c_boolean)|MAX(\"c_decimal_38_10\")",
      "||min(c_varchar);max(c_varchar);min(c_date);max(c_date);min(c_tinyint);max(c_smallint)|MIN(\"c_varchar\") AS \"_0\", MAX(\"c_varchar\")",
      "||count(DISTINCT c_boolean);sum(DISTINCT c_integer);count(DISTINCT c_varchar)|COUNT(DISTINCT \"c_boolean\")",
      "||avg(c_integer);avg(c_decimal_5_2)|SUM(\"c_integer\")",
      "|c_varchar;c_date|count(*);max(id)|GROUP BY \"c_varchar\", \"c_date\"",
      "|c_decimal_18_4|min(c_varchar)|GROUP BY \"c_decimal_18_4\"",
      "c_integer > 0|c_boolean|max(c_smallint);count(c_varchar)|AND (\"c_integer\" > 0) GROUP BY \"c_boolean\"",
      "c_varchar = 'nothing at all'||count(*);sum(c_integer);max(c_varchar)|AND (\"c_varchar\" = 'nothing at all')",
      "c_varchar = 'nothing at all'|c_boolean|count(*)|GROUP BY \"c_boolean\"",
  })
  void anAggregateSqlComputesAlikeIsPlannedAndGivesSparksValues(String where, String groups, String aggregates,
      String planned) {
    Dataset<Row> pushed = aggregate(table(), where, groups, aggregates);
    String sql = fixture.receivedSql(pushed);
    assertTrue(sql.contains(planned), sql);
    Dataset<Row> bySpark = aggregate(fixture.query("types", "SELECT * FROM all_types"), where, groups, aggregates);
    assertEquals(sorted(bySpark), sorted(pushed));
    assertEquals(bySpark.schema(), pushed.schema(), "Spark's own types, names and nullability");
  }

  @ParameterizedTest(name = "{0} GROUP BY {1}: {2}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "||sum(c_double)",
      "||sum(c_bigint)",
      "||avg(c_bigint)",
      "||max(c_timestamp)",
      "||min(c_char)",
      "||max(c_varbinary)",
      "||count(*);sum(c_real)",
      "|c_double|count(*)",
      "|c_timestamp|count(*)",
      "||sum(c_tinyint + 1)",
      "||count(DISTINCT c_double)",
      "||max(c_integer) FILTER (WHERE c_boolean)",
      "c_double > 0||count(*)",
      "||collect_list(c_integer)",
  })
  void anAggregateSqlMightComputeOtherwiseStaysWithSpark(String where, String groups, String aggregates) {
    Dataset<Row> kept = aggregate(table(), where, groups, aggregates);
    String sql = fixture.receivedSql(kept);
    assertFalse(AGGREGATE.matcher(sql).find(), sql);
    assertFalse(sql.contains("GROUP BY"), sql);
    Dataset<Row> bySpark = aggregate(fixture.query("types", "SELECT * FROM all_types"), where, groups, aggregates);
    assertEquals(sorted(bySpark), sorted(kept));
  }

  @Test
  void aGroupedAggregateFetchesOneRowPerGroup() {
    Dataset<Row> perStatus = fixture.read("tpch").option("table", "tpch.orders").load()
        .groupBy("o_orderstatus").agg(functions.count("*"), functions.sum("o_totalprice"), functions.max("o_orderdate"));
    String sql = fixture.receivedSql(perStatus);
    assertEquals("SELECT \"o_orderstatus\" AS \"_0\", COUNT(*) AS \"_1\", SUM(\"o_totalprice\") AS \"_2\","
        + " MAX(\"o_orderdate\") AS \"_3\" FROM \"tpch\".\"orders\" GROUP BY \"o_orderstatus\"", sql);
    Dataset<Row> bySpark = fixture.query("tpch", "SELECT * FROM orders")
        .groupBy("o_orderstatus").agg(functions.count("*"), functions.sum("o_totalprice"), functions.max("o_orderdate"));
    assertEquals(sorted(bySpark), sorted(perStatus));
    assertEquals(3, perStatus.count());
  }

  /** Athena names unnamed outputs _col1…: a grouped column of that name must not clash with them. */
  @Test
  void aGroupedColumnNamedAsAthenaNamesOutputsIsPushedToo() throws Exception {
    fixture.local.execute("ctas", "CREATE TABLE t (\"_col1\" VARCHAR(10), v INTEGER);"
        + " INSERT INTO t VALUES ('a', 1), ('a', 2), ('b', 3), (NULL, 4)");
    Dataset<Row> grouped = fixture.read("ctas").option("table", "ctas.t").load().groupBy("_col1")
        .agg(functions.count("*"), functions.sum("v"));
    assertTrue(fixture.receivedSql(grouped).contains("GROUP BY \"_col1\""), fixture.receivedSql(grouped));
    Dataset<Row> bySpark = fixture.query("ctas", "SELECT * FROM t").groupBy("_col1")
        .agg(functions.count("*"), functions.sum("v"));
    assertEquals(sorted(bySpark), sorted(grouped));
  }

  @Test
  void spark_sqlOverTheCatalogPushesTheSameAggregates() {
    fixture.spark.conf().set("spark.sql.catalog.lfagg", LakeFormationCatalog.class.getName());
    fixture.spark.conf().set("spark.sql.catalog.lfagg.url", fixture.url("tpch"));
    fixture.spark.conf().set("spark.sql.catalog.lfagg.user", SparkFixture.ACCESS_KEY_ID);
    fixture.spark.conf().set("spark.sql.catalog.lfagg.password", SparkFixture.SECRET);
    Dataset<Row> bySegment = fixture.spark.sql("SELECT c_mktsegment, count(*) AS customers, min(c_acctbal)"
        + " FROM lfagg.tpch.customer WHERE c_nationkey < 10 GROUP BY c_mktsegment");
    String sql = fixture.receivedSql(bySegment);
    assertTrue(sql.startsWith("SELECT \"c_mktsegment\" AS \"_0\", COUNT(*) AS \"_1\", MIN(\"c_acctbal\") AS \"_2\""
        + " FROM \"tpch\".\"customer\" WHERE"), sql);
    Dataset<Row> bySpark = fixture.query("tpch", "SELECT * FROM customer").where("c_nationkey < 10")
        .groupBy("c_mktsegment").agg(functions.count("*").as("customers"), functions.min("c_acctbal"));
    assertEquals(sorted(bySpark), sorted(bySegment));
  }
}
