package dev.lakeformation.jdbc.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * With every logger at its finest, the driver goes through the paths that log or throw, and
 * nothing it prints, logs, throws or shows ever holds the secret key or the session token.
 */
class SecretsTest {
  private static final String SECRET = "Sekr3t-Key-Never-Shown";
  private static final String TOKEN = "Sess10n-Token-Never-Shown";

  /** Everything said anywhere during the test. */
  private final List<String> seen = new ArrayList<>();

  private void see(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      seen.add(String.valueOf(t));
      for (Throwable s : t.getSuppressed()) {
        see(s);
      }
    }
    if (e instanceof SQLException sql && sql.getNextException() != null) {
      see(sql.getNextException());
    }
  }

  @Test
  void noSecretAppearsInLogsErrorsToStringsUrlsOrPropertyInfo() throws Exception {
    LocalFixture fixture = LocalFixture.shared();
    List<Logger> loggers = new ArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        synchronized (seen) {
          seen.add(record.getLoggerName() + " " + record.getMessage() + " " + java.util.Arrays.toString(
              record.getParameters()));
          if (record.getThrown() != null) {
            see(record.getThrown());
          }
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    for (String name : List.of("", "dev.lakeformation", "software.amazon", "org.apache")) {
      Logger logger = Logger.getLogger(name);
      logger.setLevel(Level.ALL);
      logger.addHandler(capture);
      loggers.add(logger);
    }
    PrintStream savedErr = System.err;
    PrintStream savedOut = System.out;
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
    System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
    String endpoint = fixture.local.endpoint().toString();
    String wrongSecretUrl = "jdbc:lakeformation://Endpoint=" + endpoint + ";Region=us-east-1;Database=tpch"
        + ";AccessKeyId=AKIALAKEFORMATIONLOCAL;SecretAccessKey=" + SECRET + ";SessionToken=" + TOKEN;
    try {
      Driver driver = DriverManager.getDriver(wrongSecretUrl);
      for (DriverPropertyInfo info : driver.getPropertyInfo(wrongSecretUrl, new Properties())) {
        seen.add(info.name + "=" + info.value);
      }
      // A refused signature: the service's 403 through every layer.
      try (Connection c = DriverManager.getConnection(wrongSecretUrl)) {
        seen.add(c.toString());
        DatabaseMetaData md = c.getMetaData();
        seen.add(md.getURL());
        seen.add(String.valueOf(md.getUserName()));
        try (Statement s = c.createStatement()) {
          seen.add(s.toString());
          see(assertThrows(SQLException.class, () -> s.executeQuery("SELECT 1 FROM region")));
          see(assertThrows(SQLException.class, () -> s.executeQuery("SELECT * FROM system.queries WHERE query_id = 'x'")));
        }
        see(assertThrows(SQLException.class, () -> md.getTables(null, null, "%", null)));
      }
      // Bad URLs and properties that carry the secret.
      see(assertThrows(SQLException.class, () -> DriverManager.getConnection(
          "jdbc:lakeformation://SecretAccessKey=" + SECRET + ";NoSuchKey=1")));
      see(assertThrows(SQLException.class, () -> DriverManager.getConnection(
          "jdbc:lakeformation://SecretAccessKey=" + SECRET)));
      see(assertThrows(SQLException.class, () -> DriverManager.getConnection(
          "jdbc:lakeformation://Region=us-east-1;SecretAccessKey={" + SECRET + ";MaxRetries=x")));
      Properties login = new Properties();
      login.setProperty("user", "AKIALAKEFORMATIONLOCAL");
      login.setProperty("password", SECRET);
      login.setProperty("MaxRetries", "-1");
      see(assertThrows(SQLException.class, () -> DriverManager.getConnection(
          "jdbc:lakeformation://Endpoint=" + endpoint + ";Region=us-east-1", login)));
      // A working connection with the right secret, a session token and PreparedStatements.
      try (Connection c = fixture.connect("Database=tpch;SessionToken=" + TOKEN)) {
        seen.add(c.toString());
        seen.add(c.getMetaData().getURL());
        try (PreparedStatement ps = c.prepareStatement("SELECT n_name FROM nation WHERE n_name = ?")) {
          ps.setString(1, "x' OR 1=1 --");
          seen.add(ps.toString());
          try (ResultSet rs = ps.executeQuery()) {
            seen.add(rs.toString());
            while (rs.next()) {
              seen.add(rs.getString(1));
            }
          }
        }
      }
      LfDataSource ds = new LfDataSource();
      ds.setSecretAccessKey(SECRET);
      ds.setSessionToken(TOKEN);
      ds.setAccessKeyId("AKIAEXAMPLE");
      seen.add(ds.toString());
      seen.add(ds.getUrl());
      see(assertThrows(SQLException.class, () -> {
        ds.setUrl("jdbc:lakeformation://NoSuchKey=" + SECRET);
        ds.getConnection();
      }));
    } finally {
      System.setErr(savedErr);
      System.setOut(savedOut);
      for (Logger logger : loggers) {
        logger.removeHandler(capture);
        logger.setLevel(null);
      }
      Logger.getLogger("").setLevel(Level.INFO);
    }
    seen.add(console.toString(StandardCharsets.UTF_8));
    List<String> leaks = seen.stream().filter(s -> s != null && (s.contains(SECRET) || s.contains(TOKEN))).toList();
    assertEquals(List.of(), leaks);
    assertFalse(seen.size() < 20, "the test saw too little to mean anything: " + seen.size());
  }
}
