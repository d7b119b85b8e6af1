package dev.lakeformation.jdbc.local;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;
import org.h2.Driver;

/**
 * The in-memory H2 database behind LakeFormation Local. Identifiers are folded to lower case,
 * as Glue and Athena name them, and queries run lazily so that a large result streams into
 * work units instead of being materialised first.
 */
final class H2Backend implements AutoCloseable {
  private final String url;
  private final Driver driver = unregisteredDriver();
  /** Keeps the in-memory database alive for the service's whole life. */
  private final Connection keeper;

  H2Backend() throws SQLException {
    this.url = "jdbc:h2:mem:lakeformation-local-" + UUID.randomUUID()
        + ";DATABASE_TO_LOWER=TRUE;LAZY_QUERY_EXECUTION=TRUE;DB_CLOSE_DELAY=0";
    this.keeper = open();
  }

  Connection open() throws SQLException {
    Connection connection = driver.connect(url, new Properties());
    if (connection == null) {
      throw new SQLException("H2 refused its own URL " + url);
    }
    return connection;
  }

  Connection keeper() {
    return keeper;
  }

  /** The schema name as stored, for a database name given in any case; null if none matches. */
  String schemaNamed(String database) throws SQLException {
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
