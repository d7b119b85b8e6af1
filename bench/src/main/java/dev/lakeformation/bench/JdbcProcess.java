package dev.lakeformation.bench;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;

/** Runs {@link JdbcRead} in a fresh JVM on a given driver jar. */
final class JdbcProcess {
  private static final int READS = 3;
  private static final Duration CHILD_LIMIT = Duration.ofMinutes(20);

  /** What a child JVM's reads measured: the rows, the best time and the process CPU of the cheapest read. */
  record Read(long rows, long bestNanos, long cheapestCpuNanos) {}

  private JdbcProcess() {}

  /** Reads the query {@value #READS} times in a child JVM (see {@link #read(Path, String, String, boolean, int)}). */
  static Read read(Path driverJar, String url, String queryId, boolean everyValue) throws Exception {
    return read(driverJar, url, queryId, everyValue, READS);
  }

  /** Reads the query {@code reads} times in a child JVM. */
  static Read read(Path driverJar, String url, String queryId, boolean everyValue, int reads) throws Exception {
    // The driver jar and the benchmarks' own classes (where JdbcRead was loaded from), nothing else.
    Path benchClasses = Path.of(JdbcRead.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    String line = ChildJvm.run("reading through " + driverJar, CHILD_LIMIT, "2g",
        driverJar + File.pathSeparator + benchClasses, JdbcRead.class, url, queryId, everyValue ? "values" : "rows",
        String.valueOf(reads));
    String[] fields = line.split(" ");
    return new Read(Long.parseLong(fields[0]), Long.parseLong(fields[1]), Long.parseLong(fields[2]));
  }
}
