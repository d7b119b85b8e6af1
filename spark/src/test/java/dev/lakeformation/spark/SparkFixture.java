package dev.lakeformation.spark;

import dev.lakeformation.local.LakeFormationLocal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.datasources.v2.BatchScanExec;

/**
 * What every Spark test of the JVM shares (starting them takes seconds): one LakeFormation Local
 * that accepts only its own credentials, whose secret the secrets test hunts for, and one
 * SparkSession on a {@code local[4,2]} master: four task threads, and a failed task tried a
 * second time.
 */
final class SparkFixture {
  static final String ACCESS_KEY_ID = "AKIASPARKCONNECTORTEST";
  /** Characters no log line or plan would hold by chance, so that any 4 of them in a row are a leak. */
  static final String SECRET = "Xq7^Vw|Zr~Kp3*Mb!Hy8_Gu+Jn5-Tc";

  private static final Pattern QUERY_ID = Pattern.compile("LakeFormation query ([0-9a-f-]{36})");
  private static SparkFixture shared;

  final LakeFormationLocal local;
  final SparkSession spark;

  private SparkFixture(LakeFormationLocal local, SparkSession spark) {
    this.local = local;
    this.spark = spark;
  }

  static synchronized SparkFixture shared() throws Exception {
    if (shared == null) {
      // Spark logs through SLF4J to java.util.logging here; INFO would fill the test reports.
      Logger.getLogger("").setLevel(Level.WARNING);
      LakeFormationLocal local = LakeFormationLocal.builder().credentials(ACCESS_KEY_ID, SECRET).start();
      SparkSession spark = SparkSession.builder()
          .master("local[4,2]")
          .appName("lakeformation-jdbc spark tests")
          .config("spark.ui.enabled", "false")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.sql.shuffle.partitions", "4")
          .config("spark.sql.session.timeZone", "UTC")
          .config("spark.sql.datetime.java8API.enabled", "true")
          .getOrCreate();
      shared = new SparkFixture(local, spark);
    }
    return shared;
  }

  /** The URL of the local service, without credentials. */
  String url(String database) {
    return "jdbc:lakeformation://Endpoint=" + local.endpoint() + ";Region=us-east-1;Database=" + database;
  }

  /** A reader of the local service's {@code database}, the secret given as Spark's password option. */
  DataFrameReader read(String database) {
    return spark.read().format("lakeformation").option("url", url(database))
        .option("user", ACCESS_KEY_ID).option("password", SECRET);
  }

  Dataset<Row> query(String database, String sql) {
    return read(database).option("query", sql).load();
  }

  /** The SQL LakeFormation Local was asked to plan for a DataFrame's scan (found by the query ID its plan shows). */
  String receivedSql(Dataset<Row> df) {
    String plan = df.queryExecution().executedPlan().toString();
    Matcher id = QUERY_ID.matcher(plan);
    if (!id.find()) {
      throw new AssertionError("no Lake Formation query in " + plan);
    }
    return local.queryText(id.group(1)).orElseThrow();
  }

  /** The scan node of a DataFrame's physical plan. */
  static BatchScanExec scanOf(Dataset<Row> df) {
    SparkPlan plan = df.queryExecution().sparkPlan();
    List<SparkPlan> leaves = javaList(plan.collectLeaves());
    return (BatchScanExec) leaves.stream().filter(p -> p instanceof BatchScanExec).findFirst()
        .orElseThrow(() -> new AssertionError("no BatchScanExec in " + plan));
  }

  /**
   * A Scala sequence as a Java list, in a way both Scala 2.12 and 2.13 compile (the tests run on
   * Spark builds of each; their converters live in different places).
   */
  static <T> List<T> javaList(scala.collection.Seq<T> seq) {
    List<T> list = new ArrayList<>(seq.size());
    scala.collection.Iterator<T> values = seq.iterator();
    while (values.hasNext()) {
      list.add(values.next());
    }
    return list;
  }

  /** One value of an H2 query, read directly from the service's database. */
  Object h2Value(String sql) throws SQLException {
    try (Connection h2 = local.openH2(); Statement s = h2.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getObject(1);
    }
  }
}
