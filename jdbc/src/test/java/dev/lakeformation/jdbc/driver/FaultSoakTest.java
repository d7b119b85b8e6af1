package dev.lakeformation.jdbc.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.api.QueryProgress;
import dev.lakeformation.local.LakeFormationLocal;
import dev.lakeformation.local.faults.Faults;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Many TPC-H queries through LakeFormation Local with every fault on at once (latency jitter,
 * 429s, 500s, bodies cut mid-stream, "not ready" answers), each answer compared with H2's for
 * the same SQL by row count and an order-independent checksum. No row may be lost or doubled,
 * no answer may be wrong; a query may fail only with an SQLException once its retries ran out.
 *
 * <p>Short by default (for {@code mvn verify}); {@code -Dsoak.queries=2000} runs the long form.
 * The report goes to standard output and target/fault-soak.md.
 */
class FaultSoakTest {
  private static final String[] QUERIES = {
      "SELECT * FROM lineitem",
      "SELECT * FROM orders",
      "SELECT o_orderkey, o_custkey, o_totalprice, o_orderdate FROM orders WHERE o_orderdate < DATE '1995-01-01'",
      "SELECT l_returnflag, l_linestatus, SUM(l_quantity), SUM(l_extendedprice), AVG(l_discount), COUNT(*)"
          + " FROM lineitem WHERE l_shipdate <= DATE '1998-09-02' GROUP BY l_returnflag, l_linestatus",
      "SELECT SUM(l_extendedprice * l_discount) FROM lineitem WHERE l_shipdate >= DATE '1994-01-01'"
          + " AND l_shipdate < DATE '1995-01-01' AND l_discount BETWEEN 0.05 AND 0.07 AND l_quantity < 24",
      "SELECT l_orderkey, SUM(l_extendedprice * (1 - l_discount)) AS revenue, o_orderdate, o_shippriority"
          + " FROM customer, orders, lineitem WHERE c_mktsegment = 'BUILDING' AND c_custkey = o_custkey"
          + " AND l_orderkey = o_orderkey AND o_orderdate < DATE '1995-03-15' AND l_shipdate > DATE '1995-03-15'"
          + " GROUP BY l_orderkey, o_orderdate, o_shippriority",
      "SELECT * FROM partsupp",
      "SELECT c.*, n_name FROM customer c JOIN nation ON c_nationkey = n_nationkey",
  };

  /** Order-independent: the sum of a hash of every row's values as text, and the row count. */
  private static long[] checksum(ResultSet rs) throws SQLException {
    int columns = rs.getMetaData().getColumnCount();
    long sum = 0;
    long rows = 0;
    while (rs.next()) {
      long h = 1125899906842597L;
      for (int c = 1; c <= columns; c++) {
        h = 31 * h + String.valueOf(rs.getString(c)).hashCode();
      }
      sum += h * 0x9E3779B97F4A7C15L;
      rows++;
    }
    return new long[] {sum, rows};
  }

  @Test
  void everyAnswerIsRightOrAClearErrorUnderEveryFaultAtOnce() throws Exception {
    int queries = Integer.getInteger("soak.queries", 24);
    Random random = new Random(Long.getLong("soak.seed", 7));
    try (LakeFormationLocal local = LakeFormationLocal.builder().rowsPerWorkUnit(400).rowsPerBatch(150).faultSeed(random.nextLong())
        .start()) {
      long[][] expected = new long[QUERIES.length][];
      try (Connection h2 = local.openH2(); Statement s = h2.createStatement()) {
        h2.setSchema("tpch");
        for (int q = 0; q < QUERIES.length; q++) {
          try (ResultSet rs = s.executeQuery(QUERIES[q])) {
            expected[q] = checksum(rs);
          }
        }
      }
      Faults faults = local.faults();
      faults.workUnitJitterMillis(20).throttleProbability(0.05).internalErrorProbability(0.05)
          .truncateProbability(0.1).notReadyAnswersPerQuery(1);
      long rowsCompared = 0;
      long lostOrDoubled = 0;
      long wrong = 0;
      long failedCleanly = 0;
      long retries = 0;
      List<String> failures = new ArrayList<>();
      String url = "jdbc:lakeformation://Endpoint=" + local.endpoint() + ";Region=us-east-1;Database=tpch;AccessKeyId="
          + LakeFormationLocal.DEFAULT_ACCESS_KEY_ID + ";SecretAccessKey=" + LakeFormationLocal.DEFAULT_SECRET_ACCESS_KEY;
      for (int i = 0; i < queries; i++) {
        int q = i % QUERIES.length;
        String settings = ";MaxConcurrentWorkUnits=" + (1 + random.nextInt(12)) + ";RowOrder="
            + (random.nextBoolean() ? "WORK_UNIT" : "COMPLETION") + ";MaxBufferBytes=" + (1 + random.nextInt(8)) + "MB";
        QueryProgress progress = new QueryProgress();
        try (Connection c = DriverManager.getConnection(url + settings); Statement s = c.createStatement()) {
          s.unwrap(LfStatement.class).setQueryListener(progress);
          long[] actual;
          try (ResultSet rs = s.executeQuery(QUERIES[q])) {
            actual = checksum(rs);
          }
          retries += progress.snapshot().retries();
          rowsCompared += actual[1];
          if (actual[1] != expected[q][1]) {
            lostOrDoubled++;
            failures.add("query " + q + settings + ": " + actual[1] + " rows, expected " + expected[q][1]);
          } else if (actual[0] != expected[q][0]) {
            wrong++;
            failures.add("query " + q + settings + ": wrong values");
          }
        } catch (SQLException e) {
          failedCleanly++;
          assertTrue(e.getMessage() != null && !e.getMessage().isBlank() && e.getSQLState() != null, e.toString());
        }
      }
      faults.clear();
      String report = String.format("""
          | Fault soak | |
          |---|---|
          | queries run | %d |
          | faults injected: latency (with jitter) | %d |
          | faults injected: 429 throttled | %d |
          | faults injected: 500 internal error | %d |
          | faults injected: body cut mid-stream | %d |
          | faults injected: not ready | %d |
          | retries made (work units) | %d |
          | rows compared with H2 | %d |
          | rows lost or doubled (queries) | %d |
          | wrong answers | %d |
          | queries failed cleanly (retry budget spent) | %d |
          """, queries, faults.injected(Faults.Kind.LATENCY), faults.injected(Faults.Kind.THROTTLE),
          faults.injected(Faults.Kind.INTERNAL_ERROR), faults.injected(Faults.Kind.TRUNCATED_BODY),
          faults.injected(Faults.Kind.NOT_READY), retries, rowsCompared, lostOrDoubled, wrong, failedCleanly);
      System.out.println(report);
      Files.createDirectories(Path.of("target"));
      Files.writeString(Path.of("target", "fault-soak.md"), report, StandardCharsets.UTF_8);
      assertEquals(List.of(), failures);
      assertTrue(faults.injected(Faults.Kind.TRUNCATED_BODY) > 0 && faults.injected(Faults.Kind.THROTTLE) > 0,
          "the soak injected no faults:\n" + report);
      assertTrue(failedCleanly < queries / 2, "most queries should survive these fault rates:\n" + report);
    }
  }
}
