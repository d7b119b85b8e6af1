package dev.lakeformation.jdbc.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.jdbc.driver.DriverThreads;
import dev.lakeformation.jdbc.driver.LfConnection;
import dev.lakeformation.jdbc.driver.LocalFixture;
import dev.lakeformation.jdbc.network.FaultProxy.Fault;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code Connection.setNetworkTimeout} bounds every call of the connection: a planning call whose
 * answer is late and a body that stops in the middle both end in SQLTimeoutException (HYT00) at
 * the bound, far sooner than SocketTimeoutMillis; the connection is then closed, as JDBC says,
 * and a pool replaces it. Without the bound, the same late answers are simply waited for.
 */
class NetworkTimeoutTest {
  private static LocalFixture fixture;
  private static FaultProxy proxy;
  private static final ExecutorService CLOSER = Executors.newSingleThreadExecutor();

  @BeforeAll
  static void start() throws Exception {
    fixture = LocalFixture.shared();
    proxy = new FaultProxy(fixture.local.endpoint());
  }

  @AfterAll
  static void stop() throws Exception {
    proxy.close();
    CLOSER.shutdown();
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:lakeformation://Endpoint=" + proxy.endpoint() + ";Region=us-east-1"
        + ";AccessKeyId=" + fixture.local.accessKeyId() + ";SecretAccessKey=" + fixture.local.secretAccessKey()
        + ";Database=tpch;VerifyCredentials=false");
  }

  private static long rows(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      long rows = 0;
      while (rs.next()) {
        rows++;
      }
      return rows;
    }
  }

  private static void awaitClosed(Connection c) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!c.isClosed() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertTrue(c.isClosed(), "the connection is closed after its network timeout");
  }

  @Test
  void aLateAnswerEndsTheCallAtTheBoundAndClosesTheConnection() throws Exception {
    proxy.inject(Fault.LATENCY, Set.of("StartQueryPlanning"), true);
    try (Connection c = connect()) {
      c.setNetworkTimeout(CLOSER, 100);
      assertEquals(100, c.getNetworkTimeout());
      long start = System.nanoTime();
      SQLTimeoutException e = assertThrows(SQLTimeoutException.class, () -> rows(c, "SELECT * FROM region"));
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertEquals("HYT00", e.getSQLState());
      assertTrue(e.getMessage().contains("No answer within the network timeout of 100 ms (Connection.setNetworkTimeout)"),
          e.getMessage());
      assertTrue(millis < 2_000, "ended at the bound, not after retries: " + millis + " ms");
      awaitClosed(c);
    } finally {
      proxy.inject(null, Set.of(), false);
    }
  }

  @Test
  void aBodyThatStopsMidwayEndsAtTheBoundNotAtTheSocketTimeout() throws Exception {
    proxy.inject(Fault.BLACKHOLE_AFTER_BYTES, Set.of("GetWorkUnitResults"), true);
    try (Connection c = connect()) {
      c.setNetworkTimeout(CLOSER, 1_000);
      long start = System.nanoTime();
      SQLTimeoutException e = assertThrows(SQLTimeoutException.class, () -> rows(c, "SELECT * FROM lineitem"));
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertTrue(e.getMessage().contains("network timeout of 1000 ms"), e.getMessage());
      assertTrue(millis < 10_000, "the default socket timeout is 60 s; this took " + millis + " ms");
      awaitClosed(c);
      assertEquals(List.of(), DriverThreads.awaitIdle(5_000), "no fetch thread works on");
      assertEquals(0, LfConnection.allocatedBytesOfAllConnections(), "no Arrow memory left");
    } finally {
      proxy.inject(null, Set.of(), false);
    }
  }

  @Test
  void withABoundSetClosingAResultStillDropsTheBodiesBeingRead() throws Exception {
    proxy.inject(Fault.BANDWIDTH, Set.of("GetWorkUnitResults"), true);
    try (Connection c = connect()) {
      c.setNetworkTimeout(CLOSER, 60_000);
      Statement s = c.createStatement();
      ResultSet rs = s.executeQuery("SELECT * FROM lineitem");
      assertTrue(rs.next());
      long start = System.nanoTime();
      rs.close();
      assertEquals(List.of(), DriverThreads.awaitIdle(5_000), "no fetch thread works on");
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertTrue(millis < 2_000, "the slow bodies were aborted, not read to their end: " + millis + " ms");
      assertEquals(0, LfConnection.allocatedBytesOfAllConnections(), "no Arrow memory left");
      assertTrue(!c.isClosed());
    } finally {
      proxy.inject(null, Set.of(), false);
    }
  }

  @Test
  void withoutABoundOrWithinItLateAnswersAreWaitedFor() throws Exception {
    proxy.inject(Fault.LATENCY, Set.of("StartQueryPlanning", "GetWorkUnitResults"), true);
    try (Connection c = connect()) {
      assertEquals(0, c.getNetworkTimeout());
      assertEquals(5, rows(c, "SELECT * FROM region"));
      c.setNetworkTimeout(CLOSER, 5_000);
      assertEquals(25, rows(c, "SELECT * FROM nation"));
      assertTrue(!c.isClosed());
      assertThrows(SQLException.class, () -> c.setNetworkTimeout(CLOSER, -1));
      assertThrows(SQLException.class, () -> c.setNetworkTimeout(null, 10));
    } finally {
      proxy.inject(null, Set.of(), false);
    }
  }
}
