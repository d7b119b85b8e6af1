package dev.lakeformation.bench;

import java.lang.management.ManagementFactory;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;

/** Small helpers the figures share: draining a result, the process's CPU time, formatting rates. */
final class Timing {
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private Timing() {}

  /** The CPU time this JVM has used so far, every thread's, the JIT's and the collector's, in nanoseconds. */
  static long processCpuNanos() {
    return OS.getProcessCpuTime();
  }

  /** Moves through every row without reading a value: the pipeline alone (fetch, Arrow decode, hand-over). */
  static long count(ResultSet rs) throws SQLException {
    long rows = 0;
    while (rs.next()) {
      rows++;
    }
    return rows;
  }

  /** Reads every row with each column's natural getter; returns the row count. */
  static long drain(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    int[] types = new int[md.getColumnCount()];
    for (int c = 0; c < types.length; c++) {
      types[c] = md.getColumnType(c + 1);
    }
    long rows = 0;
    long sink = 0;
    while (rs.next()) {
      for (int c = 0; c < types.length; c++) {
        switch (types[c]) {
          case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> sink += rs.getLong(c + 1);
          case Types.DECIMAL, Types.NUMERIC -> sink += rs.getBigDecimal(c + 1) == null ? 0 : 1;
          case Types.DATE -> sink += rs.getDate(c + 1) == null ? 0 : 1;
          case Types.DOUBLE, Types.REAL -> sink += (long) rs.getDouble(c + 1);
          default -> sink += rs.getString(c + 1) == null ? 0 : 1;
        }
      }
      rows++;
    }
    if (sink == 42) {
      System.out.print(""); // keeps the reads from being optimised away
    }
    return rows;
  }

  static String seconds(long nanos) {
    return String.format("%.2f s", nanos / 1e9);
  }

  static String millis(long nanos) {
    return String.format("%.0f ms", nanos / 1e6);
  }

  static String rate(double perSecond, String unit) {
    return perSecond >= 1e6 ? String.format("%.2f M%s/s", perSecond / 1e6, unit)
        : String.format("%.0f %s/s", perSecond, unit);
  }
}
