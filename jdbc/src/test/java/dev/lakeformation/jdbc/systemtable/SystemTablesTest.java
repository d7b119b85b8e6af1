package dev.lakeformation.jdbc.systemtable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.core.aws.AwsClients;
import dev.lakeformation.jdbc.driver.LfConnection;
import dev.lakeformation.jdbc.driver.LocalFixture;
import dev.lakeformation.local.LakeFormationLocal;
import dev.lakeformation.local.LocalClients;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The system tables through the driver, answered from LakeFormation Local's Athena and Lake Formation APIs. */
class SystemTablesTest {
  private static LocalFixture fixture;
  private static Connection connection;
  private static String plannedQueryId;

  @BeforeAll
  static void start() throws Exception {
    fixture = LocalFixture.shared();
    connection = fixture.connect("Database=tpch");
    try (AwsClients clients = LocalClients.connect(fixture.local)) {
      plannedQueryId = LocalClients.planAndFinish(clients.lakeFormation(), "tpch", "SELECT * FROM orders");
    }
    try (ResultSet rs = connection.createStatement()
        .executeQuery("SELECT * FROM system.query_results WHERE query_id = '" + plannedQueryId + "'")) {
      while (rs.next()) {
        rs.getObject(1);
      }
    }
  }

  @AfterAll
  static void stop() throws SQLException {
    assertEquals(0, connection.unwrap(LfConnection.class).allocatedBytes(), "every system result freed its buffers");
    connection.close();
  }

  /** LakeFormation Local seeds three historic executions, with IDs derived from their names. */
  private static final String SUCCEEDED = seeded("historic-succeeded");
  private static final String FAILED = seeded("historic-failed");
  private static final String CANCELLED = seeded("historic-cancelled");

  private static String seeded(String name) {
    return java.util.UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
  }

  private static List<String> column(ResultSet rs, String name) throws SQLException {
    List<String> values = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        values.add(rs.getString(name));
      }
    }
    return values;
  }

  @Test
  void queryExecutionsByIdHaveEveryFieldAsATypedColumn() throws Exception {
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT * FROM system.query_executions WHERE query_execution_id IN ('" + SUCCEEDED + "', '" + FAILED + "')"
            + " ORDER BY state DESC")) {
      ResultSetMetaData md = rs.getMetaData();
      assertEquals(40, md.getColumnCount());
      assertEquals(Types.TIMESTAMP_WITH_TIMEZONE, md.getColumnType(rs.findColumn("submission_date_time")));
      assertEquals(Types.DOUBLE, md.getColumnType(rs.findColumn("dpu_count")));
      assertEquals(Types.ARRAY, md.getColumnType(rs.findColumn("execution_parameters")));
      assertEquals(Types.BOOLEAN, md.getColumnType(rs.findColumn("error_retryable")));
      assertTrue(rs.next());
      assertEquals(SUCCEEDED, rs.getString("query_execution_id"));
      assertEquals("SUCCEEDED", rs.getString("state"));
      assertEquals(4.0, rs.getDouble("dpu_count"));
      assertTrue(rs.getBoolean("reused_previous_result"));
      assertEquals("SSE_KMS", rs.getString("encryption_option"));
      assertEquals("BUCKET_OWNER_FULL_CONTROL", rs.getString("s3_acl_option"));
      assertEquals(60, rs.getInt("result_reuse_max_age_minutes"));
      assertEquals("DIRECTORY_IDENTITY", rs.getString("s3_access_grants_authentication_type"));
      assertTrue(rs.getObject("submission_date_time", OffsetDateTime.class)
          .isBefore(rs.getObject("completion_date_time", OffsetDateTime.class)));
      assertTrue(rs.next());
      assertEquals("FAILED", rs.getString("state"));
      assertEquals(1006, rs.getInt("error_type"));
      assertFalse(rs.getBoolean("error_retryable"));
      assertTrue(rs.getString("state_change_reason").contains("TABLE_NOT_FOUND"));
      assertNull(rs.getObject("dpu_count"));
      assertFalse(rs.next());
      assertNull(rs.getWarnings());
    }
  }

  @Test
  void idsAthenaCannotReadAreWarningsAndRowsOfTheirOwnTable() throws Exception {
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT query_execution_id, state FROM system.query_executions"
            + " WHERE query_execution_id IN ('" + SUCCEEDED + "', 'no-such-execution')")) {
      SQLWarning warning = rs.getWarnings();
      assertTrue(warning.getMessage().contains("no-such-execution"), warning.getMessage());
      assertTrue(warning.getMessage().contains("INVALID_INPUT"), warning.getMessage());
      assertEquals(List.of(SUCCEEDED), column(rs, "query_execution_id"));
    }
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT * FROM system.unprocessed_query_executions"
            + " WHERE query_execution_id IN ('" + SUCCEEDED + "', 'no-such-execution')")) {
      assertTrue(rs.next());
      assertEquals("no-such-execution", rs.getString(1));
      assertEquals("INVALID_INPUT", rs.getString("error_code"));
      assertTrue(rs.getString("error_message").contains("not found"));
      assertFalse(rs.next());
    }
  }

  /** Athena refuses a whole batch that names an ID outside its model's bounds; such an ID is never sent. */
  @Test
  void idsNoExecutionCanHaveAreUnprocessedAndTheOthersStillRead() throws Exception {
    String ids = "'" + SUCCEEDED + "', '', '   ', '" + "x".repeat(129) + "'";
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT query_execution_id FROM system.query_executions WHERE query_execution_id IN (" + ids + ")")) {
      assertEquals(List.of(SUCCEEDED), column(rs, "query_execution_id"));
    }
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT query_execution_id, error_code, error_message FROM system.unprocessed_query_executions"
            + " WHERE query_execution_id IN (" + ids + ") ORDER BY query_execution_id")) {
      for (String id : List.of("", "   ", "x".repeat(129))) {
        assertTrue(rs.next(), id);
        assertEquals(id, rs.getString(1));
        assertEquals("INVALID_INPUT", rs.getString(2));
        assertTrue(rs.getString(3).contains("not sent to Athena"), rs.getString(3));
      }
      assertFalse(rs.next());
    }
  }

  @Test
  void moreThanFiftyIdsAreReadInChunksOfFifty() throws Exception {
    String ids = IntStream.range(0, 120).mapToObj(i -> "'missing-" + i + "'").collect(Collectors.joining(", "));
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT query_execution_id FROM system.unprocessed_query_executions WHERE query_execution_id IN (" + ids
            + ", '" + FAILED + "') ORDER BY query_execution_id")) {
      List<String> unprocessed = column(rs, "query_execution_id");
      assertEquals(120, unprocessed.size());
      assertEquals("missing-0", unprocessed.get(0));
    }
  }

  @Test
  void withoutIdsTheWorkgroupsExecutionsAreListedFilteredSortedAndLimited() throws Exception {
    try (Statement s = connection.createStatement()) {
      // Other test classes share this LakeFormation Local: the newest executions, this class's among them, are listed.
      List<String> all = column(s.executeQuery("SELECT query_execution_id FROM system.query_executions"),
          "query_execution_id");
      assertTrue(all.contains(plannedQueryId), all.toString());
      assertTrue(all.size() <= AthenaExecutions.MOST_LISTED, "at most the newest thousand: " + all.size());
      assertEquals(List.of(FAILED, SUCCEEDED), column(s.executeQuery("SELECT query_execution_id, state"
          + " FROM system.query_executions WHERE query_execution_id IN ('" + FAILED + "', '" + SUCCEEDED + "', '"
          + CANCELLED + "') AND state <> 'CANCELLED' AND NOT query_execution_id IS NULL ORDER BY state"),
          "query_execution_id"));
      assertTrue(Set.of(List.of(), List.of("FAILED")).contains(column(s.executeQuery("SELECT state"
          + " FROM system.query_executions WHERE state = 'FAILED' OR state = 'NOPE'"), "state").stream().distinct()
          .toList()));
      List<String> newestTwo = column(s.executeQuery("SELECT query_execution_id FROM system.query_executions"
          + " WHERE submission_date_time > TIMESTAMP '2000-01-01 00:00:00' ORDER BY submission_date_time DESC"
          + " LIMIT 2"), "query_execution_id");
      assertEquals(2, newestTwo.size());
      assertEquals(1, column(s.executeQuery("SELECT * FROM system.query_executions LIMIT 1"), "state").size());
      s.setMaxRows(3);
      assertEquals(3, column(s.executeQuery("SELECT * FROM system.query_executions"), "state").size());
    }
  }

  /** H2 checks the statement on the empty tables before anything is fetched: mistakes cost no call to AWS. */
  @Test
  void mistakesAreFoundBeforeAnyCall() {
    long calls = fixture.local.requestCount("ListQueryExecutions")
        + fixture.local.requestCount("BatchGetQueryExecution");
    SQLException unknown = assertThrows(SQLException.class, () -> connection.createStatement()
        .executeQuery("SELECT nope FROM system.query_executions"));
    assertEquals("42S22", unknown.getSQLState());
    assertTrue(unknown.getMessage().startsWith("Column \"nope\" not found. system.query_executions has"
        + " query_execution_id, query, statement_type"), unknown.getMessage());
    SQLException type = assertThrows(SQLException.class, () -> connection.createStatement()
        .executeQuery("SELECT * FROM system.query_executions WHERE dpu_count = 'four'"));
    assertEquals("22018", type.getSQLState());
    assertEquals("Data conversion error converting \"four\"", type.getMessage());
    SQLException time = assertThrows(SQLException.class, () -> connection.createStatement()
        .executeQuery("SELECT * FROM system.query_executions WHERE submission_date_time > 'yesterday'"));
    assertEquals("22007", time.getSQLState());
    assertTrue(time.getMessage().contains("Cannot parse \"TIMESTAMP WITH TIME ZONE\" constant \"yesterday\""),
        time.getMessage());
    SQLException function = assertThrows(SQLException.class, () -> connection.createStatement()
        .executeQuery("SELECT no_such_function(state) FROM system.query_executions"));
    assertEquals("42000", function.getSQLState());
    assertTrue(function.getMessage().startsWith("Function \"no_such_function\" not found"), function.getMessage());
    SQLException noTable = assertThrows(SQLException.class, () -> connection.createStatement()
        .executeQuery("SELECT * FROM system.nothing"));
    assertTrue(noTable.getMessage().contains("system.query_executions"), noTable.getMessage());
    assertEquals(calls, fixture.local.requestCount("ListQueryExecutions")
        + fixture.local.requestCount("BatchGetQueryExecution"));
  }

  @Test
  void queriesGivesStateAndStatisticsOfNamedQueries() throws Exception {
    try (PreparedStatement ps = connection.prepareStatement("SELECT * FROM system.queries WHERE query_id = ?")) {
      ps.setString(1, plannedQueryId);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        assertEquals(plannedQueryId, rs.getString("query_id"));
        assertEquals("FINISHED", rs.getString("state"));
        assertTrue(rs.getLong("work_units_generated_count") >= 15, rs.getString("work_units_generated_count"));
        assertEquals(rs.getLong("work_units_generated_count"), rs.getLong("work_units_executed_count"));
        assertTrue(rs.getLong("estimated_data_to_scan_bytes") > 0);
        assertFalse(rs.next());
      }
    }
    SQLException e = assertThrows(SQLException.class,
        () -> connection.createStatement().executeQuery("SELECT * FROM system.queries"));
    assertTrue(e.getMessage().contains("WHERE query_id = '…'"), e.getMessage());
  }

  @Test
  void workUnitsListsEveryRangeOnce() throws Exception {
    long generated;
    try (ResultSet rs = connection.createStatement().executeQuery(
        "SELECT work_units_generated_count FROM system.queries WHERE query_id = '" + plannedQueryId + "'")) {
      rs.next();
      generated = rs.getLong(1);
    }
    try (ResultSet rs = connection.createStatement().executeQuery("SELECT work_unit_id_min, work_unit_id_max,"
        + " work_unit_token FROM system.work_units WHERE query_id = '" + plannedQueryId
        + "' ORDER BY work_unit_id_min")) {
      long next = 0;
      List<String> tokens = new ArrayList<>();
      while (rs.next()) {
        assertEquals(next, rs.getLong(1));
        next = rs.getLong(2) + 1;
        tokens.add(rs.getString(3));
      }
      assertEquals(generated, next);
      assertEquals(tokens.size(), tokens.stream().distinct().count(), "each range has its own token");
      assertEquals((generated + 3) / 4, tokens.size(), "four units per range");
    }
  }

  /** A bound value reaches Athena as exactly that value: the unprocessed ID echoes it back. */
  @Test
  void boundValuesStayDataWhateverTheyHold() throws Exception {
    String[] hostile = {"x'; DROP TABLE t; --", "a' OR '1'='1", "/* comment */ ; SELECT 1", "Grüße 東京 🚀 \\ \" ''",
        "line\nbreak"};
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT query_execution_id, error_code FROM system.unprocessed_query_executions WHERE query_execution_id = ?")) {
      for (String value : hostile) {
        ps.setString(1, value);
        try (ResultSet rs = ps.executeQuery()) {
          assertTrue(rs.next(), value);
          assertEquals(value, rs.getString(1));
          assertFalse(rs.next());
        }
      }
    }
  }

  @Test
  void anExpiredQueryIsARowWithItsStateAndNoStatistics() throws Exception {
    try (LakeFormationLocal expiring = LakeFormationLocal.builder().tpchScaleFactor(0.001)
            .queryTimeToLive(Duration.ofSeconds(1)).start();
        AwsClients clients = LocalClients.connect(expiring);
        Connection c = DriverManager.getConnection(LocalFixture.url(expiring, "Database=tpch"))) {
      String id = LocalClients.planAndFinish(clients.lakeFormation(), "tpch", "SELECT * FROM region");
      Thread.sleep(1_100);
      expiring.expireOldQueries();
      // GetQueryStatistics answers an expired query with ExpiredException: the row stays, its statistics NULL.
      try (ResultSet rs = c.createStatement().executeQuery("SELECT * FROM system.queries WHERE query_id = '" + id
          + "'")) {
        assertTrue(rs.getWarnings().getMessage().contains("has expired"), rs.getWarnings().getMessage());
        assertTrue(rs.next());
        assertEquals("EXPIRED", rs.getString("state"));
        assertNull(rs.getObject("query_submission_time"));
        assertNull(rs.getObject("work_units_generated_count"));
        assertFalse(rs.next());
      }
    }
  }

  @Test
  void statisticsNotReadyYetAreNullWithAWarning() throws Exception {
    fixture.local.faults().planningDelayMillis(1_500);
    try (AwsClients clients = LocalClients.connect(fixture.local)) {
      String id = clients.lakeFormation().startQueryPlanning(r -> r.queryPlanningContext(c -> c.databaseName("tpch"))
          .queryString("SELECT * FROM nation")).queryId();
      try (ResultSet rs = connection.createStatement()
          .executeQuery("SELECT * FROM system.queries WHERE query_id = '" + id + "'")) {
        assertTrue(rs.getWarnings().getMessage().contains("not ready yet"), rs.getWarnings().getMessage());
        assertTrue(rs.next());
        assertEquals("PENDING", rs.getString("state"));
        assertNull(rs.getObject("work_units_generated_count"));
      }
    } finally {
      fixture.local.faults().clear();
    }
  }
}
