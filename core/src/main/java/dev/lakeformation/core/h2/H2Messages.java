package dev.lakeformation.core.h2;

import java.util.regex.Pattern;

/**
 * H2's error messages made fit to show: H2 appends the SQL statement and its own error code to
 * each message and may spread it over lines; users want the one line that says what is wrong.
 */
public final class H2Messages {
  /** H2's code for its own internal errors, whose messages are Java exceptions, not the query's fault. */
  public static final int GENERAL_ERROR = 50_000;

  /** What H2 appends to a message: "; SQL statement:" and the statement, then " [42122-252]". */
  private static final Pattern STATEMENT = Pattern.compile(";\\s*SQL statement:.*", Pattern.DOTALL);
  private static final Pattern CODE = Pattern.compile("\\s*\\[\\d+-\\d+]\\s*$");
  /** How H2 writes line breaks and tabs inside the statement it quotes in a syntax error. */
  private static final Pattern ESCAPED_SPACE = Pattern.compile("\\\\000[9ad]");

  private H2Messages() {}

  /** H2's message without the statement and code it appends, whitespace collapsed to single spaces. */
  public static String oneLine(String h2Message) {
    if (h2Message == null) {
      return "the query failed without a message";
    }
    String message = STATEMENT.matcher(h2Message).replaceFirst("");
    message = CODE.matcher(message).replaceFirst("");
    message = ESCAPED_SPACE.matcher(message).replaceAll(" ");
    return message.replaceAll("\\s+", " ").trim();
  }
}
