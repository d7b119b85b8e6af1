package dev.lakeformation.jdbc.driver;

import java.sql.DriverManager;
import java.sql.SQLException;

/** The driver registered with DriverManager (also through META-INF/services/java.sql.Driver). */
public final class LakeFormationDriver extends NonRegisteringDriver {
  static {
    try {
      DriverManager.registerDriver(new LakeFormationDriver());
    } catch (SQLException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}
