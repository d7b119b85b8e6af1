package dev.lakeformation.jdbc.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading a query planned elsewhere with {@code SELECT * FROM system.query_results WHERE query_id = '…'}. */
class QueryResultsAttachTest {
  private static LocalFixture fixture;
  private static Connection connection;

  @BeforeAll
  static void start() throws Exception {
    fixture = LocalFixture.shared();
    connection = fixture.connect("Database=tpch");
  }

  @AfterAll
  static void stop() throws SQLException {
    connection.close();
  }

  /** Plans {@code sql} the way another tool would, straight through the SDK. */
  private static String planElsewhere(String sql) throws SQLException {
    return connection.unwrap(LfConnection.class).session().aws().lakeFormation()
        .startQueryPlanning(r -> r.queryPlanningContext(c -> c.databaseName("tpch")).queryString(sql)).queryId();
  }

  @Test
  void everyRowOfAQueryPlannedElsewhereInItsOrder() throws Exception {
    String queryId = planElsewhere("SELECT o_orderkey FROM orders ORDER BY o_orderkey");
    long expected;
    try (Connection h2 = fixture.h2("tpch"); Statement s = h2.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM orders")) {
      rs.next();
      expected = rs.getLong(1);
    }
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("select * from SYSTEM.\"QUERY_RESULTS\" where QUERY_ID = '" + queryId + "'")) {
      long previous = Long.MIN_VALUE;
      long rows = 0;
      while (rs.next()) {
        long key = rs.getLong("o_orderkey");
        assertTrue(key > previous, "rows keep the query's order");
        previous = key;
        rows++;
      }
      assertEquals(expected, rows);
    }
  }

  @Test
  void theIdCanBeABoundParameterAndLimitAndMaxRowsBothApply() throws Exception {
    String queryId = planElsewhere("SELECT * FROM lineitem");
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT * FROM system.query_results WHERE query_id = ? LIMIT 25")) {
      ps.setString(1, queryId);
      assertEquals(25, count(ps.executeQuery()));
      ps.setMaxRows(10);
      assertEquals(10, count(ps.executeQuery()));
    }
    try (Statement s = connection.createStatement()) {
      ResultSet empty = s.executeQuery("SELECT * FROM system.query_results WHERE query_id IN ('" + queryId
          + "') LIMIT 0");
      assertEquals(16, empty.getMetaData().getColumnCount(), "LIMIT 0 still describes the columns");
      assertFalse(empty.next());
    }
  }

  private static int count(ResultSet rs) throws SQLException {
    int rows = 0;
    while (rs.next()) {
      rows++;
    }
    rs.close();
    return rows;
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT * FROM system.query_results",
      "SELECT * FROM system.query_results WHERE query_id IN ('a', 'b')",
      "SELECT * FROM system.query_results WHERE query_id = 'a' AND l_orderkey = 1",
      "SELECT * FROM system.query_results WHERE query_id = 'a' OR query_id = 'b'",
      "SELECT * FROM system.query_results WHERE query_id = 42",
  })
  void anythingButExactlyOneQueryIdSaysHowToWriteIt(String sql) {
    SQLException e = assertThrows(SQLException.class, () -> connection.createStatement().executeQuery(sql));
    assertEquals("42000", e.getSQLState());
    assertTrue(e.getMessage().contains("query_id = '"), e.getMessage());
  }

  @Test
  void aColumnListOrOrderByIsNotSupported() {
    for (String sql : new String[] {"SELECT l_orderkey FROM system.query_results WHERE query_id = 'a'",
        "SELECT * FROM system.query_results WHERE query_id = 'a' ORDER BY l_orderkey"}) {
      SQLException e = assertThrows(SQLFeatureNotSupportedException.class,
          () -> connection.createStatement().executeQuery(sql));
      assertTrue(e.getMessage().contains("Use: SELECT * FROM system.query_results"), e.getMessage());
    }
  }

  @Test
  void anUnknownOrMalformedQueryIdIsTheServicesError() {
    String unknown = java.util.UUID.randomUUID().toString();
    SQLException e = assertThrows(SQLException.class, () -> connection.createStatement()
        .executeQuery("SELECT * FROM system.query_results WHERE query_id = '" + unknown + "'"));
    assertTrue(e.getMessage().contains(unknown + " not found"), e.getMessage());
    e = assertThrows(SQLException.class, () -> connection.createStatement()
        .executeQuery("SELECT * FROM system.query_results WHERE query_id = 'short'"));
    assertTrue(e.getMessage().contains("36 characters"), e.getMessage());
  }

  @Test
  void anUnknownSystemTableListsTheOnesThatExist() {
    SQLException e = assertThrows(SQLException.class,
        () -> connection.createStatement().executeQuery("SELECT * FROM system.no_such_table"));
    assertEquals("42000", e.getSQLState());
    assertTrue(e.getMessage().contains("system.query_results"), e.getMessage());
  }
}
