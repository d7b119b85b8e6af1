package dev.lakeformation.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.core.query.ServiceQuery;
import dev.lakeformation.core.query.ServiceSession;
import dev.lakeformation.local.faults.Faults;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Reading queries through {@code format("lakeformation")} on a local Spark, every result checked
 * against H2 (the database behind LakeFormation Local): planned and attached queries, one
 * partition per work unit, column pruning, faults on the wire and a task that fails once.
 */
@Tag("spark")
class SparkReadTest {
  /** Per group: rows, distinct keys (a doubled row would show), and sums over every kind of column. */
  private static final String LINEITEM_SUMMARY = "SELECT l_returnflag, l_linestatus, COUNT(*),"
      + " COUNT(DISTINCT l_orderkey * 10 + l_linenumber), SUM(l_orderkey), SUM(l_partkey), SUM(l_quantity),"
      + " SUM(l_extendedprice), SUM(l_discount), SUM(l_tax), MIN(l_shipdate), MAX(l_receiptdate),"
      + " SUM(LENGTH(l_comment)), MIN(l_shipmode), MAX(l_shipinstruct)"
      + " FROM lineitem GROUP BY l_returnflag, l_linestatus ORDER BY l_returnflag, l_linestatus";

  private static SparkFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = SparkFixture.shared();
  }

  @AfterEach
  void faultsOff() {
    fixture.local.faults().clear();
  }

  @Test
  void lineitemAgreesWithH2() throws Exception {
    Dataset<Row> lineitem = fixture.query("tpch", "SELECT * FROM lineitem");
    lineitem.createOrReplaceTempView("lineitem");
    assertEquals(h2Rows(LINEITEM_SUMMARY), sparkRows(fixture.spark.sql(LINEITEM_SUMMARY)));
    assertEquals(((Number) fixture.h2Value("SELECT COUNT(*) FROM tpch.lineitem")).longValue(), lineitem.count());
    assertEquals(0, ServiceSession.allocatedBytesOfAllSessions(), "every partition reader freed its Arrow memory");
  }

  @Test
  void eachWorkUnitIsOnePartitionUnlessGrouped() throws Exception {
    String[] planned = plan("SELECT * FROM lineitem");
    int units = Integer.parseInt(planned[1]);
    assertTrue(units > 50, "lineitem comes in " + units + " units");
    assertEquals(units, fixture.read("tpch").option("queryId", planned[0]).load().rdd().getNumPartitions());
    Dataset<Row> grouped = fixture.read("tpch").option("queryId", planned[0]).option("workUnitsPerPartition", 7).load();
    assertEquals((units + 6) / 7, grouped.rdd().getNumPartitions());
    assertEquals(((Number) fixture.h2Value("SELECT COUNT(*) FROM tpch.lineitem")).longValue(), grouped.count());
  }

  @Test
  void attachesToAQueryPlannedElsewhere() throws Exception {
    String queryId = plan("SELECT o_orderkey, o_totalprice, o_orderdate FROM orders")[0];
    Dataset<Row> orders = fixture.read("tpch").option("queryId", queryId).load();
    assertEquals(List.of("o_orderkey", "o_totalprice", "o_orderdate"), Arrays.asList(orders.columns()));
    orders.createOrReplaceTempView("attached_orders");
    String sums = "SELECT COUNT(*), SUM(o_orderkey), SUM(o_totalprice), MAX(o_orderdate) FROM ";
    assertEquals(h2Rows(sums + "orders"), sparkRows(fixture.spark.sql(sums + "attached_orders")));

    // The QueryId connection property inside the URL works the same.
    Dataset<Row> byUrl = fixture.spark.read().format("lakeformation")
        .option("url", fixture.url("tpch") + ";QueryId=" + queryId)
        .option("user", SparkFixture.ACCESS_KEY_ID).option("password", SparkFixture.SECRET).load();
    assertEquals(orders.count(), byUrl.count());
  }

  @Test
  void onlyTheColumnsSparkNeedsAreHandedToIt() throws Exception {
    Dataset<Row> lineitem = fixture.query("tpch", "SELECT * FROM lineitem");
    assertEquals(16, lineitem.columns().length);
    Dataset<Row> two = lineitem.select("l_comment", "l_orderkey");
    assertEquals(List.of("l_orderkey", "l_comment"), readColumns(two));
    assertEquals(List.of(), readColumns(lineitem.selectExpr("COUNT(*)")));
    Row sums = two.selectExpr("SUM(l_orderkey)", "SUM(LENGTH(l_comment))").first();
    assertEquals(h2Rows("SELECT SUM(l_orderkey), SUM(LENGTH(l_comment)) FROM lineitem"), List.of(normalized(sums)));
  }

  @Test
  void faultsOnTheWireLoseAndDoubleNoRow() throws Exception {
    Faults faults = fixture.local.faults();
    long truncatedBefore = faults.injected(Faults.Kind.TRUNCATED_BODY);
    long throttledBefore = faults.injected(Faults.Kind.THROTTLE);
    faults.throttleProbability(0.1).internalErrorProbability(0.05).truncateProbability(0.25);
    Dataset<Row> lineitem = fixture.read("tpch").option("query", "SELECT * FROM lineitem")
        .option("PollIntervalMillis", 1).load();
    lineitem.createOrReplaceTempView("lineitem_faulty");
    List<List<String>> read = sparkRows(fixture.spark.sql(LINEITEM_SUMMARY.replace("FROM lineitem",
        "FROM lineitem_faulty")));
    faults.clear();
    assertEquals(h2Rows(LINEITEM_SUMMARY), read);
    assertTrue(faults.injected(Faults.Kind.TRUNCATED_BODY) > truncatedBefore, "bodies were cut");
    assertTrue(faults.injected(Faults.Kind.THROTTLE) > throttledBefore, "calls were throttled");
  }

  @Test
  void aFailedTaskIsReadAgainWithoutDoublingARow() throws Exception {
    Dataset<Row> lineitem = fixture.read("tpch").option("query", "SELECT * FROM lineitem")
        .option("workUnitsPerPartition", 4).load();
    AtomicInteger failedTasks = new AtomicInteger();
    SparkListener listener = new SparkListener() {
      @Override
      public void onTaskEnd(SparkListenerTaskEnd end) {
        if (!end.taskInfo().successful()) {
          failedTasks.incrementAndGet();
        }
      }
    };
    fixture.spark.sparkContext().addSparkListener(listener);
    try {
      // Partition 2's first attempt fails half-way through its second unit, after rows were handed on.
      Dataset<Row> failingOnce = lineitem.mapPartitions((MapPartitionsFunction<Row, Row>) rows -> {
        TaskContext task = TaskContext.get();
        if (task.partitionId() != 2 || task.attemptNumber() > 0) {
          return rows;
        }
        List<Row> taken = new ArrayList<>();
        while (rows.hasNext() && taken.size() < 1_500) {
          taken.add(rows.next());
        }
        throw new IllegalStateException("injected failure after " + taken.size() + " rows");
      }, Encoders.row(lineitem.schema()));
      failingOnce.createOrReplaceTempView("lineitem_retried");
      List<List<String>> read = sparkRows(fixture.spark.sql(LINEITEM_SUMMARY.replace("FROM lineitem",
          "FROM lineitem_retried")));
      fixture.spark.sparkContext().listenerBus().waitUntilEmpty();
      assertEquals(1, failedTasks.get(), "one task attempt failed and was retried");
      assertEquals(h2Rows(LINEITEM_SUMMARY), read);
      assertEquals(0, ServiceSession.allocatedBytesOfAllSessions(), "the failed attempt's reader was closed too");
    } finally {
      fixture.spark.sparkContext().removeSparkListener(listener);
    }
  }

  @Test
  void tasksOfOneJvmShareOneSession() throws Exception {
    // Settings no other test uses, so that this read opens its own session.
    Dataset<Row> lineitem = fixture.read("tpch").option("query", "SELECT l_orderkey FROM lineitem")
        .option("SocketTimeoutMillis", 61_000).load();
    long before = ExecutorSessions.SHARED.opened();
    assertTrue(lineitem.rdd().getNumPartitions() > 50);
    lineitem.count();
    assertEquals(1, ExecutorSessions.SHARED.opened() - before);
  }

  @Test
  void aQueryWithoutRowsKeepsItsColumns() throws Exception {
    Dataset<Row> none = fixture.query("tpch", "SELECT r_regionkey, r_name FROM region WHERE r_regionkey < 0");
    assertEquals(List.of("r_regionkey", "r_name"), Arrays.asList(none.columns()));
    assertEquals(0, none.count());
  }

  @Test
  void aQueryWithoutWorkUnitsHasNoColumnsAndNoPartitions() {
    String queryId = fixture.local.publishQuery("no units", List.of());
    Dataset<Row> none = fixture.read("tpch").option("queryId", queryId).load();
    assertEquals(0, none.columns().length);
    assertEquals(0, none.rdd().getNumPartitions());
    assertEquals(0, none.count());
  }

  // ---------------------------------------------------------------- helpers

  /** Plans {@code sql} with the query layer, as another program would; returns its ID and unit count. */
  private static String[] plan(String sql) throws Exception {
    Properties login = new Properties();
    login.setProperty("user", SparkFixture.ACCESS_KEY_ID);
    login.setProperty("password", SparkFixture.SECRET);
    try (ServiceSession session = ServiceSession.open(fixture.url("tpch"), login)) {
      ServiceQuery query = session.plan(sql);
      return new String[] {query.queryId(), String.valueOf(query.workUnits().size())};
    }
  }

  private static List<String> readColumns(Dataset<Row> df) {
    return Arrays.stream(SparkFixture.scanOf(df).scan().readSchema().fields()).map(StructField::name).toList();
  }

  private static List<List<String>> sparkRows(Dataset<Row> df) {
    return df.collectAsList().stream().map(SparkReadTest::normalized).toList();
  }

  static List<String> normalized(Row row) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < row.length(); i++) {
      values.add(normalized(row.get(i)));
    }
    return values;
  }

  /** H2's rows of {@code sql} in the tpch schema. */
  private static List<List<String>> h2Rows(String sql) throws Exception {
    List<List<String>> rows = new ArrayList<>();
    try (Connection h2 = fixture.local.openH2(); Statement s = h2.createStatement()) {
      h2.setSchema("tpch");
      try (ResultSet rs = s.executeQuery(sql)) {
        while (rs.next()) {
          List<String> values = new ArrayList<>();
          for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
            Object value = rs.getObject(c);
            values.add(normalized(value instanceof java.sql.Date d ? d.toLocalDate() : value));
          }
          rows.add(values);
        }
      }
    }
    return rows;
  }

  /** Numbers compared by value whatever their class and scale; everything else by its text. */
  private static String normalized(Object value) {
    if (value instanceof Number n) {
      return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
    }
    return String.valueOf(value);
  }
}
