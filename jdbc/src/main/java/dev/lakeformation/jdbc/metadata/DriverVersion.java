package dev.lakeformation.jdbc.metadata;

/** The driver's version, as reported to JDBC tools. */
public final class DriverVersion {
  public static final int MAJOR = 0;
  public static final int MINOR = 1;
  public static final String TEXT = "0.1.0";
  public static final String NAME = "lakeformation-jdbc";

  private DriverVersion() {}
}
