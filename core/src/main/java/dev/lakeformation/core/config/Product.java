package dev.lakeformation.core.config;

/** The product's name and version, as JDBC tools and the user agent of AWS calls show them. */
public final class Product {
  public static final String NAME = "lakeformation-jdbc";
  public static final String VERSION = "0.1.0";

  private Product() {}
}
