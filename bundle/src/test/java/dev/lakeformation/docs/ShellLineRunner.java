package dev.lakeformation.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.docs.MarkdownBlocks.CodeBlock;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the docs' commands as a user would: each line through bash, from a scratch directory that
 * stands for the project's root ({@code bin}, {@code target}, {@code pom.xml} and every module's
 * directory are links to the project's), so that a command that writes a file writes it there and one that
 * reads a file finds what the docs assume (see {@link #INPUTS}). The {@code java} of every
 * command is the JDK that runs the tests (first on the PATH), with a scratch home as
 * {@code user.home}, where lfsql keeps its history.
 *
 * <p>How a command is checked depends on what it is (see ShellLine):
 * <ul>
 *   <li>{@code local} serves until stopped: its first line must be the endpoint, a line after it
 *       a driver URL, which must connect and query; then SIGTERM must stop it;
 *   <li>lfsql with nothing to run opens its prompt: on a pseudo-terminal (script(1)) the prompt
 *       must show, and {@code quit} must end it with status 0;
 *   <li>anything else runs to its end with its standard input empty and must end with status 0,
 *       in bash with {@code pipefail} (stricter than a user's shell, so that an lfsql that fails
 *       before {@code | head} still counts), and show what a {@code console} block shows. A
 *       program it pipes into that this machine lacks ({@code jq}) skips it, as a missing
 *       script(1) skips the prompt.
 * </ul>
 * Sessions at lfsql's prompt (lfsql.md's untagged {@code lfsql> } blocks) are typed at
 * {@code bin/lfsql --local} on a pseudo-terminal, line by line after the prompt the block shows.
 */
final class ShellLineRunner {
  /** The files the docs' commands read, as for {@code bin/lfsql --local --format jsonl < queries.sql | jq .l_orderkey}. */
  private static final Map<String, String> INPUTS = Map.of("queries.sql", """
      SELECT l_orderkey, l_linenumber, l_quantity FROM lineitem WHERE l_orderkey <= 3;
      SELECT l_orderkey, SUM(l_extendedprice) AS price FROM lineitem GROUP BY l_orderkey ORDER BY 1 LIMIT 3;
      """);
  private static final List<String> PROJECT_LINKS = List.of("bin", "target", "pom.xml");
  /** The command the docs' prompt sessions are typed at. */
  private static final String SESSION_COMMAND = "bin/lfsql --local";
  private static final String CONTINUATION = "    -> ";
  /** LakeFormation Local starts in ten seconds on two idle cores (its TPC-H data); CI's cores are shared. */
  private static final Duration LIMIT = Duration.ofMinutes(3);

  private static final String BASH = onPath("bash").toString();

  private final Path scratch;
  private final Path home;

  ShellLineRunner(Path project, Path scratch) throws IOException {
    this.scratch = scratch;
    for (String name : PROJECT_LINKS) {
      Files.createSymbolicLink(scratch.resolve(name), project.toAbsolutePath().resolve(name));
    }
    try (Stream<Path> entries = Files.list(project)) {
      for (Path module : entries.filter(e -> Files.isRegularFile(e.resolve("pom.xml"))).toList()) {
        Files.createSymbolicLink(scratch.resolve(module.getFileName()), module.toAbsolutePath());
      }
    }
    for (Map.Entry<String, String> input : INPUTS.entrySet()) {
      Files.writeString(scratch.resolve(input.getKey()), input.getValue());
    }
    this.home = Files.createDirectory(scratch.resolve("home"));
  }

  /** Runs the command and checks it as its kind asks; an AssertionError says what went wrong. */
  void check(ShellLine line) throws Exception {
    if (line.servesUntilStopped()) {
      serve(line);
    } else if (line.opensPrompt()) {
      prompt(line);
    } else {
      runToEnd(line);
    }
  }

  private void runToEnd(ShellLine line) throws Exception {
    for (String program : line.pipedInto()) {
      Assumptions.assumeTrue(onPath(program) != null, () -> line.where() + ": needs " + program + " on the PATH");
    }
    try (RunningCommand command = start(List.of(BASH, "-o", "pipefail", "-c", line.text()))) {
      command.endInput();
      int status = command.awaitExit(LIMIT);
      String output = command.output();
      assertEquals(0, status, line.where() + ": `" + line.display() + "` ended with status " + status + ":\n" + output);
      List<String> shown = output.lines().filter(ShellLineRunner::notTheJvmsNotice).toList();
      assertTrue(line.output().isEmpty() || line.outputMatches(shown), line.where() + ": `" + line.display()
          + "` shows\n" + String.join("\n", shown) + "\nwhere the docs show\n" + String.join("\n", line.output()));
    }
  }

  /** The notices a JVM prints about its options and (JDK 24+) Arrow's use of sun.misc.Unsafe, no part of what a command shows. */
  private static boolean notTheJvmsNotice(String line) {
    return !line.startsWith("NOTE: Picked up ") && !(line.startsWith("WARNING: ") && (line.contains("sun.misc.Unsafe")
        || line.contains("MemoryUtil")));
  }

  private void serve(ShellLine line) throws Exception {
    try (RunningCommand server = start(List.of(BASH, "-c", line.text()))) {
      String endpoint = server.awaitLine("a first line", ShellLineRunner::notTheJvmsNotice, LIMIT);
      assertTrue(endpoint.matches("http://127\\.0\\.0\\.1:\\d+"),
          line.where() + ": `" + line.display() + "` printed first " + endpoint + ", not its endpoint");
      String url = server.awaitLine("a driver URL", l -> l.strip().startsWith("jdbc:lakeformation://"), LIMIT).strip();
      try (Connection connection = DriverManager.getConnection(url);
          Statement statement = connection.createStatement();
          ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM nation")) {
        assertTrue(count.next());
        assertEquals(25, count.getInt(1), line.where() + ": nations served");
      }
      assertTrue(server.stop(Duration.ofSeconds(30)), line.where() + ": still serving 30 s after SIGTERM");
    }
  }

  private void prompt(ShellLine line) throws Exception {
    try (RunningCommand lfsql = onTerminal(line.text())) {
      lfsql.await(DocExamples.PROMPT, LIMIT);
      lfsql.type("quit\r");
      assertEquals(0, lfsql.awaitExit(LIMIT), line.where() + ": `" + line.display() + "` after quit:\n"
          + readable(lfsql.output()));
    }
  }

  /**
   * Types a session of the docs at lfsql's prompt: each line after the prompt it shows
   * ({@code lfsql> }, or {@code     -> } for more of a statement), which must appear first; a
   * line without a prompt is output, which must appear in its turn. No statement may fail.
   */
  void checkPromptSession(CodeBlock session) throws Exception {
    try (RunningCommand lfsql = onTerminal(SESSION_COMMAND)) {
      for (int i = 0; i < session.lines().size(); i++) {
        String line = session.lines().get(i);
        String prompt = line.startsWith(DocExamples.PROMPT) ? DocExamples.PROMPT
            : line.startsWith(CONTINUATION) ? CONTINUATION : null;
        try {
          if (prompt != null) {
            lfsql.await(prompt, LIMIT);
            lfsql.type(line.substring(prompt.length()) + "\r");
          } else if (!line.isBlank()) {
            lfsql.await(line.strip(), LIMIT);
          }
        } catch (AssertionError e) {
          throw new AssertionError(session.file() + ":" + session.lineOf(i) + ": " + e.getMessage(), e);
        }
      }
      lfsql.await(DocExamples.PROMPT, LIMIT);
      assertFalse(lfsql.output().contains("ERROR "), session.where() + ": a statement failed:\n"
          + readable(lfsql.output()));
      lfsql.type("quit\r");
      assertEquals(0, lfsql.awaitExit(LIMIT), session.where() + ": after quit:\n" + readable(lfsql.output()));
    }
  }

  /** A terminal's screen for a message: without the escape sequences JLine sends and carriage returns. */
  private static String readable(String screen) {
    return screen.replaceAll("\u001B(\\[[0-9;?]*[A-Za-z]|[=>])", "").replace("\r", "");
  }

  /** The command line in bash on a new pseudo-terminal of script(1), 160 columns wide as a real window is. */
  private RunningCommand onTerminal(String text) throws IOException {
    Path script = onPath("script");
    Assumptions.assumeTrue(script != null, "script(1) makes the pseudo-terminal");
    ProcessBuilder builder = new ProcessBuilder(script.toString(), "-qec", "stty cols 160 rows 50; " + text, "/dev/null");
    builder.environment().put("SHELL", BASH);
    builder.environment().put("TERM", "xterm");
    return start(builder);
  }

  private RunningCommand start(List<String> command) throws IOException {
    return start(new ProcessBuilder(command));
  }

  private RunningCommand start(ProcessBuilder builder) throws IOException {
    Map<String, String> environment = builder.environment();
    environment.put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator
        + environment.getOrDefault("PATH", ""));
    environment.put("HOME", home.toString());
    environment.put("JDK_JAVA_OPTIONS", "-Duser.home=" + home);
    return new RunningCommand(builder.directory(scratch.toFile()));
  }

  /** A program on the PATH, as a shell finds it; null when there is none. */
  private static Path onPath(String program) {
    return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).filter(d -> !d.isEmpty())
        .map(d -> Path.of(d, program)).filter(Files::isExecutable).findFirst().orElse(null);
  }
}
