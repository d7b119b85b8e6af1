package dev.lakeformation.bench;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs {@link JdbcRead} in a fresh JVM on a given driver jar. */
final class JdbcProcess {
  private static final int READS = 3;

  /** What a child JVM's reads measured: the rows, the best time and the process CPU of the cheapest read. */
  record Read(long rows, long bestNanos, long cheapestCpuNanos) {}

  private JdbcProcess() {}

  /** Reads the query {@value #READS} times in a child JVM (see {@link #read(Path, String, String, boolean, int)}). */
  static Read read(Path driverJar, String url, String queryId, boolean everyValue) throws Exception {
    return read(driverJar, url, queryId, everyValue, READS);
  }

  /** Reads the query {@code reads} times in a child JVM. */
  static Read read(Path driverJar, String url, String queryId, boolean everyValue, int reads) throws Exception {
    String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // The driver jar and the benchmarks' own classes (where JdbcRead was loaded from), nothing else.
    Path benchClasses = Path.of(JdbcRead.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    String classPath = driverJar + File.pathSeparator + benchClasses;
    Process child = new ProcessBuilder(javaCommand, "-Xmx2g", "-cp", classPath, JdbcRead.class.getName(), url, queryId,
        everyValue ? "values" : "rows", String.valueOf(reads)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String line = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (!child.waitFor(20, TimeUnit.MINUTES) || child.exitValue() != 0) {
      throw new IllegalStateException("reading through " + driverJar + " failed: " + line);
    }
    String[] fields = line.split(" ");
    return new Read(Long.parseLong(fields[0]), Long.parseLong(fields[1]), Long.parseLong(fields[2]));
  }
}
