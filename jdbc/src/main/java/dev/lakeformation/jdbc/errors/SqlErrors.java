package dev.lakeformation.jdbc.errors;

import dev.lakeformation.api.LakeFormationException;
import dev.lakeformation.api.SqlState;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;

/**
 * The one place that turns failures into {@link SQLException}s, choosing the subclass from the
 * SQLState's class (see {@link SqlState}), so that pools, frameworks and tools that act on
 * subclasses (Spring, HikariCP) and those that act on SQLStates agree.
 */
public final class SqlErrors {
  private SqlErrors() {}

  public static SQLException of(String sqlState, String message) {
    return of(sqlState, message, null);
  }

  public static SQLException of(String sqlState, String message, Throwable cause) {
    return switch (sqlState.substring(0, 2)) {
      case "08" -> sqlState.equals(SqlState.CONNECTION_REJECTED)
          ? new SQLNonTransientConnectionException(message, sqlState, cause)
          : new SQLTransientConnectionException(message, sqlState, cause);
      case "28" -> new SQLInvalidAuthorizationSpecException(message, sqlState, cause);
      case "42" -> new SQLSyntaxErrorException(message, sqlState, cause);
      case "0A" -> new SQLFeatureNotSupportedException(message, sqlState, cause);
      case "22" -> new SQLDataException(message, sqlState, cause);
      case "53", "58" -> new SQLTransientException(message, sqlState, cause);
      default -> sqlState.equals(SqlState.TIMEOUT)
          ? new SQLTimeoutException(message, sqlState, cause)
          : new SQLException(message, sqlState, cause);
    };
  }

  /**
   * A failure of the layers beneath JDBC, with its SQLState and message; its cause (the AWS
   * SDK's exception, when there is one) becomes the SQLException's cause.
   */
  public static SQLException of(LakeFormationException failure) {
    return of(failure.sqlState(), failure.getMessage(), failure.getCause() != null ? failure.getCause() : failure);
  }

  public static SQLFeatureNotSupportedException unsupported(String what) {
    return new SQLFeatureNotSupportedException(what + " is not supported by lakeformation-jdbc.",
        SqlState.FEATURE_NOT_SUPPORTED);
  }

  /** Connections are read-only: every write or transaction feature ends here. */
  public static SQLFeatureNotSupportedException readOnly(String what) {
    return new SQLFeatureNotSupportedException(what + " is not supported: lakeformation-jdbc"
        + " connections are read-only (Lake Formation queries only read).", SqlState.FEATURE_NOT_SUPPORTED);
  }

  public static SQLException closed(String what) {
    return of(SqlState.OBJECT_CLOSED, "This " + what + " is closed.");
  }
}
