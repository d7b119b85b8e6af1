package dev.lakeformation.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Athena's functions inside the one-file jar, where H2 is relocated: H2 finds the user functions
 * by class name, and TRY_CAST hands H2's own (relocated) value classes back and forth.
 */
class AthenaSqlJarIT {
  private static final Path JAR = Path.of(System.getProperty("lakeformation.jar",
      "target/lakeformation-jdbc-0.1.0.jar"));

  @Test
  void lfsqlRunsAthenaFunctionsAndFormsFromTheJar() throws Exception {
    Path out = Files.createTempFile("athena-sql-it", ".out");
    try {
      Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-jar", JAR.toString(), "--local", "--format", "csv", "-e",
          "SELECT l_returnflag, date_format(MAX(l_shipdate), '%Y/%m') AS last_month,"
              + " try_cast(MIN(l_returnflag) AS INTEGER) AS not_a_number, element_at(split('a/b', '/'), -1) AS e,"
              + " approx_distinct(l_linestatus) AS statuses FROM tpch.lineitem GROUP BY 1 ORDER BY 1")
          .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("lfsql did not finish");
      }
      assertEquals(0, process.exitValue());
      assertEquals(List.of("l_returnflag,last_month,not_a_number,e,statuses", "A,1995/06,,b,1", "N,1998/11,,b,2",
          "R,1995/06,,b,1"), Files.readAllLines(out));
    } finally {
      Files.deleteIfExists(out);
    }
  }
}
