package dev.lakeformation.local.sql;

import dev.lakeformation.core.h2.AthenaSession;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import org.h2.Driver;

/**
 * The in-memory H2 database behind LakeFormation Local. Identifiers are folded to lower case,
 * as Glue and Athena name them, and queries run lazily so that a large result streams into
 * work units instead of being materialised first. Athena's functions H2 lacks are user
 * functions in the PUBLIC schema ({@link AthenaFunctions}), which every query connection searches.
 */
public final class H2Backend implements AutoCloseable {
  private final String url;
  private final Driver driver = unregisteredDriver();
  /** Keeps the in-memory database alive for the service's whole life. */
  private final Connection keeper;

  public H2Backend() throws SQLException {
    this.url = "jdbc:h2:mem:lakeformation-local-" + UUID.randomUUID()
        + ";DATABASE_TO_LOWER=TRUE;LAZY_QUERY_EXECUTION=TRUE;DB_CLOSE_DELAY=0";
    this.keeper = open();
    try {
      AthenaFunctions.register(keeper);
    } catch (SQLException e) {
      keeper.close();
      throw e;
    }
  }

  public Connection open() throws SQLException {
    Connection connection = driver.connect(url, new Properties());
    if (connection == null) {
      throw new SQLException("H2 refused its own URL " + url);
    }
    return connection;
  }

  /**
   * A read-only connection for running queries of {@code schema}: unqualified names are looked
   * up there, then in PUBLIC (where Athena's functions are); the session's time zone is UTC, as
   * Athena's is; and the words H2 reserves but Athena does not, which Athena users give as
   * column names and aliases ({@code AS year}, {@code key}, {@code value}), are identifiers.
   */
  public Connection openForQueries(String schema) throws SQLException {
    Connection connection = open();
    try (Statement statement = connection.createStatement()) {
      connection.setSchema(schema);
      statement.execute("SET SCHEMA_SEARCH_PATH \"" + schema.replace("\"", "\"\"") + "\", PUBLIC");
      AthenaSession.apply(connection);
      connection.setReadOnly(true);
      return connection;
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
  }

  public Connection keeper() {
    return keeper;
  }

  /** The schema name as stored, for a database name given in any case; null if none matches. */
  public String schemaNamed(String database) throws SQLException {
    try (PreparedStatement ps = keeper.prepareStatement(
        "SELECT schema_name FROM information_schema.schemata WHERE LOWER(schema_name) = LOWER(?)")) {
      ps.setString(1, database);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  @Override
  public void close() throws SQLException {
    keeper.close();
  }

  /**
   * H2's driver registers itself with DriverManager when its class loads. Inside the host
   * application of embedded mode it must not answer that application's own jdbc:h2: URLs, so
   * it is taken off again; this service calls it directly.
   */
  private static Driver unregisteredDriver() {
    Driver driver = new Driver();
    Driver.unload();
    return driver;
  }
}
