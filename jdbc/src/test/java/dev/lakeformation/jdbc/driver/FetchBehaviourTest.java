package dev.lakeformation.jdbc.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.api.QueryListener;
import dev.lakeformation.local.faults.Faults;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How the driver walks and fetches work units: faults, order, memory, cancellation, errors. */
class FetchBehaviourTest {
  static LocalFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = LocalFixture.shared();
  }

  @AfterEach
  void noFaults() {
    fixture.local.faults().clear();
  }

  /** Order-independent: the sum of a hash of every row, and the count. */
  private static long[] checksum(ResultSet rs) throws SQLException {
    long sum = 0;
    long count = 0;
    int columns = rs.getMetaData().getColumnCount();
    while (rs.next()) {
      long h = 17;
      for (int c = 1; c <= columns; c++) {
        h = h * 31 + String.valueOf(rs.getString(c)).hashCode();
      }
      sum += h * 0x9E3779B97F4A7C15L;
      count++;
    }
    return new long[] {sum, count};
  }

  private long[] h2Checksum(String sql) throws SQLException {
    try (Connection h2 = fixture.h2("tpch"); Statement s = h2.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return checksum(rs);
    }
  }

  @Test
  void everyRowArrivesExactlyOnceUnderThrottlingErrorsCutBodiesAndNotReadyAnswers() throws Exception {
    String sql = "SELECT * FROM lineitem";
    long[] expected = h2Checksum(sql);
    Faults faults = fixture.local.faults();
    faults.throttleProbability(0.1).internalErrorProbability(0.05).truncateProbability(0.2).notReadyAnswersPerQuery(2);
    try (Connection c = fixture.connect("Database=tpch;MaxRetries=30;MaxConcurrentWorkUnits=6;PageSize=3");
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      long[] actual = checksum(rs);
      assertEquals(expected[1], actual[1], "row count");
      assertEquals(expected[0], actual[0], "checksum");
    }
    assertTrue(faults.injected(Faults.Kind.TRUNCATED_BODY) > 0, "no body was cut: the test proved nothing");
    assertTrue(faults.injected(Faults.Kind.THROTTLE) > 0);
    assertTrue(faults.injected(Faults.Kind.NOT_READY) > 0);
  }

  @Test
  void completionOrderDeliversTheSameRows() throws Exception {
    String sql = "SELECT * FROM orders";
    try (Connection c = fixture.connect("Database=tpch;RowOrder=COMPLETION;MaxConcurrentWorkUnits=8");
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      long[] actual = checksum(rs);
      long[] expected = h2Checksum(sql);
      assertEquals(expected[1], actual[1]);
      assertEquals(expected[0], actual[0]);
    }
  }

  @Test
  void aSmallBufferStillDeliversEverythingInOrder() throws Exception {
    try (Connection c = fixture.connect("Database=tpch;MaxBufferBytes=1MB;MaxConcurrentWorkUnits=8");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT l_orderkey, l_linenumber, l_comment FROM lineitem ORDER BY l_orderkey, l_linenumber")) {
      long previous = -1;
      long rows = 0;
      while (rs.next()) {
        long key = rs.getLong(1) * 10 + rs.getInt(2);
        assertTrue(key > previous, "rows out of order at row " + rows);
        previous = key;
        rows++;
      }
      assertEquals(60_175, rows);
    }
  }

  @Test
  void closingReleasesEveryArrowBufferAndFetchThread() throws Exception {
    LfConnection lf;
    try (Connection c = fixture.connect("Database=tpch;MaxConcurrentWorkUnits=4")) {
      lf = c.unwrap(LfConnection.class);
      Statement s = c.createStatement();
      ResultSet rs = s.executeQuery("SELECT * FROM lineitem");
      assertTrue(rs.next());
      assertTrue(lf.allocatedBytes() > 0);
      rs.close();
      assertEquals(0, lf.allocatedBytes(), "Arrow bytes left after ResultSet.close()");
      ResultSet second = s.executeQuery("SELECT * FROM orders");
      assertTrue(second.next());
    } // closes the statement and its open result
    assertEquals(0, lf.allocatedBytes(), "Arrow bytes left after Connection.close()");
    assertEquals(List.of(), DriverThreads.awaitIdle(2_000), "fetch threads still working after close");
  }

  @Test
  void cancelStopsAQueryFromAnotherThread() throws Exception {
    fixture.local.faults().workUnitLatencyMillis(200);
    try (Connection c = fixture.connect("Database=tpch;MaxConcurrentWorkUnits=2")) {
      Statement s = c.createStatement();
      ResultSet rs = s.executeQuery("SELECT * FROM lineitem");
      assertTrue(rs.next());
      long start = System.nanoTime();
      s.cancel();
      SQLException e = assertThrows(SQLException.class, () -> {
        while (rs.next()) {
          // drain what was already buffered
        }
      });
      assertEquals("HY008", e.getSQLState());
      assertTrue((System.nanoTime() - start) / 1_000_000 < 1_000, "cancel took over a second");
      assertEquals(0, c.unwrap(LfConnection.class).allocatedBytes());
    }
  }

  @Test
  void cancelDuringPlanningStopsTheQueryOnTheServiceToo() throws Exception {
    fixture.local.faults().planningDelayMillis(3_000);
    AtomicReference<String> planned = new AtomicReference<>();
    try (Connection c = fixture.connect("Database=tpch"); Statement s = c.createStatement()) {
      s.unwrap(LfStatement.class).setQueryListener(new QueryListener() {
        @Override
        public void planned(String queryId) {
          planned.set(queryId);
        }
      });
      long stopsBefore = fixture.local.requestCount("StopQueryExecution");
      Thread canceller = new Thread(() -> {
        try {
          while (planned.get() == null) {
            Thread.sleep(10);
          }
          s.cancel();
        } catch (InterruptedException | SQLException e) {
          throw new IllegalStateException(e);
        }
      });
      canceller.start();
      long start = System.nanoTime();
      assertEquals("HY008", assertThrows(SQLException.class, () -> s.executeQuery("SELECT * FROM orders"))
          .getSQLState());
      assertTrue((System.nanoTime() - start) / 1_000_000 < 2_500, "the wait for planning ended at the cancel");
      canceller.join();
      var lakeFormation = c.unwrap(LfConnection.class).session().aws();
      long deadline = System.nanoTime() + 15_000_000_000L;
      while (fixture.local.requestCount("StopQueryExecution") == stopsBefore && System.nanoTime() < deadline) {
        Thread.sleep(10); // the stop is sent off the cancelling thread
      }
      var state = lakeFormation.lakeFormation().getQueryState(r -> r.queryId(planned.get()));
      assertEquals("ERROR", state.stateAsString());
      assertTrue(state.error().contains("cancelled"), state.error());
      assertEquals("CANCELLED", lakeFormation.athena().getQueryExecution(r -> r.queryExecutionId(planned.get()))
          .queryExecution().status().stateAsString());
    }
  }

  @Test
  void maxRowsStopsEarly() throws Exception {
    try (Connection c = fixture.connect("Database=tpch"); Statement s = c.createStatement()) {
      s.setMaxRows(7);
      ResultSet rs = s.executeQuery("SELECT * FROM lineitem");
      int rows = 0;
      while (rs.next()) {
        rows++;
      }
      assertEquals(7, rows);
    }
  }

  @Test
  void aBadQueryFailsWithTheServicesMessage() throws Exception {
    try (Connection c = fixture.connect("Database=tpch"); Statement s = c.createStatement()) {
      SQLSyntaxErrorException e = assertThrows(SQLSyntaxErrorException.class,
          () -> s.executeQuery("SELECT no_such_column FROM lineitem"));
      assertTrue(e.getMessage().contains("no_such_column"), e.getMessage());
      assertEquals("42000", e.getSQLState());
    }
  }

  @Test
  void anUnknownDatabaseIsAnInvalidInputError() throws Exception {
    try (Connection c = fixture.connect("Database=nowhere"); Statement s = c.createStatement()) {
      SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("SELECT 1"));
      assertTrue(e.getMessage().contains("InvalidInputException: Database nowhere not found."), e.getMessage());
    }
  }

  @Test
  void preparedStatementParametersStayData() throws Exception {
    try (Connection c = fixture.connect("Database=tpch");
        PreparedStatement ps = c.prepareStatement("SELECT n_name FROM nation WHERE n_name = ? OR n_nationkey = ? -- ?")) {
      ps.setString(1, "x' OR '1'='1");
      ps.setInt(2, 7);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        assertEquals("GERMANY", rs.getString(1));
        assertFalse(rs.next());
      }
    }
  }

  @Test
  void aQueryIdInTheUrlAttachesWithoutPlanning() throws Exception {
    String queryId;
    try (Connection c = fixture.connect("Database=tpch")) {
      var lf = c.unwrap(LfConnection.class);
      queryId = lf.session().aws().lakeFormation().startQueryPlanning(r -> r
          .queryPlanningContext(x -> x.databaseName("tpch")).queryString("SELECT * FROM region ORDER BY r_regionkey"))
          .queryId();
    }
    try (Connection attached = fixture.connect("QueryId=" + queryId); Statement s = attached.createStatement();
        ResultSet rs = s.executeQuery("ignored: the query is already planned")) {
      int rows = 0;
      while (rs.next()) {
        assertEquals(rows, rs.getInt("R_REGIONKEY"));
        rows++;
      }
      assertEquals(5, rows);
    }
  }
}
