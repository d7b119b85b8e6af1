package dev.lakeformation.jdbc.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements typed at lfsql's prompt, kept across sessions in a file (one statement per
 * line, the last {@value #KEPT} of them). At the prompt, {@code \history} lists them numbered,
 * {@code !N} runs number N again and {@code !!} the last one.
 */
final class History {
  static final int KEPT = 500;

  private final Path file;
  private final List<String> entries = new ArrayList<>();

  History(Path file) {
    this.file = file;
    if (file != null && Files.isReadable(file)) {
      try {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        entries.addAll(lines.subList(Math.max(0, lines.size() - KEPT), lines.size()));
      } catch (IOException e) {
        // an unreadable history is an empty one
      }
    }
  }

  /** The history in {@code ~/.lfsql_history}. */
  static History inHomeDirectory() {
    String home = System.getProperty("user.home");
    return new History(home == null ? null : Path.of(home, ".lfsql_history"));
  }

  List<String> entries() {
    return List.copyOf(entries);
  }

  /**
   * What to run for {@code typed}: the statement itself, a statement from the history for
   * {@code !N} or {@code !!}, or null when the input was a history command already answered.
   */
  String expand(String typed, PrintStream out) {
    if (typed.equals("\\history") || typed.equals("\\h")) {
      for (int i = 0; i < entries.size(); i++) {
        out.printf("%4d  %s%n", i + 1, entries.get(i));
      }
      return null;
    }
    if (!typed.startsWith("!")) {
      return typed;
    }
    String which = typed.substring(1).strip();
    int index;
    try {
      index = which.equals("!") ? entries.size() : Integer.parseInt(which);
    } catch (NumberFormatException e) {
      index = -1;
    }
    if (index < 1 || index > entries.size()) {
      out.println("no history entry " + which + " (\\history lists them)");
      return null;
    }
    String statement = entries.get(index - 1);
    out.println(statement);
    return statement;
  }

  /** Remembers a statement, on one line, and appends it to the file. */
  void add(String statement) {
    String line = statement.replace('\r', ' ').replace('\n', ' ').strip();
    entries.add(line);
    if (entries.size() > KEPT) {
      entries.remove(0);
    }
    if (file != null) {
      try {
        Files.writeString(file, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } catch (IOException e) {
        // the session goes on without a saved history
      }
    }
  }
}
