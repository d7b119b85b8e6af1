package dev.lakeformation.jdbc.cli;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits lfsql's input into statements at each {@code ;} that is outside quotes and comments,
 * so that a {@code ;} inside {@code 'a;b'} or after {@code --} does not end a statement. A line
 * holding only a command ({@code \history}, {@code !3}, {@code quit}) ends at its newline.
 */
final class StatementReader {
  private final Reader in;
  private boolean atEnd;

  StatementReader(Reader in) {
    this.in = in;
  }

  /** True when the last {@link #next} call stopped at the end of the input. */
  boolean atEnd() {
    return atEnd;
  }

  /**
   * The next statement without its {@code ;}, or null at the end of the input. {@code lineDone}
   * runs after each line read while a statement is still open (for the continuation prompt).
   */
  String next(Runnable lineDone) throws IOException {
    StringBuilder statement = new StringBuilder();
    char quote = 0;
    boolean comment = false;
    int c;
    while ((c = in.read()) >= 0) {
      char ch = (char) c;
      if (comment) {
        if (ch == '\n') {
          comment = false;
          statement.append(ch);
          lineDone.run();
        }
        continue;
      }
      if (quote != 0) {
        if (ch == quote) {
          quote = 0;
        }
      } else if (ch == '\'' || ch == '"') {
        quote = ch;
      } else if (ch == '-' && statement.length() > 0 && statement.charAt(statement.length() - 1) == '-') {
        statement.setLength(statement.length() - 1);
        comment = true;
        continue;
      } else if (ch == ';') {
        return statement.toString().strip();
      }
      if (ch == '\n' && quote == 0 && isCommand(statement)) {
        return statement.toString().strip();
      }
      statement.append(ch);
      if (ch == '\n') {
        lineDone.run();
      }
    }
    atEnd = true;
    String rest = statement.toString().strip();
    return rest.isEmpty() ? null : rest;
  }

  private static boolean isCommand(StringBuilder text) {
    String line = text.toString().strip();
    return line.startsWith("\\") || line.startsWith("!") || line.equalsIgnoreCase("quit")
        || line.equalsIgnoreCase("exit");
  }
}
