package dev.lakeformation.jdbc.systemtable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.local.LakeFormationLocal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A workgroup with more executions than a statement without IDs reads: the newest
 * {@value AthenaExecutions#MOST_LISTED} are read, with a warning, and a plain SELECT with a limit
 * reads no more than it returns. Calls are counted at LakeFormation Local.
 */
class WorkgroupListingTest {
  private static final int PUBLISHED = AthenaExecutions.MOST_LISTED + 100;
  private static LakeFormationLocal local;
  private static Connection connection;

  @BeforeAll
  static void start() throws Exception {
    local = LakeFormationLocal.builder().tpchScaleFactor(0.001).start();
    for (int i = 0; i < PUBLISHED; i++) {
      local.publishQuery("listing " + i, List.of());
    }
    connection = DriverManager.getConnection("jdbc:lakeformation://Endpoint=" + local.endpoint()
        + ";Region=us-east-1;AccessKeyId=" + LakeFormationLocal.DEFAULT_ACCESS_KEY_ID
        + ";SecretAccessKey=" + LakeFormationLocal.DEFAULT_SECRET_ACCESS_KEY);
  }

  @AfterAll
  static void stop() throws SQLException {
    connection.close();
    local.close();
  }

  private record Counted(long rows, SQLWarning warning, long listCalls, long batchCalls) {}

  private static Counted run(String sql, int maxRows) throws SQLException {
    long list = local.requestCount("ListQueryExecutions");
    long batch = local.requestCount("BatchGetQueryExecution");
    try (Statement s = connection.createStatement()) {
      s.setMaxRows(maxRows);
      try (ResultSet rs = s.executeQuery(sql)) {
        long rows = 0;
        while (rs.next()) {
          rows = sql.contains("COUNT(*)") ? rs.getLong(1) : rows + 1;
        }
        return new Counted(rows, rs.getWarnings(), local.requestCount("ListQueryExecutions") - list,
            local.requestCount("BatchGetQueryExecution") - batch);
      }
    }
  }

  @Test
  void withoutIdsTheNewestThousandAreReadAndTheResultSaysSo() throws SQLException {
    Counted all = run("SELECT COUNT(*) FROM system.query_executions", 0);
    assertEquals(AthenaExecutions.MOST_LISTED, all.rows());
    assertTrue(all.warning().getMessage().startsWith("Only the newest 1000 query executions of workgroup primary"
        + " were read; name older ones with WHERE query_execution_id = '…'"), all.warning().getMessage());
    assertEquals(AthenaExecutions.MOST_LISTED / AthenaExecutions.BATCH, all.batchCalls());
    assertEquals(AthenaExecutions.MOST_LISTED / AthenaExecutions.BATCH + 1, all.listCalls(),
        "one more page only to learn that there are more");
  }

  @Test
  void aPlainSelectListsNoMoreThanItReturns() throws SQLException {
    Counted limited = run("SELECT * FROM system.query_executions LIMIT 60", 0);
    assertEquals(new Counted(60, null, 2, 2), limited);
    Counted maxRows = run("SELECT query_execution_id, state FROM system.query_executions", 10);
    assertEquals(new Counted(10, null, 1, 1), maxRows);
  }

  @Test
  void anExecutionBeyondTheListingIsReadByItsId() throws SQLException {
    String oldest = UUID.nameUUIDFromBytes("historic-cancelled".getBytes(StandardCharsets.UTF_8)).toString();
    Counted byId = run("SELECT * FROM system.query_executions WHERE query_execution_id = '" + oldest + "'", 0);
    assertEquals(new Counted(1, null, 0, 1), byId);
    Counted listed = run("SELECT * FROM system.query_executions WHERE query_execution_id <> '" + oldest + "'"
        + " AND query = 'listing 0'", 0);
    assertEquals(0, listed.rows(), "the oldest published query is past the newest thousand");
    assertFalse(listed.warning() == null);
    assertNull(run("SELECT * FROM system.query_executions WHERE 1 = 0", 0).warning());
  }
}
