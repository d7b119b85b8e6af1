package dev.lakeformation.jdbc.driver;

/** The driver's version, as reported to JDBC tools. */
final class DriverVersion {
  static final int MAJOR = 0;
  static final int MINOR = 1;
  static final String TEXT = "0.1.0";
  static final String NAME = "lakeformation-jdbc";

  private DriverVersion() {}
}
