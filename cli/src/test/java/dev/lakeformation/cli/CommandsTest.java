package dev.lakeformation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.jdbc.driver.LocalFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Backslash commands, here read from a script (the prompt runs the same ones): answered from
 * DatabaseMetaData by lfsql itself, so not one of them plans a query on the service.
 */
class CommandsTest {
  static LocalFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = LocalFixture.shared();
  }

  /** lfsql reading {@code script}, checked to have planned no query on the service. */
  private static LfsqlRun script(String script) {
    long planned = fixture.local.requestCount("StartQueryPlanning");
    LfsqlRun run = LfsqlRun.withInput(script, "--url", fixture.url("Database=tpch"));
    assertEquals(planned, fixture.local.requestCount("StartQueryPlanning"), "a command reached the service");
    return run;
  }

  @Test
  void backslashDListsTheTablesOfTheCurrentDatabase() {
    LfsqlRun run = script("\\d\n");
    assertEquals(0, run.exit(), run.err());
    assertEquals("""
        Database | Table    | Type
        ---------+----------+------
        tpch     | customer | TABLE
        tpch     | lineitem | TABLE
        tpch     | nation   | TABLE
        tpch     | orders   | TABLE
        tpch     | part     | TABLE
        tpch     | partsupp | TABLE
        tpch     | region   | TABLE
        tpch     | supplier | TABLE
        """, run.out());
  }

  @Test
  void backslashDWithATableShowsItsColumnsAndTypes() {
    LfsqlRun run = script("\\d region\n\\d types.all_types\n");
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().startsWith("""
        Table tpch.region
        Column      | Type
        ------------+--------
        r_regionkey | BIGINT
        r_name      | VARCHAR
        r_comment   | VARCHAR
        Table types.all_types
        """), run.out());
    assertTrue(run.out().contains("c_decimal_38_10 | DECIMAL(38,10)\n"), run.out());
    assertTrue(run.out().contains("c_int_array     | ARRAY<INTEGER>\n"), run.out());
  }

  @Test
  void patternsListMatchingTablesAndDtNeverDescribes() {
    LfsqlRun run = script("\\d *item\n\\d types.all*\n\\dt region\n");
    assertEquals(0, run.exit(), run.err());
    assertEquals("""
        Database | Table    | Type
        ---------+----------+------
        tpch     | lineitem | TABLE
        Database | Table     | Type
        ---------+-----------+------
        types    | all_types | TABLE
        Database | Table  | Type
        ---------+--------+------
        tpch     | region | TABLE
        """, run.out());
  }

  @Test
  void backslashDnListsTheDatabases() {
    LfsqlRun run = script("\\dn\n");
    assertEquals(0, run.exit(), run.err());
    assertEquals("Database\n--------\nsystem\ntpch\ntypes\n", run.out());
  }

  @Test
  void helpListsTheCommandsAndKeys() {
    for (String help : new String[] {"\\?", "\\help"}) {
      LfsqlRun run = script(help + "\n");
      assertEquals(0, run.exit(), run.err());
      assertEquals(Commands.HELP + "\n", run.out());
    }
  }

  @Test
  void anUnknownCommandIsAClearMessageAndFailsTheScript() {
    LfsqlRun run = script("\\frobnicate now\n\\d nosuchtable\n\\history\n!3\n");
    assertEquals(1, run.exit());
    assertEquals("", run.out());
    assertEquals("""
        lfsql: unknown command \\frobnicate (\\? lists the commands)
        lfsql: no table matches nosuchtable
        lfsql: there is a history only at the prompt
        lfsql: there is a history only at the prompt
        """, run.err());
  }

  @Test
  void quitStopsTheScript() {
    for (String quit : new String[] {"\\q", "quit", "EXIT"}) {
      LfsqlRun run = LfsqlRun.withInput("SELECT 1 AS a FROM region WHERE r_regionkey = 0;\n" + quit
          + "\nSELECT 2 AS b FROM region WHERE r_regionkey = 0;\n", "--url", fixture.url("Database=tpch"),
          "--format", "csv");
      assertEquals(0, run.exit(), run.err());
      assertEquals("a\n1\n", run.out());
    }
  }
}
