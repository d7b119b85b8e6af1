package dev.lakeformation.cli;

import java.io.PrintStream;

/**
 * The statements typed at the prompt, kept by JLine in {@code ~/.lfsql_history} (one entry per
 * line, line breaks written as {@code \n}, the last {@value #KEPT}), and the commands over them:
 * {@code \history} lists them numbered, {@code !N} runs number N again and {@code !!} the last.
 */
final class History {
  static final int KEPT = 500;

  private final org.jline.reader.History lines;

  History(org.jline.reader.History lines) {
    this.lines = lines;
  }

  void list(PrintStream out) {
    for (org.jline.reader.History.Entry entry : lines) {
      out.printf("%4d  %s%n", entry.index() + 1, entry.line().replace("\n", "\n      "));
    }
  }

  /**
   * The statement that {@code !N} or {@code !!} stands for, echoed to {@code out} and added to
   * the history as itself; null, after saying why, when there is no such entry.
   */
  String expand(String typed, PrintStream out, Diagnostics diagnostics) {
    String which = typed.substring(1).strip();
    int index;
    try {
      index = which.equals("!") ? lines.last() : Integer.parseInt(which) - 1;
    } catch (NumberFormatException e) {
      index = -1;
    }
    if (lines.isEmpty() || index < lines.first() || index > lines.last()) {
      diagnostics.problem("no history entry " + which + " (\\history lists them)");
      return null;
    }
    String statement = lines.get(index);
    out.println(statement);
    lines.add(statement);
    return statement;
  }
}
