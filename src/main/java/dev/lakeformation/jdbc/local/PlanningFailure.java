package dev.lakeformation.jdbc.local;

import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * Why planning a query failed, as the one line GetQueryState's {@code Error} carries: H2's
 * message without the SQL statement and error code H2 appends, on one line (no Java class
 * names, no stack trace). A failure that is not the query's fault (a bug, memory) gets a message
 * saying so, and the details go to the log.
 */
final class PlanningFailure {
  /** H2's code for its own internal errors, whose messages are Java exceptions. */
  private static final int H2_GENERAL_ERROR = 50_000;
  /** What H2 appends to a message: "; SQL statement:" and the statement, then " [42122-252]". */
  private static final Pattern H2_STATEMENT = Pattern.compile(";\\s*SQL statement:.*", Pattern.DOTALL);
  private static final Pattern H2_CODE = Pattern.compile("\\s*\\[\\d+-\\d+]\\s*$");
  /** How H2 writes line breaks and tabs inside the statement it quotes in a syntax error. */
  private static final Pattern H2_ESCAPED_SPACE = Pattern.compile("\\\\000[9ad]");

  private PlanningFailure() {}

  /** True when the query itself is at fault: bad SQL, bad values, a type Athena has not. */
  static boolean causedByQuery(Throwable failure) {
    return failure instanceof SQLException e && e.getErrorCode() != H2_GENERAL_ERROR;
  }

  static String message(Throwable failure) {
    if (causedByQuery(failure)) {
      return oneLine(failure.getMessage());
    }
    if (failure instanceof SQLException e && e.getErrorCode() == H2_GENERAL_ERROR) {
      return "H2 failed with an internal error on this query; this is often a function given an argument of a"
          + " type it cannot take. LakeFormation Local's log has the details.";
    }
    if (failure instanceof OutOfMemoryError) {
      return "LakeFormation Local ran out of memory planning this query; add a LIMIT, select fewer columns,"
          + " or give its JVM more heap.";
    }
    return "LakeFormation Local failed while planning this query (an internal error; its log has the details).";
  }

  /** H2's message without the statement and code it appends, whitespace collapsed to single spaces. */
  static String oneLine(String h2Message) {
    if (h2Message == null) {
      return "the query failed without a message";
    }
    String message = H2_STATEMENT.matcher(h2Message).replaceFirst("");
    message = H2_CODE.matcher(message).replaceFirst("");
    message = H2_ESCAPED_SPACE.matcher(message).replaceAll(" ");
    return message.replaceAll("\\s+", " ").trim();
  }
}
