package dev.lakeformation.core.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.jdbc.driver.DriverThreads;
import dev.lakeformation.jdbc.driver.LocalFixture;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Results nobody reads do not stop anyone else: what DBeaver does with a result tab per query
 * (the first rows read, the rest left for later), and a web application with a slow client per
 * result. Their fetches park with the budget full and hold no thread, so a new query on a new
 * connection answers as on an idle driver, and each unread result still reads every row later.
 * (In the driver's module: it is read through JDBC, on LakeFormation Local.)
 */
class UnreadResultsTest {
  private static final int CONNECTIONS = 20;
  private static final int RESULTS_PER_CONNECTION = 10;
  private static final String BIG = "SELECT * FROM orders";
  private static final String SMALL = "SELECT n_name FROM nation ORDER BY n_nationkey";
  static LocalFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = LocalFixture.shared();
  }

  private static long count(ResultSet rs) throws SQLException {
    long rows = 0;
    while (rs.next()) {
      rows++;
    }
    return rows;
  }

  private static long timeSmallQuery() throws SQLException {
    long start = System.nanoTime();
    try (Connection c = fixture.connect("Database=tpch"); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(SMALL)) {
      assertEquals(25, count(rs));
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  @Test
  void twoHundredUnreadResultsLeaveTheDriverToOthersAndStillReadEveryRow() throws Exception {
    long orders;
    try (Connection h2 = fixture.h2("tpch"); Statement s = h2.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM orders")) {
      rs.next();
      orders = rs.getLong(1);
    }
    timeSmallQuery(); // warm up
    long idle = timeSmallQuery();

    // 8 fetches each, 1 MB budget: 1,600 fetches that each find the budget full, far more than
    // the 256 shared fetch threads.
    List<Connection> connections = new ArrayList<>();
    List<ResultSet> unread = new ArrayList<>();
    try {
      for (int c = 0; c < CONNECTIONS; c++) {
        Connection connection = fixture.connect("Database=tpch;MaxBufferBytes=1MB;MaxConcurrentWorkUnits=8");
        connections.add(connection);
        for (int r = 0; r < RESULTS_PER_CONNECTION; r++) {
          ResultSet rs = connection.createStatement().executeQuery(BIG);
          assertTrue(rs.next()); // the first rows, as a result tab shows them
          unread.add(rs);
        }
      }
      assertTrue(DriverThreads.awaitIdle(30_000).isEmpty(), "every fetch parked");
      long busy = timeSmallQuery();
      System.out.printf("a new query: %d ms on an idle driver, %d ms beside %d unread results%n", idle, busy,
          unread.size());
      assertTrue(busy < Math.max(10 * idle, 2_000), "with " + unread.size() + " unread results a new query took "
          + busy + " ms, against " + idle + " ms idle");

      ExecutorService readers = Executors.newFixedThreadPool(8);
      try {
        List<Future<Long>> counts = new ArrayList<>();
        for (ResultSet rs : unread) {
          counts.add(readers.submit(() -> 1 + count(rs)));
        }
        for (Future<Long> rows : counts) {
          assertEquals(orders, rows.get(5, TimeUnit.MINUTES), "every row of every unread result, once");
        }
      } finally {
        readers.shutdownNow();
      }
    } finally {
      for (Connection connection : connections) {
        connection.close();
      }
    }
    assertTrue(DriverThreads.awaitIdle(10_000).isEmpty(), "no fetch left working");
    assertEquals(0, ServiceSession.allocatedBytesOfAllSessions(), "every Arrow buffer freed");
  }

  @Test
  void theQueryTimeoutBoundsTheWaitForTheFirstRows() throws Exception {
    fixture.local.faults().workUnitLatencyMillis(5_000);
    try (Connection c = fixture.connect("Database=tpch"); Statement s = c.createStatement()) {
      s.setQueryTimeout(1);
      long start = System.nanoTime();
      SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, () -> {
        try (ResultSet rs = s.executeQuery("SELECT * FROM region")) {
          rs.next();
        }
      });
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(e instanceof SQLTimeoutException, e.toString());
      assertTrue(millis < 3_000, "took " + millis + " ms");
    } finally {
      fixture.local.faults().clear();
    }
  }
}
