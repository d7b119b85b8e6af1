package dev.lakeformation.jdbc.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Parents own their children: a connection closes its statements and every result set it made,
 * DatabaseMetaData's included; a statement closes its result sets; nothing leaks, and an ordinary
 * close logs nothing at WARNING or above.
 */
class LifecycleTest {
  private static LocalFixture fixture;
  private final List<LogRecord> warnings = new ArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
        synchronized (warnings) {
          warnings.add(record);
        }
      }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  };

  @BeforeAll
  static void start() throws Exception {
    fixture = LocalFixture.shared();
  }

  @BeforeEach
  void captureLogs() {
    Logger.getLogger("").addHandler(capture);
  }

  @AfterEach
  void noWarningsWereLogged() throws Exception {
    Logger.getLogger("").removeHandler(capture);
    assertEquals(List.of(), warnings.stream().map(r -> r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage())
        .toList(), "an ordinary close logs no warning");
    assertEquals(List.of(), DriverThreads.awaitIdle(5_000), "fetch threads still working");
    assertEquals(0, LfConnection.allocatedBytesOfAllConnections(), "Arrow memory left");
  }

  @Test
  void closingAConnectionPartWayThroughAResultClosesItsStatementAndResult() throws Exception {
    Connection c = fixture.connect("Database=tpch;MaxConcurrentWorkUnits=4");
    Statement s = c.createStatement();
    ResultSet rs = s.executeQuery("SELECT * FROM lineitem");
    for (int i = 0; i < 5_000; i++) {
      assertTrue(rs.next());
      rs.getString("l_comment");
    }
    c.close();
    assertTrue(rs.isClosed());
    assertTrue(s.isClosed());
    assertEquals("HY010", assertThrows(SQLException.class, rs::next).getSQLState());
  }

  @Test
  void closingAConnectionClosesTheResultsOfItsMetadata() throws Exception {
    Connection c = fixture.connect("Database=tpch");
    DatabaseMetaData metaData = c.getMetaData();
    ResultSet tables = metaData.getTables(null, "tpch", "%", null);
    ResultSet types = metaData.getTypeInfo();
    assertTrue(tables.next());
    c.close();
    assertTrue(tables.isClosed());
    assertTrue(types.isClosed());
  }

  @Test
  void closingAStatementClosesItsResultAndANewExecutionClosesTheLast() throws Exception {
    try (Connection c = fixture.connect("Database=tpch")) {
      Statement s = c.createStatement();
      ResultSet first = s.executeQuery("SELECT * FROM orders");
      assertTrue(first.next());
      ResultSet second = s.executeQuery("SELECT * FROM customer");
      assertTrue(first.isClosed(), "a new execution closes the statement's previous result");
      assertTrue(second.next());
      s.close();
      assertTrue(second.isClosed());
      PreparedStatement p = c.prepareStatement("SELECT * FROM nation WHERE n_regionkey = ?");
      p.setInt(1, 1);
      ResultSet third = p.executeQuery();
      assertTrue(third.next());
      p.close();
      assertTrue(third.isClosed());
    }
  }

  @Test
  void closingAResultLeavesItsStatementOpenAndClosingTwiceIsHarmless() throws Exception {
    try (Connection c = fixture.connect("Database=tpch"); Statement s = c.createStatement()) {
      ResultSet rs = s.executeQuery("SELECT * FROM region");
      rs.close();
      rs.close();
      assertFalse(s.isClosed());
      assertTrue(s.executeQuery("SELECT * FROM region").next());
      c.close();
      c.close();
      assertTrue(s.isClosed());
    }
  }

  @Test
  void aSystemTableResultIsClosedWithItsConnection() throws Exception {
    Connection c = fixture.connect("Database=tpch");
    ResultSet rs = c.createStatement().executeQuery("SELECT * FROM system.query_executions LIMIT 5");
    c.close();
    assertTrue(rs.isClosed());
  }
}
