package dev.lakeformation.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;

/**
 * Splits lfsql's input into statements at each {@code ;} that is outside quotes and comments,
 * so that a {@code ;} inside {@code 'a;b'} or after {@code --} does not end a statement. A line
 * holding only a command ({@code \d}, {@code !3}, {@code quit}) ends at its newline.
 */
final class StatementReader implements StatementSource {
  private final Reader in;
  private boolean atEnd;

  StatementReader(Reader in) {
    this.in = in;
  }

  /**
   * Whether {@code text} (what was typed at the prompt so far) can run as it is: every
   * statement in it is ended by {@code ;}, or what follows the last one is a command, a
   * comment or blank.
   */
  static boolean isComplete(String text) {
    StatementReader reader = new StatementReader(new StringReader(text));
    try {
      String statement;
      while ((statement = reader.next()) != null) {
        if (reader.atEnd) {
          return Commands.isCommand(statement);
        }
      }
      return true;
    } catch (IOException e) {
      throw new AssertionError("a StringReader does not fail", e);
    }
  }

  @Override
  public String next() throws IOException {
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
      if (ch == '\n' && quote == 0 && Commands.isCommand(statement.toString())) {
        return statement.toString().strip();
      }
      statement.append(ch);
    }
    atEnd = true;
    String rest = statement.toString().strip();
    return rest.isEmpty() ? null : rest;
  }
}
