package dev.lakeformation.jdbc.resultset;

import dev.lakeformation.local.LakeFormationLocal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * The conformance suite through the whole driver: the units are published to a LakeFormation
 * Local as the work units of a query, and read with JDBC over HTTP by its query ID.
 */
abstract class LocalServiceConformance extends ResultSetConformance {
  private final List<Connection> connections = new ArrayList<>();

  /** The LakeFormation Local that serves the units. */
  abstract LakeFormationLocal local();

  /** Connection properties beyond the endpoint and the credentials. */
  abstract String settings();

  @Override
  protected ResultSet open(List<byte[]> units) throws SQLException {
    String queryId = local().publishQuery("conformance", units);
    Connection connection = DriverManager.getConnection("jdbc:lakeformation://Endpoint=" + local().endpoint()
        + ";Region=us-east-1;AccessKeyId=" + LakeFormationLocal.DEFAULT_ACCESS_KEY_ID + ";SecretAccessKey="
        + LakeFormationLocal.DEFAULT_SECRET_ACCESS_KEY + ";" + settings());
    connections.add(connection);
    return connection.createStatement()
        .executeQuery("SELECT * FROM system.query_results WHERE query_id = '" + queryId + "'");
  }

  @AfterEach
  void closeConnections() throws SQLException {
    for (Connection connection : connections) {
      connection.close();
    }
    connections.clear();
  }
}
