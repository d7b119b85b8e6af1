package dev.lakeformation.jdbc.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.api.LakeFormationException;
import dev.lakeformation.jdbc.driver.LfConnection;
import dev.lakeformation.local.network.CannedAnswers;
import dev.lakeformation.local.network.CannedAnswers.Answer;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every answer a network gives instead of AWS's, at every public entry point of the driver: each
 * ends in an SQLException whose SQLState says what happened and whose message names the HTTP
 * status and the endpoint, within a bounded time; {@code isValid} answers false; no
 * RuntimeException of any kind leaves the driver.
 */
class ServiceAnswersTest {
  /** MaxRetries=1 and a 1 s socket timeout: two tries of at most a second each, and a short backoff. */
  private static final Duration BOUND = Duration.ofSeconds(15);
  private static final String QUERY_ID = "0123abcd-0000-0000-0000-000000000000";

  static CannedAnswers server;
  static ExecutorService threads;

  @BeforeAll
  static void start() throws Exception {
    server = new CannedAnswers();
    threads = Executors.newCachedThreadPool();
  }

  @AfterAll
  static void stop() {
    server.close();
    threads.shutdownNow();
  }

  private static String url(String extra) {
    return "jdbc:lakeformation://Endpoint=" + server.endpoint() + ";Region=us-east-1;AccessKeyId=AKIAEXAMPLE"
        + ";SecretAccessKey=example-secret;Database=sales;MaxRetries=1;SocketTimeoutMillis=1000"
        + ";ConnectTimeoutMillis=1000;PollIntervalMillis=10" + extra;
  }

  /** A call of the driver's API (JDBC, or the Arrow API's, which throws LakeFormationException) that reaches the service. */
  @FunctionalInterface
  interface Call {
    void run(Connection connection) throws SQLException, LakeFormationException;
  }

  private static Map<String, Call> entryPoints() {
    Map<String, Call> calls = new LinkedHashMap<>();
    calls.put("getConnection's connect check", c -> DriverManager.getConnection(url("")).close());
    calls.put("executeQuery (planning)", c -> {
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
        rs.next();
      }
    });
    calls.put("a prepared statement", c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT ?")) {
        p.setInt(1, 1);
        try (ResultSet rs = p.executeQuery()) {
          rs.next();
        }
      }
    });
    calls.put("reading a query by its ID", c -> {
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT * FROM system.query_results WHERE query_id = '" + QUERY_ID + "'")) {
        rs.next();
      }
    });
    calls.put("a system table", c -> {
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM system.query_executions")) {
        rs.next();
      }
    });
    calls.put("getSchemas", c -> c.getMetaData().getSchemas().close());
    calls.put("getTables", c -> c.getMetaData().getTables(null, null, "%", null).close());
    calls.put("getColumns", c -> {
      DatabaseMetaData metaData = c.getMetaData();
      metaData.getColumns("AwsDataCatalog", "sales", "orders", "%").close();
    });
    calls.put("LfConnection.plan", c -> c.unwrap(LfConnection.class).plan("SELECT 1"));
    calls.put("LfConnection.attach, then its work units", c -> c.unwrap(LfConnection.class).attach(QUERY_ID)
        .workUnits());
    return calls;
  }

  @ParameterizedTest
  @EnumSource(Answer.class)
  void everyEntryPointEndsInAnSqlExceptionThatSaysWhatHappened(Answer answer) throws Exception {
    server.answerWith(answer);
    Map<String, Future<String>> outcomes = new LinkedHashMap<>();
    for (Map.Entry<String, Call> entry : entryPoints().entrySet()) {
      outcomes.put(entry.getKey(), threads.submit(() -> outcome(entry.getValue(), answer)));
    }
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, Future<String>> outcome : outcomes.entrySet()) {
      String problem = outcome.getValue().get(BOUND.toSeconds() + 30, TimeUnit.SECONDS);
      if (problem != null) {
        wrong.add(outcome.getKey() + ": " + problem);
      }
    }
    assertEquals(List.of(), wrong, answer.name());
  }

  @ParameterizedTest
  @EnumSource(Answer.class)
  void isValidAnswersFalseWithinItsTimeout(Answer answer) throws Exception {
    server.answerWith(answer);
    try (Connection connection = DriverManager.getConnection(url(";VerifyCredentials=false"))) {
      long start = System.nanoTime();
      assertFalse(connection.isValid(2), answer.name());
      assertTrue(System.nanoTime() - start < Duration.ofSeconds(4).toNanos(), "isValid(2) took too long");
    }
  }

  /** Null when the call failed as it should; else what went wrong. */
  private static String outcome(Call call, Answer answer) {
    long start = System.nanoTime();
    try (Connection connection = DriverManager.getConnection(url(";VerifyCredentials=false"))) {
      call.run(connection);
      return "no failure";
    } catch (SQLException e) {
      return judge(answer, e.getSQLState(), e.getMessage(), start);
    } catch (LakeFormationException e) {
      return judge(answer, e.sqlState(), e.getMessage(), start);
    } catch (RuntimeException e) {
      return "a RuntimeException: " + e;
    }
  }

  private static String judge(Answer answer, String sqlState, String message, long start) {
    long millis = (System.nanoTime() - start) / 1_000_000;
    if (millis > BOUND.toMillis()) {
      return "took " + millis + " ms";
    }
    if (!answer.sqlState.equals(sqlState)) {
      return "SQLState " + sqlState + ", expected " + answer.sqlState + ": " + message;
    }
    if (answer.status > 0 && !message.contains("HTTP " + answer.status)) {
      return "the message does not name the HTTP status: " + message;
    }
    if (!message.contains(server.endpoint().getAuthority())) {
      return "the message does not name the endpoint: " + message;
    }
    return null;
  }
}
