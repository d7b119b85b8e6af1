package dev.lakeformation.jdbc.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.jdbc.driver.LfDataSource;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Connecting to an endpoint that accepts connections and never answers (it does not even read the
 * request) ends in the documented time: the connect check makes one try and at most
 * min(MaxRetries, 2) retries of SocketTimeoutMillis each (and the backoff between them). The login
 * timeout, from DriverManager, the DataSource or LoginTimeoutSeconds, ends it sooner.
 */
class TimeBoundsTest {
  static ServerSocket silent;
  static final AtomicInteger connections = new AtomicInteger();
  static final List<Socket> accepted = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(() -> {
      while (!silent.isClosed()) {
        try {
          accepted.add(silent.accept());
          connections.incrementAndGet();
        } catch (IOException e) {
          return;
        }
      }
    }, "silent-endpoint");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  @AfterAll
  static void stop() throws IOException {
    silent.close();
    for (Socket socket : accepted) {
      socket.close();
    }
  }

  private static URI endpoint() {
    return URI.create("http://127.0.0.1:" + silent.getLocalPort());
  }

  @AfterEach
  void noLoginTimeout() {
    DriverManager.setLoginTimeout(0);
  }

  private static String url(String extra) {
    return "jdbc:lakeformation://Endpoint=" + endpoint() + ";Region=us-east-1;AccessKeyId=AKIAEXAMPLE"
        + ";SecretAccessKey=example-secret" + extra;
  }

  @Test
  void theConnectCheckMakesAtMostMaxRetriesRetries() {
    int before = connections.get();
    long start = System.nanoTime();
    SQLException e = assertThrows(SQLException.class,
        () -> DriverManager.getConnection(url(";SocketTimeoutMillis=1000;MaxRetries=1")));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals("08006", e.getSQLState(), e.getMessage());
    assertEquals(2, connections.get() - before, "one try and one retry");
    assertTrue(millis < 2 * 1000 + 2_000, "took " + millis + " ms");
  }

  @Test
  void driverManagersLoginTimeoutBoundsGetConnection() {
    DriverManager.setLoginTimeout(1);
    assertEndsWithinTheLoginTimeout(() -> DriverManager.getConnection(url(";SocketTimeoutMillis=60000")));
  }

  @Test
  void loginTimeoutSecondsOfZeroLeavesTheBoundToDriverManager() {
    DriverManager.setLoginTimeout(1);
    assertEndsWithinTheLoginTimeout(
        () -> DriverManager.getConnection(url(";SocketTimeoutMillis=60000;LoginTimeoutSeconds=0")));
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
