package dev.lakeformation.core.config;

import java.util.List;

/**
 * A setting of the whole JVM rather than of one connection, read from a Java system property
 * ({@code -Dname=value}): one ceiling that every connection's results share, for instance. The
 * registry that {@code docs/properties.md} lists them from, beside the connection properties.
 *
 * @param name the system property's name
 * @param type what it takes
 * @param defaultDescription what applies when it is not set
 * @param description what it does
 */
public record JvmProperty(String name, String type, String defaultDescription, String description) {
  public static final JvmProperty MAX_TOTAL_BUFFER_BYTES = new JvmProperty("lakeformation.maxTotalBufferBytes",
      "bytes (suffix KB, MB or GB allowed), at least 16MB", "half the JVM's maximum heap",
      "Memory for rows fetched ahead by all result sets of the JVM together. Each reads ahead up to the smaller of"
          + " its MaxBufferBytes and its share of this (divided among the result sets open), and only while all"
          + " together hold less than this; the more are open, the less each reads ahead, and none fails for it.");

  /** Every JVM-wide property, in the order of the docs. */
  public static final List<JvmProperty> ALL = List.of(MAX_TOTAL_BUFFER_BYTES);
}
