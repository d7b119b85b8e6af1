package dev.lakeformation.core.h2;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** The H2 session settings under which SQL written for Athena reads and compares as it does there. */
public final class AthenaSession {
  /** H2 keywords that Athena does not reserve; H2 still reads its own syntax with them as identifiers. */
  private static final List<String> ATHENA_NON_KEYWORDS =
      List.of("YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND", "KEY", "VALUE");

  private AthenaSession() {}

  /**
   * Sets the session's time zone to UTC, as Athena's is (timestamps without a zone compare with
   * instants in UTC), and lets the words H2 reserves but Athena does not, which Athena users give
   * as column names and aliases ({@code AS year}, {@code key}, {@code value}), be identifiers.
   */
  public static void apply(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET TIME ZONE 'UTC'");
      statement.execute("SET NON_KEYWORDS " + String.join(", ", ATHENA_NON_KEYWORDS));
    }
  }
}
