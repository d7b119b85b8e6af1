package dev.lakeformation.core.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.jdbc.driver.LocalFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One memory ceiling for the JVM: 32 readers of lineitem at once, in a JVM with a 256 MB heap
 * (so a ceiling of 128 MB), each with the default MaxBufferBytes of 256 MB and pausing after its
 * first row. Without the ceiling they would buffer all of lineitem each; with it the Arrow memory
 * of all of them together stays under the ceiling plus a batch per fetch, and every reader still
 * reads every row. (A JVM of its own, for its heap; in the driver's module, read through JDBC.)
 */
class MemoryCeilingJvmTest {
  private static final int READERS = 32;
  private static final int PAUSE_MILLIS = 3_000;
  private static final long CEILING = 128L << 20;

  @Test
  void manyReadersInASmallHeapShareOneCeilingAndReadEveryRow(@TempDir Path temp) throws Exception {
    Path log = temp.resolve("child.log");
    LocalFixture fixture = LocalFixture.shared();
    long lineitem;
    try (Connection h2 = fixture.h2("tpch"); Statement s = h2.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM lineitem")) {
      rs.next();
      lineitem = rs.getLong(1);
    }
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        Path.of("src/test/resources/programs/ManyReaders.java").toString(),
        fixture.url("Database=tpch"), String.valueOf(READERS), String.valueOf(PAUSE_MILLIS)).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    // Output goes to a file, not a pipe, so that a child that hangs fails the test after the wait
    // instead of blocking a read forever; and a child that outlives its wait is killed.
    boolean exited = child.waitFor(5, TimeUnit.MINUTES);
    if (!exited) {
      child.destroyForcibly().waitFor();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertTrue(exited, "timed out: " + output);
    assertEquals(0, child.exitValue(), output);
    List<String> lines = output.lines().filter(l -> l.matches("(rows|peak|now) .*")).toList();
    List<Long> rows = Arrays.stream(lines.get(0).substring(5).split(" ")).map(Long::valueOf).toList();
    assertEquals(READERS, rows.size(), output);
    rows.forEach(count -> assertEquals(lineitem, count, "every row, once"));
    long peak = Long.parseLong(lines.get(1).substring(5));
    System.out.printf("%d readers, 256 MB heap: peak Arrow memory %.1f MB, ceiling %d MB%n", READERS,
        peak / 1048576.0, CEILING >> 20);
    // The ceiling, plus for each reader one batch per fetch in flight and the batch it reads.
    long slack = READERS * 9L * (1L << 20) / 8;
    assertTrue(peak <= CEILING + slack, "peak " + peak + " bytes above the ceiling " + CEILING + " + " + slack);
    assertEquals("now 0", lines.get(2), "every buffer freed");
  }
}
