package dev.lakeformation.jdbc.systemtable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.core.aws.AwsClients;
import dev.lakeformation.jdbc.driver.LfConnection;
import dev.lakeformation.local.LakeFormationLocal;
import dev.lakeformation.local.LocalClients;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Any SELECT on the system tables, through the driver over LakeFormation Local (the real SDK on
 * HTTP), checked against the same SELECT run by H2 directly on the rows the tables hold; what is
 * fetched for it, counted at the service; what is refused; and that nothing is left behind.
 * LakeFormation Local is this class's own, so the executions it lists are exactly the three it
 * seeds and the three queries planned here.
 */
class SystemSqlTest {
  private static final String SUCCEEDED = seeded("historic-succeeded");
  private static final String FAILED = seeded("historic-failed");
  private static final List<String> MISSING = List.of("missing-1", "missing-2");

  private static LakeFormationLocal local;
  private static Connection connection;
  private static List<String> planned;
  private static ReferenceDatabase reference;

  @BeforeAll
  static void start() throws Exception {
    local = LakeFormationLocal.builder().tpchScaleFactor(0.001).rowsPerWorkUnit(3).start();
    connection = DriverManager.getConnection("jdbc:lakeformation://Endpoint=" + local.endpoint()
        + ";Region=us-east-1;Database=tpch;AccessKeyId=" + LakeFormationLocal.DEFAULT_ACCESS_KEY_ID
        + ";SecretAccessKey=" + LakeFormationLocal.DEFAULT_SECRET_ACCESS_KEY);
    planned = new ArrayList<>();
    try (AwsClients aws = LocalClients.connect(local)) {
      for (String sql : List.of("SELECT * FROM region", "SELECT * FROM nation", "SELECT n_name FROM nation")) {
        planned.add(LocalClients.planAndFinish(aws.lakeFormation(), "tpch", sql));
      }
    }
    reference = new ReferenceDatabase();
    reference.copy(connection, "query_executions", "SELECT * FROM system.query_executions");
    reference.copy(connection, "unprocessed_query_executions", expand(
        "SELECT * FROM system.unprocessed_query_executions WHERE query_execution_id IN ({missing}, {succeeded})"));
    reference.copy(connection, "queries", expand("SELECT * FROM system.queries WHERE query_id IN ({planned})"));
    reference.copy(connection, "work_units", expand("SELECT * FROM system.work_units WHERE query_id IN ({planned})"));
  }

  @AfterAll
  static void stop() throws SQLException {
    reference.close();
    connection.close();
    local.close();
  }

  /** After every test: no Arrow buffer and no H2 database is left, whatever the test did. */
  @AfterEach
  void nothingIsLeft() throws SQLException {
    assertEquals(0, connection.unwrap(LfConnection.class).allocatedBytes());
    assertEquals(0, SystemDatabase.openDatabases());
  }

  private static String seeded(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
  }

  private static String quoted(List<String> values) {
    return values.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", "));
  }

  /** {@code sql} with {planned}, {p0}…{p2}, {missing}, {succeeded} and {failed} written out as literals. */
  private static String expand(String sql) {
    return sql.replace("{planned}", quoted(planned)).replace("{p0}", quoted(planned.subList(0, 1)))
        .replace("{p1}", quoted(planned.subList(1, 2))).replace("{p2}", quoted(planned.subList(2, 3)))
        .replace("{missing}", quoted(MISSING)).replace("{succeeded}", quoted(List.of(SUCCEEDED)))
        .replace("{failed}", quoted(List.of(FAILED)));
  }

  private static ReferenceDatabase.Answer driver(String sql) throws SQLException {
    try (Statement s = connection.createStatement(); ResultSet rows = s.executeQuery(sql)) {
      return ReferenceDatabase.answer(rows, sql);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      // Filters of any shape, aggregates, grouping, ordering, paging, functions.
      "SELECT query_execution_id, state FROM system.query_executions WHERE state IN ('FAILED', 'CANCELLED')"
          + " OR dpu_count > 1 OR LOWER(query) LIKE '%nation%'",
      "SELECT COUNT(*) FROM system.query_executions",
      "SELECT state, COUNT(*) AS n, MAX(submission_date_time) AS newest, SUM(data_scanned_bytes) AS scanned"
          + " FROM system.query_executions GROUP BY state HAVING COUNT(*) >= 1 ORDER BY state",
      "SELECT * FROM system.query_executions ORDER BY submission_date_time DESC, query_execution_id LIMIT 2 OFFSET 1",
      "SELECT DISTINCT statement_type, work_group FROM system.query_executions",
      "SELECT AVG(dpu_count) AS dpus, MIN(completion_date_time) AS first_done, COUNT(DISTINCT database) AS dbs"
          + " FROM system.query_executions",
      "SELECT query_execution_id, CASE WHEN error_type IS NULL THEN 'ok' ELSE 'error ' || error_type END AS outcome,"
          + " COALESCE(dpu_count, 0) * 2 AS dpu2, CARDINALITY(execution_parameters) AS params,"
          + " execution_parameters FROM system.query_executions ORDER BY query_execution_id",
      "SELECT query_execution_id FROM system.query_executions WHERE submission_date_time < TIMESTAMP '2999-01-01"
          + " 00:00:00' AND NOT error_retryable IS NULL",
      "SELECT query_execution_id, ROW_NUMBER() OVER (ORDER BY submission_date_time, query_execution_id) AS n"
          + " FROM system.query_executions ORDER BY n",
      "SELECT * FROM system.query_executions WHERE query_execution_id = {succeeded}",
      // LIMIT 0 and false filters: the columns, no rows.
      "SELECT * FROM system.query_executions WHERE 1=0",
      "SELECT * FROM system.queries LIMIT 0",
      // Subquery wrappers: Spark (schema, then rows with dbtable and with query), DBeaver's row count, BI tools.
      "SELECT * FROM (SELECT * FROM system.query_executions) SPARK_GEN_SUBQ_0 WHERE 1=0",
      "SELECT \"query_execution_id\",\"state\",\"data_scanned_bytes\" FROM system.query_executions"
          + " WHERE (\"query_execution_id\" IS NOT NULL) AND (\"query_execution_id\" IN ({planned}))",
      "SELECT \"query_execution_id\",\"state\" FROM (SELECT query_execution_id, state FROM system.query_executions"
          + " WHERE statement_type = 'DML') SPARK_GEN_SUBQ_1 WHERE (\"state\" = 'SUCCEEDED')",
      "SELECT COUNT(*) FROM (SELECT * FROM system.query_executions WHERE state <> 'FAILED') dbvrcnt",
      "SELECT t.state AS s FROM (SELECT * FROM system.query_executions) t WHERE t.query_execution_id = {p0}",
      "WITH recent AS (SELECT query_execution_id, submission_date_time FROM system.query_executions)"
          + " SELECT COUNT(*) AS n FROM recent WHERE submission_date_time IS NOT NULL",
      // Quoted identifiers in any case.
      "SELECT \"STATE\", \"Query_Execution_Id\" FROM \"SYSTEM\".\"QUERY_EXECUTIONS\" WHERE \"QUERY_EXECUTION_ID\""
          + " = {failed}",
      "SELECT q.\"state\" FROM system.\"queries\" q WHERE q.query_id = {p1}",
      // Joins between system tables, and statements reading several.
      "SELECT q.query_id, q.state, q.work_units_generated_count, COUNT(w.work_unit_token) AS ranges"
          + " FROM system.queries q LEFT JOIN system.work_units w ON w.query_id = q.query_id"
          + " WHERE q.query_id IN ({planned}) GROUP BY q.query_id, q.state, q.work_units_generated_count"
          + " ORDER BY q.query_id",
      "SELECT e.query_execution_id, e.state, e.query, q.state AS lake_formation_state FROM system.query_executions e"
          + " JOIN system.queries q ON q.query_id = e.query_execution_id WHERE e.query_execution_id IN ({p0}, {p2})",
      "SELECT u.query_execution_id, u.error_code, e.state FROM system.unprocessed_query_executions u"
          + " LEFT JOIN system.query_executions e ON e.query_execution_id = u.query_execution_id"
          + " WHERE u.query_execution_id IN ({missing})",
      "SELECT query_id AS id FROM system.queries WHERE query_id = {p0} UNION ALL SELECT query_execution_id"
          + " FROM system.unprocessed_query_executions WHERE query_execution_id IN ({missing})",
      "SELECT query_execution_id FROM system.query_executions WHERE query_execution_id IN"
          + " (SELECT query_id FROM system.work_units WHERE query_id IN ({planned}) AND work_unit_id_min > 0)",
      "SELECT * FROM system.work_units WHERE query_id = {p1} AND work_unit_id_min BETWEEN 3 AND 11"
          + " ORDER BY work_unit_id_min",
  })
  void anySelectAnswersWhatH2AnswersOnTheRowsTheTablesHold(String template) throws SQLException {
    String sql = expand(template);
    // To plain H2 a quoted "SYSTEM" is another schema than system; the driver takes both for the system schema.
    ReferenceDatabase.Answer expected = reference.run(sql.replace("\"SYSTEM\".", "system."));
    assertEquals(expected, driver(sql));
  }

  @Test
  void theComparisonSeesRealRows() throws SQLException {
    assertEquals(6, reference.run("SELECT * FROM system.query_executions").rows().size());
    assertEquals(2, reference.run("SELECT * FROM system.unprocessed_query_executions").rows().size());
    assertEquals(3, reference.run("SELECT * FROM system.queries").rows().size());
    assertTrue(reference.run("SELECT * FROM system.work_units").rows().size() > 6);
  }

  /** LIMIT 0 and WHERE 1=0 describe each table exactly as DatabaseMetaData does, and cost no call at all. */
  @Test
  void emptySelectsGiveTheDeclaredColumnsWithoutAnyCall() throws SQLException {
    Map<String, Long> before = calls();
    DatabaseMetaData metaData = connection.getMetaData();
    for (String table : List.of("query_executions", "unprocessed_query_executions", "queries", "work_units")) {
      for (String sql : List.of("SELECT * FROM system." + table + " WHERE 1=0",
          "SELECT * FROM system." + table + " LIMIT 0")) {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql);
            ResultSet columns = metaData.getColumns(null, "system", table, null)) {
          ResultSetMetaData md = rs.getMetaData();
          for (int c = 1; c <= md.getColumnCount(); c++) {
            assertTrue(columns.next(), sql);
            assertEquals(columns.getString("COLUMN_NAME"), md.getColumnName(c), sql);
            assertEquals(columns.getInt("DATA_TYPE"), md.getColumnType(c), sql + " " + md.getColumnName(c));
            assertEquals(columns.getString("TYPE_NAME"), md.getColumnTypeName(c), sql + " " + md.getColumnName(c));
          }
          assertFalse(columns.next(), sql + " has every column");
          assertFalse(rs.next(), sql);
        }
      }
    }
    assertEquals(before, calls());
  }

  /** How many calls of each kind LakeFormation Local has served. */
  private static Map<String, Long> calls() {
    Map<String, Long> calls = new TreeMap<>();
    for (String operation : List.of("ListQueryExecutions", "BatchGetQueryExecution", "GetQueryState",
        "GetQueryStatistics", "GetWorkUnits")) {
      calls.put(operation, local.requestCount(operation));
    }
    return calls;
  }

  /** The calls {@code sql} made, by operation; none listed for operations it did not call. */
  private static Map<String, Long> callsOf(String sql) throws SQLException {
    Map<String, Long> before = calls();
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(expand(sql))) {
      while (rs.next()) {
        rs.getObject(1);
      }
    }
    Map<String, Long> made = new TreeMap<>();
    calls().forEach((operation, count) -> {
      if (count > before.get(operation)) {
        made.put(operation, count - before.get(operation));
      }
    });
    return made;
  }

  @Test
  void keyFiltersAreSentToTheServiceSoOnlyTheNamedRowsAreFetched() throws SQLException {
    Map<String, Long> listed = Map.of("ListQueryExecutions", 1L, "BatchGetQueryExecution", 1L);
    Map<String, Long> oneBatch = Map.of("BatchGetQueryExecution", 1L);
    assertEquals(listed, callsOf("SELECT COUNT(*) FROM system.query_executions"));
    assertEquals(oneBatch, callsOf("SELECT * FROM system.query_executions WHERE query_execution_id IN ({planned})"));
    assertEquals(oneBatch, callsOf("SELECT \"state\" FROM (SELECT * FROM system.query_executions) SPARK_GEN_SUBQ_1"
        + " WHERE (\"query_execution_id\" = {p0})"));
    assertEquals(oneBatch, callsOf("SELECT COUNT(*) FROM (SELECT * FROM system.query_executions"
        + " WHERE query_execution_id = {p0} OR query_execution_id = {p1}) dbvrcnt"));
    Map<String, Long> joined = callsOf("SELECT e.state, q.state FROM system.queries q JOIN system.query_executions e"
        + " ON e.query_execution_id = q.query_id WHERE q.query_id = {p0}");
    assertEquals(1L, joined.get("BatchGetQueryExecution"), "the key passes along the join: " + joined);
    assertFalse(joined.containsKey("ListQueryExecutions"), joined.toString());
    assertEquals(2L, callsOf("SELECT * FROM system.queries WHERE query_id IN ({p0}, {p1}) AND state IS NOT NULL")
        .get("GetQueryStatistics"));
    assertEquals(Map.of(), callsOf("SELECT * FROM (SELECT * FROM system.queries WHERE query_id = {p0}) t"
        + " WHERE 1 = 0"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "INSERT INTO system.queries (query_id) VALUES ('x')",
      "UPDATE system.query_executions SET state = 'SUCCEEDED'",
      "DELETE FROM system.work_units WHERE query_id = 'x'",
      "DROP TABLE system.query_executions",
      "CREATE TABLE system.mine AS SELECT * FROM system.query_executions",
      "MERGE INTO system.queries q USING (SELECT 'x' AS id) s ON q.query_id = s.id WHEN MATCHED THEN DELETE",
      "ALTER TABLE system.queries ADD COLUMN x INT",
      "GRANT SELECT ON system.queries TO PUBLIC",
      "SELECT * FROM system.queries WHERE query_id = {p0}; DROP TABLE system.queries",
      "SELECT * FROM system.queries WHERE query_id = {p0}; SELECT * FROM system.query_executions",
      "SELECT * FROM system.query_executions e, CSVREAD('pom.xml') c",
  })
  void writesAndSeveralStatementsAreRefusedBeforeAnyCall(String sql) {
    Map<String, Long> before = calls();
    SQLException e = assertThrows(SQLException.class, () -> connection.createStatement().executeQuery(expand(sql)));
    assertTrue(e.getSQLState().equals("0A000") || e.getSQLState().equals("42000"), e.getSQLState() + " " + e);
    assertEquals(before, calls());
  }

  /** The statement's H2 user may only read the system schema: files, other databases and Java stay out of reach. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "SELECT FILE_READ('pom.xml') AS f FROM system.query_executions",
      "SELECT FILE_WRITE('x', 'target/leak.txt') FROM system.query_executions",
      "SELECT CSVWRITE('target/leak.csv', 'SELECT 1') FROM system.query_executions",
      "SELECT * FROM system.query_executions e, CSVREAD('pom.xml') c",
      "SELECT * FROM system.query_executions e, LINK_SCHEMA('s', '', 'jdbc:h2:mem:other', '', '', 'PUBLIC') l",
  })
  void whatReachesOutsideTheDatabaseIsRefusedByH2(String sql) {
    SQLException e = assertThrows(SQLException.class, () -> connection.createStatement().executeQuery(sql));
    assertEquals("42000", e.getSQLState(), e.toString());
    assertTrue(e.getMessage().contains("Admin rights are required") || e.getMessage().contains("not found"),
        e.getMessage());
    assertFalse(java.nio.file.Files.exists(java.nio.file.Path.of("target/leak.csv")));
    assertFalse(java.nio.file.Files.exists(java.nio.file.Path.of("target/leak.txt")));
  }

  @Test
  void injectedTextStaysAValueAndCommentsHideNothing() throws SQLException {
    // A quote inside the literal is part of the ID Athena is asked for: nothing matches it.
    assertEquals(List.of(), driver("SELECT * FROM system.query_executions WHERE query_execution_id ="
        + " 'x'' OR ''1''=''1'").rows());
    assertEquals(1, driver(expand("SELECT * FROM system.queries WHERE query_id = {p0} -- OR 1 = 1")).rows().size());
    assertEquals(1, driver(expand("SELECT * FROM system.queries /* WHERE 1 = 1 */ WHERE query_id = {p0}"))
        .rows().size());
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT query_execution_id FROM system.query_executions WHERE state = ? OR query_execution_id = ?")) {
      ps.setString(1, "x' OR '1'='1");
      ps.setString(2, "y'); DROP TABLE system.queries; --");
      try (ResultSet rs = ps.executeQuery()) {
        assertFalse(rs.next());
      }
    }
  }

  @Test
  void badSqlIsAOneLineErrorNamingWhatIsWrong() {
    SQLException e = assertThrows(SQLException.class, () -> connection.createStatement()
        .executeQuery("SELECT state, COUNT(*) FROM system.query_executions GROUP BY"));
    assertEquals("42000", e.getSQLState());
    assertTrue(e.getMessage().startsWith("Syntax error in SQL statement"), e.getMessage());
    e = assertThrows(SQLException.class, () -> connection.createStatement()
        .executeQuery("SELECT state, COUNT(*) FROM system.query_executions"));
    assertEquals("42000", e.getSQLState());
    assertEquals("Column \"state\" must be in the GROUP BY list", e.getMessage());
    e = assertThrows(SQLException.class, () -> connection.createStatement()
        .executeQuery("SELECT * FROM system.queries q JOIN system.work_units w ON q.query_id = w.query_id"
            + " WHERE q.query_id = 'a' AND query_id = 'b'"));
    assertEquals("42000", e.getSQLState());
    assertTrue(e.getMessage().contains("Ambiguous column name \"query_id\""), e.getMessage());
  }

  /** H2 stops when the statement does; the database goes with it (checked after each test). */
  @Test
  void aLongRunningStatementStopsAtItsTimeoutOrWhenCancelled() throws Exception {
    String endless = "SELECT COUNT(*) FROM system.query_executions, SYSTEM_RANGE(1, 2000000000)";
    try (Statement s = connection.createStatement()) {
      s.setQueryTimeout(1);
      SQLException e = assertThrows(SQLException.class, () -> s.executeQuery(endless));
      assertInstanceOf(SQLTimeoutException.class, e, e.toString());
    }
    try (Statement s = connection.createStatement()) {
      Thread canceller = new Thread(() -> {
        try {
          Thread.sleep(500);
          s.cancel();
        } catch (InterruptedException | SQLException e) {
          throw new IllegalStateException(e);
        }
      });
      canceller.start();
      SQLException e = assertThrows(SQLException.class, () -> s.executeQuery(endless));
      canceller.join();
      assertEquals("HY008", e.getSQLState(), e.toString());
    }
  }
}
