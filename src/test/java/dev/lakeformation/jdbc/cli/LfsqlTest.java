package dev.lakeformation.jdbc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.jdbc.driver.LocalFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LfsqlTest {
  static LocalFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = LocalFixture.shared();
  }

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Lfsql.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void printsAnAlignedTableAndTheRowCount() {
    Run run = run("--url", fixture.url("Database=tpch"), "-e",
        "SELECT r_regionkey, r_name FROM region WHERE r_regionkey < 2 ORDER BY 1;");
    assertEquals(0, run.exit(), run.err());
    assertEquals("r_regionkey | r_name\n------------+--------\n0           | AFRICA\n1           | AMERICA\n",
        run.out().replace("\r", ""));
    assertTrue(run.err().startsWith("2 rows in "), run.err());
  }

  @Test
  void printsCsvWithQuotingAndEmptyNulls() {
    Run run = run("--url", fixture.url("Database=types"), "--format", "csv", "-e",
        "SELECT id, c_varchar FROM all_types WHERE id IN (1, 4) ORDER BY id");
    assertEquals(0, run.exit(), run.err());
    assertEquals("id,c_varchar\n1,plain ascii\n4,\n", run.out().replace("\r", ""));
  }

  @Test
  void errorsPrintTheSqlStateAndExitNonZeroWithoutAStackTrace() {
    Run run = run("--url", fixture.url("Database=tpch"), "-e", "SELECT nope FROM region");
    assertEquals(1, run.exit());
    assertTrue(run.err().startsWith("ERROR 42000: "), run.err());
    assertFalse(run.err().contains("\tat "), "no stack trace without --debug");
  }

  @Test
  void badArgumentsPrintTheUsage() {
    Run missing = run("--url", fixture.url(""));
    assertEquals(2, missing.exit());
    assertTrue(missing.err().contains("usage: lfsql"));
    Run unreadable = run("--local", "-f", "no/such/file.sql");
    assertEquals(2, unreadable.exit());
    assertTrue(unreadable.err().contains("cannot read the SQL file no/such/file.sql"), unreadable.err());
  }
}
