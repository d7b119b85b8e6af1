package dev.lakeformation.jdbc.driver;

import dev.lakeformation.jdbc.local.LocalService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A LakeFormation Local for a test class, and driver URLs pointing at it. */
final class LocalFixture implements AutoCloseable {
  final LocalService local;

  LocalFixture(LocalService local) {
    this.local = local;
  }

  static LocalFixture start() throws Exception {
    return new LocalFixture(LocalService.builder().start());
  }

  String url(String extra) {
    return "jdbc:lakeformation://Endpoint=" + local.endpoint() + ";Region=us-east-1;AccessKeyId="
        + LocalService.DEFAULT_ACCESS_KEY_ID + ";SecretAccessKey=" + LocalService.DEFAULT_SECRET_ACCESS_KEY
        + (extra.isEmpty() ? "" : ";" + extra);
  }

  Connection connect(String extra) throws SQLException {
    return DriverManager.getConnection(url(extra));
  }

  Connection h2(String schema) throws SQLException {
    Connection connection = local.openH2();
    connection.setSchema(schema);
    return connection;
  }

  @Override
  public void close() {
    local.close();
  }
}
