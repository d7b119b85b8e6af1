package dev.lakeformation.jdbc.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.jdbc.driver.LfDataSource;
import dev.lakeformation.jdbc.network.CannedAnswers.Answer;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Connecting to an endpoint that accepts connections and never answers ends in the documented
 * time: at most MaxRetries + 1 tries of SocketTimeoutMillis each (and the backoff between them),
 * or sooner at the login timeout, from DriverManager, the DataSource or LoginTimeoutSeconds.
 */
class TimeBoundsTest {
  static CannedAnswers silent;

  @BeforeAll
  static void start() throws Exception {
    silent = new CannedAnswers();
    silent.answerWith(Answer.SILENCE);
  }

  @AfterAll
  static void stop() {
    silent.close();
  }

  @AfterEach
  void noLoginTimeout() {
    DriverManager.setLoginTimeout(0);
  }

  private static String url(String extra) {
    return "jdbc:lakeformation://Endpoint=" + silent.endpoint() + ";Region=us-east-1;AccessKeyId=AKIAEXAMPLE"
        + ";SecretAccessKey=example-secret" + extra;
  }

  @Test
  void theConnectCheckMakesAtMostMaxRetriesRetries() {
    int before = silent.requests();
    long start = System.nanoTime();
    SQLException e = assertThrows(SQLException.class,
        () -> DriverManager.getConnection(url(";SocketTimeoutMillis=1000;MaxRetries=1")));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals("08006", e.getSQLState(), e.getMessage());
    assertEquals(2, silent.requests() - before, "one try and one retry");
    assertTrue(millis < 2 * 1000 + 2_000, "took " + millis + " ms");
  }

  @Test
  void driverManagersLoginTimeoutBoundsGetConnection() {
    DriverManager.setLoginTimeout(1);
    assertEndsWithinTheLoginTimeout(() -> DriverManager.getConnection(url(";SocketTimeoutMillis=60000")));
  }

  @Test
  void theLoginTimeoutSecondsPropertyBoundsGetConnection() {
    assertEndsWithinTheLoginTimeout(
        () -> DriverManager.getConnection(url(";SocketTimeoutMillis=60000;LoginTimeoutSeconds=1")));
  }

  @Test
  void aDataSourcesLoginTimeoutBoundsGetConnection() {
    LfDataSource dataSource = new LfDataSource();
    dataSource.setUrl(url(";SocketTimeoutMillis=60000"));
    dataSource.setLoginTimeout(1);
    assertEndsWithinTheLoginTimeout(dataSource::getConnection);
  }

  @FunctionalInterface
  interface Connect {
    java.sql.Connection run() throws SQLException;
  }

  private static void assertEndsWithinTheLoginTimeout(Connect connect) {
    long start = System.nanoTime();
    SQLException e = assertThrows(SQLException.class, () -> connect.run().close());
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(e instanceof SQLTimeoutException && e.getSQLState().equals("HYT00"), e.toString());
    assertTrue(e.getMessage().contains("login timeout of 1 s"), e.getMessage());
    assertTrue(millis < 1_000 + 2_000, "took " + millis + " ms");
  }
}
