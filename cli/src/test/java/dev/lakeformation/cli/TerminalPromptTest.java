package dev.lakeformation.cli;

import static dev.lakeformation.cli.PromptDriver.BACKSPACE;
import static dev.lakeformation.cli.PromptDriver.CTRL_A;
import static dev.lakeformation.cli.PromptDriver.CTRL_C;
import static dev.lakeformation.cli.PromptDriver.CTRL_D;
import static dev.lakeformation.cli.PromptDriver.CTRL_E;
import static dev.lakeformation.cli.PromptDriver.CTRL_R;
import static dev.lakeformation.cli.PromptDriver.ENTER;
import static dev.lakeformation.cli.PromptDriver.LEFT;
import static dev.lakeformation.cli.PromptDriver.TAB;
import static dev.lakeformation.cli.PromptDriver.UP;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.jdbc.driver.LocalFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The prompt as a person uses it, through a real JLine terminal and the real driver. */
class TerminalPromptTest {
  static LocalFixture fixture;

  @TempDir
  Path directory;

  @BeforeAll
  static void start() throws Exception {
    fixture = LocalFixture.shared();
  }

  private PromptDriver prompt(String... extraArgs) throws Exception {
    String[] args = new String[extraArgs.length + 2];
    args[0] = "--url";
    args[1] = fixture.url("Database=tpch");
    System.arraycopy(extraArgs, 0, args, 2, extraArgs.length);
    PromptDriver prompt = new PromptDriver(directory.resolve("history"), args);
    prompt.awaitScreen(TerminalPrompt.PROMPT);
    return prompt;
  }

  @Test
  void theLineIsEditedWithEmacsKeysAndArrows() throws Exception {
    try (PromptDriver prompt = prompt()) {
      // Ctrl-A to the start for the missing S, Ctrl-E to the end, one to the left, 9 becomes 1.
      prompt.type("ELECT r_name FROM region WHERE r_regionkey = 9;" + CTRL_A + "S" + CTRL_E + LEFT + BACKSPACE + "1"
          + ENTER);
      prompt.awaitScreen("AMERICA");
      prompt.awaitErr("1 row in");
      prompt.awaitScreen(TerminalPrompt.PROMPT);
      prompt.type(CTRL_D);
      assertEquals(0, prompt.exitStatus());
      assertFalse(prompt.err().contains("ERROR"), prompt.err());
    }
  }

  @Test
  void aStatementRunsOnceItsSemicolonIsTypedWhateverTheLines() throws Exception {
    try (PromptDriver prompt = prompt()) {
      prompt.type("SELECT r_name" + ENTER);
      prompt.awaitScreen(TerminalPrompt.CONTINUATION_PROMPT);
      prompt.type("FROM region" + ENTER + "WHERE r_regionkey = 2;" + ENTER);
      prompt.awaitScreen("ASIA");
      prompt.awaitScreen(TerminalPrompt.PROMPT);
      prompt.type("SELECT r_name FROM region WHERE r_regionkey = 3; SELECT r_name FROM region WHERE r_regionkey = 4;"
          + ENTER);
      prompt.awaitScreen("EUROPE");
      prompt.awaitScreen("MIDDLE EAST");
      prompt.awaitScreen(TerminalPrompt.PROMPT);
      prompt.type("!!" + ENTER); // both statements of the line again, each on its own
      prompt.awaitScreen("EUROPE");
      prompt.awaitScreen("MIDDLE EAST");
      prompt.awaitScreen(TerminalPrompt.PROMPT);
      prompt.type("quit" + ENTER);
      assertEquals(0, prompt.exitStatus());
      assertFalse(prompt.err().contains("ERROR"), prompt.err());
    }
  }

  @Test
  void tabCompletesKeywordsTablesColumnsDatabasesAndCommands() throws Exception {
    try (PromptDriver prompt = prompt("--format", "csv")) {
      // Each word is left unfinished: the statement only runs if every completion happened.
      prompt.type("sel" + TAB + "r_na" + TAB + "fro" + TAB + "regi" + TAB + "WHERE r_regionkey = 0;" + ENTER);
      prompt.awaitScreen("AFRICA");
      prompt.awaitScreen(TerminalPrompt.PROMPT);
      prompt.type("SELECT COUNT(*) AS n FROM typ" + TAB + "all_t" + TAB + ";" + ENTER);
      prompt.awaitScreen("n\n4\n");
      prompt.awaitScreen(TerminalPrompt.PROMPT);
      prompt.type("SELECT region.r_na" + TAB + "FROM region WHERE r_regionkey = 1;" + ENTER);
      prompt.awaitScreen("AMERICA");
      prompt.awaitScreen(TerminalPrompt.PROMPT);
      prompt.type("\\dn" + TAB + ENTER);
      prompt.awaitScreen("types");
      prompt.awaitScreen(TerminalPrompt.PROMPT);
      prompt.type(CTRL_D);
      assertEquals(0, prompt.exitStatus());
      assertFalse(prompt.err().contains("ERROR"), prompt.err());
    }
  }

  @Test
  void historyIsKeptInTheFileRecalledWithUpSearchedWithCtrlRAndRunAgainWithBang() throws Exception {
    Path history = directory.resolve("history");
    // A history written by earlier lfsql versions: one statement per line, without its ;.
    Files.writeString(history, "SELECT r_name FROM region WHERE r_regionkey = 4\n", UTF_8);
    try (PromptDriver prompt = prompt()) {
      prompt.type("\\history" + ENTER);
      prompt.awaitScreen("   1  SELECT r_name FROM region WHERE r_regionkey = 4");
      // Keys typed before the prompt is back would meet the terminal's own line discipline, as
      // on a real tty (where ^R reprints the line): each step waits for the prompt.
      prompt.awaitScreen(TerminalPrompt.PROMPT);
      prompt.type("!1" + ENTER);
      prompt.awaitScreen("MIDDLE EAST");
      prompt.awaitScreen(TerminalPrompt.PROMPT);
      prompt.type("SELECT r_name FROM region WHERE r_regionkey = 3;" + ENTER);
      prompt.awaitScreen("EUROPE");
      prompt.awaitScreen(TerminalPrompt.PROMPT);
      prompt.type(UP + ENTER);
      prompt.awaitScreen("EUROPE");
      prompt.awaitScreen(TerminalPrompt.PROMPT);
      prompt.type(CTRL_R + "key = 4" + ENTER);
      prompt.awaitScreen(TerminalPrompt.CONTINUATION_PROMPT); // the old entry has no ;
      prompt.type(";" + ENTER);
      prompt.awaitScreen("MIDDLE EAST");
      prompt.awaitScreen(TerminalPrompt.PROMPT);
      prompt.type("!!" + ENTER);
      prompt.awaitScreen("MIDDLE EAST");
      prompt.awaitScreen(TerminalPrompt.PROMPT);
      prompt.type("!42" + ENTER);
      prompt.awaitErr("lfsql: no history entry 42 (\\history lists them)");
      prompt.type(CTRL_D);
      assertEquals(0, prompt.exitStatus());
    }
    List<String> kept = Files.readAllLines(history, UTF_8);
    assertEquals("SELECT r_name FROM region WHERE r_regionkey = 4", kept.get(0));
    assertTrue(kept.contains("SELECT r_name FROM region WHERE r_regionkey = 3;"), kept.toString());
    assertFalse(kept.stream().anyMatch(line -> line.startsWith("!")), "!N is kept as what it ran: " + kept);
  }

  @Test
  void ctrlCCancelsTheRunningStatementAndThePromptComesBack() throws Exception {
    fixture.local.faults().workUnitLatencyMillis(100);
    long fetchedBefore = fixture.local.requestCount("GetWorkUnitResults");
    try (PromptDriver prompt = new PromptDriver(directory.resolve("history"), "--url",
        fixture.url("Database=tpch;MaxConcurrentWorkUnits=1"), "--format", "csv")) {
      prompt.awaitScreen(TerminalPrompt.PROMPT);
      prompt.type("SELECT l_orderkey, l_linenumber FROM lineitem;" + ENTER);
      prompt.awaitScreen("l_orderkey,l_linenumber\n1,1\n");
      prompt.type(CTRL_C);
      prompt.awaitErr("ERROR HY008: ");
      prompt.awaitScreen(TerminalPrompt.PROMPT);
      assertTrue(fixture.local.requestCount("GetWorkUnitResults") - fetchedBefore < 30,
          "lineitem has 60 work units: the query was not stopped");
      fixture.local.faults().clear();
      prompt.type("SELECT r_name FROM region WHERE r_regionkey = 0;" + ENTER);
      prompt.awaitScreen("AFRICA");
      prompt.awaitScreen(TerminalPrompt.PROMPT);
      prompt.type(CTRL_D);
      assertEquals(0, prompt.exitStatus());
      assertFalse(prompt.err().contains("60175 rows"), prompt.err());
    } finally {
      fixture.local.faults().clear();
    }
  }

  @Test
  void ctrlCAtThePromptClearsTheLineAndDoesNotLeave() throws Exception {
    try (PromptDriver prompt = prompt()) {
      prompt.type("SELECT nonsense FROM nowhere" + CTRL_C);
      prompt.awaitScreen(TerminalPrompt.PROMPT);
      prompt.type(CTRL_C);
      prompt.awaitScreen(TerminalPrompt.PROMPT);
      assertFalse(prompt.ended(), "Ctrl-C at the prompt must not end lfsql");
      prompt.type("SELECT r_name FROM region WHERE r_regionkey = 0;" + ENTER);
      prompt.awaitScreen("AFRICA");
      prompt.awaitScreen(TerminalPrompt.PROMPT);
      prompt.type("\\q" + ENTER);
      assertEquals(0, prompt.exitStatus());
      assertFalse(prompt.err().contains("ERROR"), "the cleared line never ran: " + prompt.err());
    }
  }
}
