package dev.lakeformation.docs;

import dev.lakeformation.docs.MarkdownBlocks.CodeBlock;
import dev.lakeformation.docs.MarkdownBlocks.Marker;
import dev.lakeformation.docs.MarkdownBlocks.Page;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the docs tests do with each example of README.md and docs/*.md, decided from the text
 * alone: the shell commands to run or to skip (and why), the SQL blocks, the sessions at lfsql's
 * prompt, and the problems that fail the build before anything runs — a command that cannot run
 * here and is not marked, a marker that excuses nothing, names no known reason or stands above no
 * block.
 *
 * <p>Read: {@code sh}, {@code bash}, {@code shell} and {@code console} blocks (commands), {@code sql}
 * blocks (statements) and untagged blocks that start with {@code lfsql> } (a session at the
 * prompt). Not read: every other language — {@code java} (the examples that matter are classes
 * under src/test/java/…/examples, compiled and run by their tests), {@code properties},
 * {@code ini}, {@code yaml}, {@code xml} (configuration for other programs, Spring's included) —
 * and other untagged blocks (URLs, messages), which are not commands.
 */
final class DocExamples {
  static final String SQL = "sql";
  static final String PROMPT = "lfsql> ";

  /** A command of the docs; {@code skippedFor} is the marker's reason that excuses it, null when it runs. */
  record Command(ShellLine line, SkipReason skippedFor) {}

  final List<Command> commands = new ArrayList<>();
  final List<CodeBlock> sqlBlocks = new ArrayList<>();
  final List<CodeBlock> promptSessions = new ArrayList<>();
  final List<String> problems = new ArrayList<>();

  private DocExamples() {}

  static DocExamples of(Path projectRoot) throws IOException {
    DocExamples examples = new DocExamples();
    for (Page page : MarkdownBlocks.project(projectRoot)) {
      for (Marker stray : page.strayMarkers()) {
        examples.problems.add(stray.where() + ": a docs-test marker goes on the line right above a code block's"
            + " opening fence; this one marks nothing");
      }
      page.blocks().forEach(examples::add);
    }
    return examples;
  }

  private void add(CodeBlock block) {
    List<SkipReason> reasons = new ArrayList<>();
    for (Marker marker : block.markers()) {
      Optional<SkipReason> reason = SkipReason.ofMarker(marker.text());
      if (reason.isPresent()) {
        reasons.add(reason.get());
      } else {
        problems.add(marker.where() + ": unknown docs-test marker '" + marker.text() + "'; the markers are "
            + SkipReason.markers());
      }
    }
    if (ShellLine.LANGUAGES.contains(block.language())) {
      addShell(block, reasons);
    } else if (block.language().equals(SQL)) {
      sqlBlocks.add(block); // its markers are judged by running it: DocSqlExamplesTest
    } else if (block.language().isEmpty() && !block.lines().isEmpty() && block.lines().get(0).startsWith(PROMPT)) {
      promptSessions.add(block);
      block.markers().forEach(m -> problems.add(m.where() + ": a session at lfsql's prompt always runs, on"
          + " LakeFormation Local; remove the marker (or the session, if it cannot run there)"));
    } else {
      block.markers().forEach(m -> problems.add(m.where() + ": marks a block the docs tests do not read"
          + (block.language().isEmpty() ? "" : " (" + block.language() + ")") + "; remove the marker"));
    }
  }

  private void addShell(CodeBlock block, List<SkipReason> reasons) {
    List<ShellLine> lines;
    try {
      lines = ShellLine.of(block);
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
      return;
    }
    List<SkipReason> used = new ArrayList<>();
    for (ShellLine line : lines) {
      List<SkipReason> needed = Arrays.stream(SkipReason.values()).filter(r -> r.covers(line)).toList();
      Optional<SkipReason> marked = needed.stream().filter(reasons::contains).findFirst();
      if (marked.isPresent()) {
        commands.add(new Command(line, marked.get()));
        used.add(marked.get());
      } else if (!needed.isEmpty()) {
        problems.add(line.where() + ": `" + line.display() + "` cannot run in the docs tests ("
            + needed.get(0).text + "): make it run on LakeFormation Local, or mark its block with "
            + needed.get(0).marker());
      } else if (!line.runsTheJar()) {
        problems.add(line.where() + ": the docs tests do not know how to run `" + line.program() + "` (in `"
            + line.display() + "`): show it through bin/lfsql or java -jar target/lakeformation-jdbc-VERSION.jar,"
            + " teach ShellLineRunner to run it, or mark its block with one of " + SkipReason.markers());
      } else {
        commands.add(new Command(line, null));
      }
    }
    reasons.stream().filter(r -> !used.contains(r)).forEach(r -> problems.add(block.where() + ": stale marker "
        + r.marker() + ": it excuses no command of this block; remove it"));
  }
}
