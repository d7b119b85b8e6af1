package dev.lakeformation.local.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.core.aws.AwsClients;
import dev.lakeformation.local.LakeFormationLocal;
import dev.lakeformation.local.LocalClients;
import dev.lakeformation.local.PlannedRows;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.lakeformation.LakeFormationClient;

/**
 * A query that fails in planning: GetQueryState (and Athena) give one line the user can act on,
 * without the statement H2 echoes, its error code, Java class names or a stack trace; the service
 * logs one line, and the stack trace only at FINER.
 */
class PlanningErrorTest {
  static LakeFormationLocal local;
  static AwsClients aws;
  static LakeFormationClient lf;
  private static final Logger REGISTRY_LOG = Logger.getLogger(QueryRegistry.class.getName());
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      records.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private Level levelBefore;

  @BeforeAll
  static void start() throws Exception {
    local = LakeFormationLocal.builder().tpchScaleFactor(0.001).start();
    aws = LocalClients.connect(local);
    lf = aws.lakeFormation();
  }

  @AfterAll
  static void stop() {
    aws.close();
    local.close();
  }

  @BeforeEach
  void captureTheLog() {
    levelBefore = REGISTRY_LOG.getLevel();
    REGISTRY_LOG.setLevel(Level.FINEST);
    capture.setLevel(Level.ALL);
    REGISTRY_LOG.addHandler(capture);
  }

  @AfterEach
  void restoreTheLog() {
    REGISTRY_LOG.removeHandler(capture);
    REGISTRY_LOG.setLevel(levelBefore);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "SELECT no_such_column FROM lineitem|Column \"no_such_column\" not found",
      "SELECT * FROM no_such_table|Table \"no_such_table\" not found",
      "SELECT CAST('x' AS INTEGER)|Data conversion error converting \"x\"",
      "SELECT 1 / 0|Division by zero: \"1\"",
      "SELECT no_such_function(1)|Function \"no_such_function\" not found",
  })
  void getQueryStateGivesH2sMessageOnOneLine(String sql, String message) throws Exception {
    assertEquals(message, PlannedRows.error(lf, "tpch", sql));
  }

  @Test
  void aSyntaxErrorInAMultiLineStatementIsOneLine() throws Exception {
    String error = PlannedRows.error(lf, "tpch", "SELECT r_name\nFROM region\nWHERE\n  r_regionkey = ");
    assertTrue(error.startsWith("Syntax error in SQL statement \"SELECT r_name FROM region WHERE r_regionkey = [*]\""),
        error);
    assertFalse(error.contains("\n") || error.contains("[42001"), error);
  }

  @Test
  void athenaReportsTheSameMessage() throws Exception {
    String id = LocalClients.planAndFinish(lf, "tpch", "SELECT no_such_column FROM region");
    var execution = aws.athena().getQueryExecution(r -> r.queryExecutionId(id)).queryExecution();
    assertEquals("FAILED", execution.status().stateAsString());
    assertEquals("Column \"no_such_column\" not found", execution.status().athenaError().errorMessage());
  }

  @Test
  void aFailureOfTheQueryIsLoggedAsOneLineAtFineAndItsStackTraceAtFiner() throws Exception {
    String id = LocalClients.planAndFinish(lf, "tpch", "SELECT no_such_column FROM region");
    List<LogRecord> mine = records.stream().filter(r -> r.getMessage().contains(id)).toList();
    assertEquals(2, mine.size(), mine.toString());
    assertEquals(Level.FINE, mine.get(0).getLevel());
    assertEquals("Query " + id + " failed in planning: Column \"no_such_column\" not found", mine.get(0).getMessage());
    assertNull(mine.get(0).getThrown(), "no stack trace in the one line");
    assertEquals(Level.FINER, mine.get(1).getLevel());
    assertNotNull(mine.get(1).getThrown());
  }

  @Test
  void anInternalErrorOfH2IsAWarningLineAndAMessageWithoutClassNames() throws Exception {
    // H2 fails with a ClassCastException of its own when text is passed where an array is declared.
    String id = LocalClients.planAndFinish(lf, "tpch", "SELECT array_join('not an array', ',')");
    String error = lf.getQueryState(r -> r.queryId(id)).error();
    assertEquals("H2 failed with an internal error on this query; this is often a function given an argument of a"
        + " type it cannot take. LakeFormation Local's log has the details.", error);
    List<LogRecord> mine = records.stream().filter(r -> r.getMessage().contains(id)).toList();
    assertEquals(Level.WARNING, mine.get(0).getLevel());
    assertFalse(mine.get(0).getMessage().contains("\n"), mine.get(0).getMessage());
    assertNull(mine.get(0).getThrown());
    assertNotNull(mine.get(1).getThrown());
  }
}
