package dev.lakeformation.docs;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.lakeformation.ProjectFiles;
import dev.lakeformation.docs.DocExamples.Command;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every shell command of README.md and docs/*.md, run as a user would run it against the packaged
 * jar (bin/lfsql, java -jar target/…, LakeFormation Local as a server) and checked as
 * ShellLineRunner says; a command excused by its block's marker shows as skipped, with the
 * reason. Whether each command runs or is rightly marked is DocMarkersTest's, decided before
 * this runs. The same command in two places runs once.
 */
class DocShellExamplesIT {
  private static final Path PROJECT = ProjectFiles.root();

  @TempDir
  static Path scratch;

  private static ShellLineRunner runner;
  private static DocExamples examples;
  /** What each distinct command (its words and the output shown) came to: null for success. */
  private static final Map<List<Object>, Throwable> outcomes = new HashMap<>();

  @BeforeAll
  static void readTheDocs() throws Exception {
    runner = new ShellLineRunner(PROJECT, scratch);
    examples = DocExamples.of(PROJECT);
  }

  @TestFactory
  Stream<DynamicTest> everyCommandRunsAsTheDocsSay() {
    return examples.commands.stream().map(command -> dynamicTest(
        command.line().where() + " " + command.line().display(), () -> check(command)));
  }

  @TestFactory
  Stream<DynamicTest> everySessionAtThePromptRuns() {
    return examples.promptSessions.stream().map(session -> dynamicTest(session.where() + " lfsql> …",
        () -> runner.checkPromptSession(session)));
  }

  private static void check(Command command) throws Throwable {
    Assumptions.assumeTrue(command.skippedFor() == null,
        () -> command.line().where() + ": marked: " + command.skippedFor().text);
    List<Object> key = List.of(command.line().words(), command.line().output());
    if (!outcomes.containsKey(key)) {
      Throwable failure = null;
      try {
        runner.check(command.line());
      } catch (Exception | AssertionError e) {
        failure = e;
      }
      outcomes.put(key, failure);
    }
    if (outcomes.get(key) != null) {
      throw outcomes.get(key);
    }
  }
}
