package dev.lakeformation.jdbc.metadata;

import dev.lakeformation.core.config.Product;

/** The driver's version, as reported to JDBC tools. */
public final class DriverVersion {
  public static final int MAJOR = 0;
  public static final int MINOR = 1;
  public static final String TEXT = Product.VERSION;
  public static final String NAME = Product.NAME;

  private DriverVersion() {}
}
