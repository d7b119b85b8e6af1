package dev.lakeformation.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code option("table", "database.table")}: the schema comes from the catalog, with no planning
 * at {@code load()}; each scan plans a query of only the columns Spark needs and, for a limit,
 * only the rows; the values read are the same as the query option reads.
 */
class SparkTableTest {
  private static SparkFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = SparkFixture.shared();
  }

  private Dataset<Row> table(String name) {
    return fixture.read("tpch").option("table", name).load();
  }

  @Test
  void theSchemaComesFromTheCatalogWithoutPlanning() {
    long planned = fixture.local.requestCount("StartQueryPlanning");
    Dataset<Row> orders = table("tpch.orders");
    assertEquals(fixture.query("tpch", "SELECT * FROM orders").schema(), orders.schema(),
        "the catalog's types are the ones the query's results have");
    assertEquals(planned + 1, fixture.local.requestCount("StartQueryPlanning"), "only the comparison's query was planned");
  }

  @Test
  void aScanPlansOnlyTheColumnsSparkNeedsAndReadsWhatTheQueryOptionReads() {
    Dataset<Row> pruned = table("tpch.orders").select("o_orderkey", "o_totalprice").where("o_totalprice > 100000");
    String explained = pruned.queryExecution().executedPlan().toString();
    assertTrue(explained.contains("planned as: SELECT \"o_orderkey\", \"o_totalprice\" FROM \"tpch\".\"orders\""), explained);
    List<Row> expected = fixture.query("tpch", "SELECT o_orderkey, o_totalprice FROM orders WHERE o_totalprice > 100000")
        .orderBy("o_orderkey").collectAsList();
    assertEquals(expected, pruned.orderBy("o_orderkey").collectAsList());
  }

  @Test
  void aLimitIsPlannedIntoTheQueryAndACountNeedsNoColumn() throws Exception {
    Dataset<Row> five = table("tpch.lineitem").limit(5);
    String explained = five.queryExecution().executedPlan().toString();
    assertTrue(explained.contains("FROM \"tpch\".\"lineitem\" LIMIT 5"), explained);
    assertEquals(5, five.collectAsList().size());
    assertEquals(((Number) fixture.h2Value("SELECT COUNT(*) FROM tpch.orders")).longValue(), table("tpch.orders").count());
  }

  @Test
  void eachWorkUnitOfATableScanIsFetchedOnceByItsTaskAndNotOnTheSparkDriver() throws Exception {
    Dataset<Row> keys = table("tpch.orders").select("o_orderkey");
    String explained = keys.queryExecution().executedPlan().toString();
    Matcher units = Pattern.compile("work units: (\\d+)").matcher(explained);
    assertTrue(units.find(), explained);
    long fetched = fixture.local.requestCount("GetWorkUnitResults");
    assertEquals(((Number) fixture.h2Value("SELECT COUNT(*) FROM tpch.orders")).intValue(), keys.collectAsList().size());
    assertEquals(Long.parseLong(units.group(1)), fixture.local.requestCount("GetWorkUnitResults") - fetched);
  }

  @Test
  void aTableIsPlannedInItsOwnDatabaseWhateverTheConnectionNames() throws Exception {
    String noDatabase = "jdbc:lakeformation://Endpoint=" + fixture.local.endpoint() + ";Region=us-east-1";
    Dataset<Row> nations = fixture.spark.read().format("lakeformation").option("url", noDatabase)
        .option("user", SparkFixture.ACCESS_KEY_ID).option("password", SparkFixture.SECRET)
        .option("table", "tpch.nation").load().where("n_regionkey = 1");
    assertEquals(((Number) fixture.h2Value("SELECT COUNT(*) FROM tpch.nation WHERE n_regionkey = 1")).intValue(),
        nations.collectAsList().size());
  }

  /** A column name is written as a quoted identifier, its quotes doubled: it never becomes SQL of its own. */
  @Test
  void aColumnNameWithQuotesAndSqlInItStaysOneName() throws Exception {
    fixture.local.execute("oddnames", "CREATE TABLE t (id INTEGER, \"x\"\" FROM t; --\" VARCHAR(10));"
        + " INSERT INTO t VALUES (1, 'a'), (2, NULL)");
    Dataset<Row> odd = fixture.read("oddnames").option("table", "oddnames.t").load()
        .select(functions.col("`x\" FROM t; --`")).where("id > 1");
    String explained = odd.queryExecution().executedPlan().toString();
    assertTrue(explained.contains("planned as: SELECT \"x\"\" FROM t; --\" FROM \"oddnames\".\"t\" WHERE"), explained);
    List<Row> rows = odd.collectAsList();
    assertEquals(1, rows.size());
    assertTrue(rows.get(0).isNullAt(0));
  }

  @Test
  void everyTypeOfTheTypesSampleReadsAsTheQueryOptionReadsIt() {
    Dataset<Row> byName = fixture.read("types").option("table", "types.all_types").load();
    Dataset<Row> byQuery = fixture.query("types", "SELECT * FROM all_types");
    assertEquals(byQuery.schema(), byName.schema());
    assertEquals(byQuery.orderBy("id").collectAsList(), byName.orderBy("id").collectAsList());
  }

  @Test
  void aTableThatDoesNotExistIsSaidWhenLoading() {
    Exception e = assertThrows(Exception.class,
        () -> fixture.read("tpch").option("table", "tpch.no_such_table").load());
    assertTrue(String.valueOf(e.getMessage()).contains("no_such_table"), String.valueOf(e.getMessage()));
  }
}
