package dev.lakeformation.jdbc.driver;

import dev.lakeformation.local.LakeFormationLocal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * One LakeFormation Local with default settings, shared by the driver's test classes (loading
 * the sample data takes seconds), and driver URLs pointing at it. Tests that turn faults on
 * turn them off again.
 */
public final class LocalFixture {
  private static LocalFixture shared;

  public final LakeFormationLocal local;

  private LocalFixture(LakeFormationLocal local) {
    this.local = local;
  }

  public static synchronized LocalFixture shared() throws Exception {
    if (shared == null) {
      shared = new LocalFixture(LakeFormationLocal.builder().start());
    }
    return shared;
  }

  public String url(String extra) {
    return url(local, extra);
  }

  /** A driver URL pointing at {@code local}, a service of a test's own, with its default keys. */
  public static String url(LakeFormationLocal local, String extra) {
    return "jdbc:lakeformation://Endpoint=" + local.endpoint() + ";Region=us-east-1;AccessKeyId="
        + LakeFormationLocal.DEFAULT_ACCESS_KEY_ID + ";SecretAccessKey=" + LakeFormationLocal.DEFAULT_SECRET_ACCESS_KEY
        + (extra.isEmpty() ? "" : ";" + extra);
  }

  public Connection connect(String extra) throws SQLException {
    return DriverManager.getConnection(url(extra));
  }

  public Connection h2(String schema) throws SQLException {
    Connection connection = local.openH2();
    connection.setSchema(schema);
    return connection;
  }
}
