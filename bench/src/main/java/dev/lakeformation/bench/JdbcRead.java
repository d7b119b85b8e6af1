package dev.lakeformation.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * A JDBC application reading one planned query, in a JVM of its own whose class path is a driver
 * jar (this build's or an older one's) and the benchmark classes: it uses nothing but
 * {@code java.sql}, so any build of the driver can be measured the same way.
 *
 * <p>Arguments: URL, query ID, {@code rows} (move through the rows) or {@code values} (read every
 * value with its natural getter), and how many times to read; prints the rows, the best time in
 * nanoseconds and the process CPU nanoseconds of the cheapest read (each read opens its own
 * connection, which both counts include).
 */
public final class JdbcRead {
  private JdbcRead() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String queryId = args[1];
    boolean everyValue = args[2].equals("values");
    int times = Integer.parseInt(args[3]);
    long rows = 0;
    long best = Long.MAX_VALUE;
    long cheapest = Long.MAX_VALUE;
    for (int i = 0; i < times; i++) {
      long start = System.nanoTime();
      long cpuStart = Timing.processCpuNanos();
      try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT * FROM system.query_results WHERE query_id = '" + queryId + "'")) {
        rows = everyValue ? Timing.drain(rs) : Timing.count(rs);
      }
      best = Math.min(best, System.nanoTime() - start);
      cheapest = Math.min(cheapest, Timing.processCpuNanos() - cpuStart);
    }
    System.out.println(rows + " " + best + " " + cheapest);
  }
}
