package dev.lakeformation.core.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.jdbc.driver.LfStatement;
import dev.lakeformation.jdbc.driver.LocalFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LogLevel and LogPath, as a DBeaver user turns them on: one file per JVM in the directory given,
 * with the connection's and the query's events at INFO, each AWS call at DEBUG, the SQL at
 * TRACE; nothing at OFF; a LogPath that cannot be used is said when connecting.
 */
class DriverLogTest {
  private static LocalFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = LocalFixture.shared();
  }

  private static Path logFile(Path directory) {
    return directory.resolve("lakeformation-jdbc-" + ProcessHandle.current().pid() + ".log");
  }

  private static String runQuery(String logSettings) throws SQLException {
    try (Connection c = fixture.connect("Database=tpch;" + logSettings); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT n_name FROM nation WHERE n_regionkey = 1")) {
      while (rs.next()) {
        rs.getString(1);
      }
      return s.unwrap(LfStatement.class).getQueryId();
    }
  }

  @Test
  void debugWritesTheConnectionTheQueryAndEveryAwsCall(@TempDir Path dir) throws Exception {
    String queryId = runQuery("LogLevel=DEBUG;LogPath=" + dir);
    List<String> lines = Files.readAllLines(logFile(dir));
    assertTrue(lines.stream().anyMatch(l -> l.contains(" INFO [") && l.contains("Connection opened: jdbc:lakeformation://")),
        String.join("\n", lines));
    assertTrue(lines.stream().anyMatch(l -> l.contains("Query " + queryId + " planned")), String.join("\n", lines));
    assertTrue(lines.stream().anyMatch(l -> l.contains(" DEBUG [") && l.contains("LakeFormation.StartQueryPlanning http://127.0.0.1:")
        && l.contains("-> HTTP 200 in ")), String.join("\n", lines));
    assertTrue(lines.stream().anyMatch(l -> l.contains("LakeFormation.GetWorkUnitResults")), String.join("\n", lines));
    assertTrue(lines.stream().anyMatch(l -> l.matches(".* DEBUG .*record batches, \\d+ bytes in \\d+ ms.*")),
        "each unit fetched, with its size and time: " + String.join("\n", lines));
    assertTrue(lines.stream().anyMatch(l -> l.contains("Connection closed")), String.join("\n", lines));
    assertFalse(lines.stream().anyMatch(l -> l.contains("SELECT n_name")), "the SQL only at TRACE");
    assertFalse(String.join("\n", lines).contains(fixture.local.secretAccessKey()), "never the secret key");
  }

  @Test
  void infoHasTheEventsButNotTheCallsAndTraceHasTheSql(@TempDir Path info, @TempDir Path trace) throws Exception {
    String queryId = runQuery("LogLevel=INFO;LogPath=" + info);
    String infoLog = Files.readString(logFile(info));
    assertTrue(infoLog.contains("Query " + queryId + " planned"), infoLog);
    assertFalse(infoLog.contains(" DEBUG ["), infoLog);
    runQuery("LogLevel=TRACE;LogPath=" + trace);
    assertTrue(Files.readString(logFile(trace)).contains("Planning: SELECT n_name FROM nation WHERE n_regionkey = 1"));
  }

  @Test
  void aFailedQueryIsLoggedWithItsState(@TempDir Path dir) throws Exception {
    try (Connection c = fixture.connect("Database=tpch;LogLevel=INFO;LogPath=" + dir); Statement s = c.createStatement()) {
      SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("SELECT no_such_column FROM nation"));
      String log = Files.readString(logFile(dir));
      assertTrue(log.contains("failed: " + e.getSQLState()), log);
    }
  }

  @Test
  void offWritesNothingAndABadLogPathIsSaidWhenConnecting(@TempDir Path dir) throws Exception {
    runQuery("LogPath=" + dir);
    assertFalse(Files.exists(logFile(dir)), "LogLevel is OFF by default");
    Path notADirectory = Files.writeString(dir.resolve("file.txt"), "x");
    SQLException e = assertThrows(SQLException.class, () -> runQuery("LogLevel=INFO;LogPath=" + notADirectory));
    assertEquals("08001", e.getSQLState());
    assertTrue(e.getMessage().contains("LogPath " + notADirectory + " is not a directory"), e.getMessage());
  }
}
