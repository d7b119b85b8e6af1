package dev.lakeformation.local.queries;

import dev.lakeformation.core.h2.H2Messages;
import java.sql.SQLException;

/**
 * Why planning a query failed, as the one line GetQueryState's {@code Error} carries: H2's
 * message without the SQL statement and error code H2 appends, on one line (no Java class
 * names, no stack trace). A failure that is not the query's fault (a bug, memory) gets a message
 * saying so, and the details go to the log.
 */
final class PlanningFailure {
  private PlanningFailure() {}

  /** True when the query itself is at fault: bad SQL, bad values, a type Athena has not. */
  static boolean causedByQuery(Throwable failure) {
    return failure instanceof SQLException e && e.getErrorCode() != H2Messages.GENERAL_ERROR;
  }

  static String message(Throwable failure) {
    if (causedByQuery(failure)) {
      return H2Messages.oneLine(failure.getMessage());
    }
    if (failure instanceof SQLException e && e.getErrorCode() == H2Messages.GENERAL_ERROR) {
      return "H2 failed with an internal error on this query; this is often a function given an argument of a"
          + " type it cannot take. LakeFormation Local's log has the details.";
    }
    if (failure instanceof OutOfMemoryError) {
      return "LakeFormation Local ran out of memory planning this query; add a LIMIT, select fewer columns,"
          + " or give its JVM more heap.";
    }
    return "LakeFormation Local failed while planning this query (an internal error; its log has the details).";
  }
}
