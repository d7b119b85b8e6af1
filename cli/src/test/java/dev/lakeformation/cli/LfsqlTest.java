package dev.lakeformation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.jdbc.driver.LocalFixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class LfsqlTest {
  static LocalFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = LocalFixture.shared();
  }

  /**
   * Whether lfsql offers its prompt. The tests' JVM has its standard streams redirected (pipes):
   * no terminal, on any JDK, including JDK 22 to 24, whose System.console() answers there too.
   */
  @Test
  void redirectedStandardStreamsAreNoTerminal() {
    assertFalse(Lfsql.isTerminal(null));
    assertFalse(Lfsql.isTerminal(System.console()));
  }

  @Test
  void printsAnAlignedTableAndTheRowCount() {
    LfsqlRun run = LfsqlRun.of("--url", fixture.url("Database=tpch"), "-e",
        "SELECT r_regionkey, r_name FROM region WHERE r_regionkey < 2 ORDER BY 1;");
    assertEquals(0, run.exit(), run.err());
    assertEquals("r_regionkey | r_name\n------------+--------\n0           | AFRICA\n1           | AMERICA\n",
        run.out().replace("\r", ""));
    assertTrue(run.err().startsWith("2 rows in "), run.err());
  }

  @Test
  void queryIdPrintsEachStatementsQueryIdAfterItsCountAndAfterAFailure() {
    LfsqlRun run = LfsqlRun.of("--url", fixture.url("Database=tpch"), "--query-id", "-e",
        "SELECT 1 FROM region LIMIT 1; SELECT * FROM system.queries LIMIT 0; SELECT nope FROM region");
    assertEquals(1, run.exit(), run.err());
    List<String> lines = run.err().lines().toList();
    assertTrue(lines.get(0).matches("1 row in [0-9.]+ s, query [0-9a-f-]{36}"), run.err());
    assertTrue(lines.get(1).matches("0 rows in [0-9.]+ s"), "a system table is no query: " + run.err());
    assertTrue(lines.get(2).startsWith("ERROR 42000: "), run.err());
    assertTrue(lines.get(3).matches("query [0-9a-f-]{36}"), "the failed query's ID: " + run.err());
    String failedId = lines.get(3).substring(6);
    assertTrue(lines.get(2).contains(failedId), "the same ID the error names: " + run.err());
    assertFalse(LfsqlRun.of("--url", fixture.url("Database=tpch"), "-e", "SELECT 1 FROM region LIMIT 1").err()
        .contains("query "), "only when asked");
  }

  @Test
  void printsCsvWithQuotingAndEmptyNulls() {
    LfsqlRun run = LfsqlRun.of("--url", fixture.url("Database=types"), "--format", "csv", "-e",
        "SELECT id, c_varchar FROM all_types WHERE id IN (1, 4) ORDER BY id");
    assertEquals(0, run.exit(), run.err());
    assertEquals("id,c_varchar\n1,plain ascii\n4,\n", run.out().replace("\r", ""));
  }

  @Test
  void errorsPrintTheSqlStateAndExitNonZeroWithoutAStackTrace() {
    LfsqlRun run = LfsqlRun.of("--url", fixture.url("Database=tpch"), "-e", "SELECT nope FROM region");
    assertEquals(1, run.exit());
    assertTrue(run.err().startsWith("ERROR 42000: "), run.err());
    assertFalse(run.err().contains("\tat "), "no stack trace without --debug");
  }

  @Test
  void badArgumentsPrintTheUsage() {
    LfsqlRun missing = LfsqlRun.of("-e", "SELECT 1");
    assertEquals(2, missing.exit());
    assertTrue(missing.err().contains("--url URL or --local"), missing.err());
    LfsqlRun format = LfsqlRun.of("--local", "--format", "xml", "-e", "SELECT 1");
    assertEquals(2, format.exit());
    assertTrue(format.err().contains("unknown format xml (table, csv, json, jsonl)"), format.err());
    assertTrue(missing.err().contains("usage: lfsql"));
    LfsqlRun unreadable = LfsqlRun.of("--local", "-f", "no/such/file.sql");
    assertEquals(2, unreadable.exit());
    assertTrue(unreadable.err().contains("cannot read the SQL file no/such/file.sql"), unreadable.err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"jdbc:lakeformation:Endpoint=http://127.0.0.1:1;Region=us-east-1",
      "jdbc:lakeformation://Endpoint=http://127.0.0.1:1;Colour=blue", "jdbc:lakeformation://Region",
      "jdbc:lakeformation://Region={us-east-1", "jdbc:lakeformation://Region=mars-1;Region=us-east-1"})
  void aBadUrlIsOneErrorLineAndStatusTwo(String url) {
    LfsqlRun run = LfsqlRun.of("--url", url, "-e", "SELECT 1");
    assertEquals(2, run.exit(), run.err());
    assertTrue(run.err().matches("ERROR 08001: [^\\n]+\\n"), run.err());
    assertEquals("", run.out());
  }

  @Test
  void aBadUrlSaysWhatIsWrong() {
    assertEquals("ERROR 08001: Not a lakeformation-jdbc URL: it must start with jdbc:lakeformation:// (for example"
        + " jdbc:lakeformation://Region=us-east-1;Database=sales).\n",
        LfsqlRun.of("--url", "jdbc:lakeformation:Endpoint=http://127.0.0.1:1", "-e", "SELECT 1").err());
    assertTrue(LfsqlRun.of("--url", "jdbc:lakeformation://Colour=blue", "-e", "SELECT 1").err()
        .startsWith("ERROR 08001: Unknown connection property 'Colour' in the URL. Known properties: Region, "));
    assertEquals("ERROR 08001: Malformed URL segment 'Region': expected Key=Value pairs separated by ';'.\n",
        LfsqlRun.of("--url", "jdbc:lakeformation://Region", "-e", "SELECT 1").err());
  }

  @Test
  void helpGoesToStandardOutputWithStatusZero() {
    for (String flag : new String[] {"--help", "-h"}) {
      LfsqlRun run = LfsqlRun.of(flag);
      assertEquals(0, run.exit());
      assertTrue(run.out().startsWith("usage: lfsql "), run.out());
      assertEquals("", run.err());
    }
  }

  @Test
  void printsJsonWithTypedValuesOneRowPerLine() {
    LfsqlRun run = LfsqlRun.of("--url", fixture.url("Database=types"), "--format", "json", "-e",
        "SELECT id, c_integer, c_decimal_5_2, c_boolean, c_double, c_varchar FROM all_types WHERE id IN (2, 4)"
            + " ORDER BY id");
    assertEquals(0, run.exit(), run.err());
    assertEquals("""
        [
        {"id":2,"c_integer":-2147483648,"c_decimal_5_2":-999.99,"c_boolean":false,"c_double":-1.7976931348623157E308,\
        "c_varchar":"Grüße, 東京 🚀 ‘quotes’"},
        {"id":4,"c_integer":null,"c_decimal_5_2":null,"c_boolean":null,"c_double":null,"c_varchar":null}
        ]
        """, run.out());
    LfsqlRun empty = LfsqlRun.of("--url", fixture.url("Database=tpch"), "--format", "json", "-e",
        "SELECT * FROM region WHERE r_regionkey < 0");
    assertEquals("[]\n", empty.out());
  }

  @Test
  void readsStatementsFromStandardInputAndFailsTheRunWhenOneFails() {
    LfsqlRun run = LfsqlRun.withInput("""
        SELECT r_name FROM region WHERE r_regionkey = 0; -- a comment; not a statement
        SELECT 'a;b' AS text FROM region
          WHERE r_regionkey = 1;
        SELECT nope FROM region;
        SELECT COUNT(*) AS n FROM nation
        """, "--url", fixture.url("Database=tpch"), "--format", "csv");
    assertEquals(1, run.exit(), "a failed statement fails a script");
    assertEquals("r_name\nAFRICA\ntext\na;b\nn\n25\n", run.out());
    assertTrue(run.err().contains("ERROR 42000: "), run.err());
    assertEquals(3, run.err().lines().filter(l -> l.matches("1 row in [0-9.]+ s")).count(), run.err());
  }

  @Test
  void severalStatementsInOneDashE() {
    LfsqlRun run = LfsqlRun.of("--url", fixture.url("Database=tpch"), "--format", "csv", "-e",
        "SELECT 1 AS a FROM region WHERE r_regionkey = 0; SELECT 2 AS b FROM region WHERE r_regionkey = 0;");
    assertEquals(0, run.exit(), run.err());
    assertEquals("a\n1\nb\n2\n", run.out());
  }

  @ParameterizedTest
  @EnumSource(OutputFormat.class)
  void aClosedStandardOutputCancelsTheQueryAndEndsQuietly(OutputFormat format) {
    fixture.local.faults().workUnitLatencyMillis(50);
    try {
      long fetchedBefore = fixture.local.requestCount("GetWorkUnitResults");
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int exit = Lfsql.run(new String[] {"--url", fixture.url("Database=tpch;MaxConcurrentWorkUnits=1"), "--format",
          format.label(), "-e", "SELECT * FROM lineitem"}, InputStream.nullInputStream(),
          new PrintStream(new ClosedAfterTwoLines(), true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));
      assertEquals(0, exit);
      assertEquals("", err.toString(StandardCharsets.UTF_8));
      long fetched = fixture.local.requestCount("GetWorkUnitResults") - fetchedBefore;
      // lineitem is 60 work units; the table format reads a block of 10,000 rows before it writes
      assertTrue(fetched < 20, "work units fetched after the output closed: " + fetched);
    } finally {
      fixture.local.faults().clear();
    }
  }

  /** Standard output as a pipe whose reader leaves after two lines ({@code | head -2}). */
  private static final class ClosedAfterTwoLines extends OutputStream {
    private int lines;

    @Override
    public void write(int b) throws IOException {
      if (lines >= 2) {
        throw new IOException("Broken pipe");
      }
      if (b == '\n') {
        lines++;
      }
    }
  }
}
