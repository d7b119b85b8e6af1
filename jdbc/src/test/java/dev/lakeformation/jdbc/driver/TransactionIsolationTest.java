package dev.lakeformation.jdbc.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Isolation levels on a connection without transactions: every level JDBC defines is accepted
 * (tools set one when they connect), stays TRANSACTION_NONE, and leaves one warning saying it was
 * ignored; a number that is no level is an error.
 */
class TransactionIsolationTest {
  private static final Map<Integer, String> LEVELS = Map.of(
      Connection.TRANSACTION_READ_UNCOMMITTED, "TRANSACTION_READ_UNCOMMITTED",
      Connection.TRANSACTION_READ_COMMITTED, "TRANSACTION_READ_COMMITTED",
      Connection.TRANSACTION_REPEATABLE_READ, "TRANSACTION_REPEATABLE_READ",
      Connection.TRANSACTION_SERIALIZABLE, "TRANSACTION_SERIALIZABLE");
  private static LocalFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = LocalFixture.shared();
  }

  @Test
  void everyLevelIsAcceptedIgnoredAndWarnedAboutOnce() throws Exception {
    for (Map.Entry<Integer, String> level : LEVELS.entrySet()) {
      try (Connection c = fixture.connect("Database=tpch")) {
        c.setTransactionIsolation(level.getKey());
        c.setTransactionIsolation(level.getKey()); // as a pool does on every checkout: still one warning

        assertEquals(Connection.TRANSACTION_NONE, c.getTransactionIsolation());
        SQLWarning warning = c.getWarnings();
        assertEquals("01000", warning.getSQLState());
        assertEquals("Transaction isolation level " + level.getValue() + " is ignored: lakeformation-jdbc connections"
            + " have no transactions (they only read), so the level stays TRANSACTION_NONE.", warning.getMessage());
        assertNull(warning.getNextWarning());
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM region")) {
          assertTrue(rs.next(), "the connection works on after it");
          assertEquals(5, rs.getInt(1));
        }
        c.clearWarnings();
        assertNull(c.getWarnings());
      }
    }
  }

  @Test
  void warningsOfDifferentLevelsChain() throws Exception {
    try (Connection c = fixture.connect("")) {
      c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
      c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      assertTrue(c.getWarnings().getMessage().contains("TRANSACTION_SERIALIZABLE"));
      assertTrue(c.getWarnings().getNextWarning().getMessage().contains("TRANSACTION_READ_COMMITTED"));
    }
  }

  @Test
  void noneIsWhatTheConnectionHasAndNeedsNoWarning() throws Exception {
    try (Connection c = fixture.connect("")) {
      c.setTransactionIsolation(Connection.TRANSACTION_NONE);
      assertEquals(Connection.TRANSACTION_NONE, c.getTransactionIsolation());
      assertNull(c.getWarnings());
    }
  }

  @Test
  void aNumberThatIsNoLevelIsAnInvalidParameter() throws Exception {
    try (Connection c = fixture.connect("")) {
      for (int notALevel : new int[] {-1, 3, 5, 16, Integer.MAX_VALUE}) {
        SQLDataException e = assertThrows(SQLDataException.class, () -> c.setTransactionIsolation(notALevel));
        assertEquals("22023", e.getSQLState());
        assertTrue(e.getMessage().startsWith("Transaction isolation level " + notALevel + " is not one of JDBC's"),
            e.getMessage());
      }
      assertNull(c.getWarnings());
    }
  }

  /** As every call on a closed connection: 08006, which tells a pool to discard it. */
  @Test
  void aClosedConnectionRefusesBoth() throws Exception {
    Connection c = fixture.connect("");
    c.close();
    assertEquals("08006", assertThrows(SQLException.class,
        () -> c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE)).getSQLState());
    assertEquals("08006", assertThrows(SQLException.class, c::getWarnings).getSQLState());
  }
}
