package dev.lakeformation.jdbc.errors;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The one place that turns failures into {@link SQLException}s, choosing the subclass and
 * SQLState a pool or tool acts on: class 08 means "this connection is broken, discard it",
 * 28 bad credentials, 42 a bad query, 0A an unsupported feature, HYT00 a timeout.
 */
public final class SqlErrors {
  public static final String CONNECTION_FAILURE = "08006";
  public static final String CONNECTION_REJECTED = "08001";
  public static final String INVALID_AUTHORIZATION = "28000";
  public static final String SYNTAX_OR_ACCESS = "42000";
  public static final String FEATURE_NOT_SUPPORTED = "0A000";
  public static final String TIMEOUT = "HYT00";
  public static final String CANCELLED = "HY008";
  public static final String INVALID_PARAMETER = "22023";
  public static final String DATA_EXCEPTION = "22000";
  public static final String NUMERIC_OUT_OF_RANGE = "22003";
  public static final String INVALID_CURSOR_STATE = "24000";
  public static final String GENERAL = "HY000";
  public static final String OBJECT_CLOSED = "HY010";
  public static final String INVALID_COLUMN = "42S22";
  public static final String MEMORY = "HY001";

  private SqlErrors() {}

  public static SQLException of(String sqlState, String message) {
    return of(sqlState, message, null);
  }

  public static SQLException of(String sqlState, String message, Throwable cause) {
    SQLException e = switch (sqlState.substring(0, 2)) {
      case "08" -> sqlState.equals(CONNECTION_REJECTED)
          ? new SQLNonTransientConnectionException(message, sqlState, cause)
          : new SQLTransientConnectionException(message, sqlState, cause);
      case "28" -> new SQLInvalidAuthorizationSpecException(message, sqlState, cause);
      case "42" -> new SQLSyntaxErrorException(message, sqlState, cause);
      case "0A" -> new SQLFeatureNotSupportedException(message, sqlState, cause);
      default -> sqlState.equals(TIMEOUT)
          ? new SQLTimeoutException(message, sqlState, cause)
          : new SQLException(message, sqlState, cause);
    };
    return e;
  }

  public static SQLFeatureNotSupportedException unsupported(String what) {
    return new SQLFeatureNotSupportedException(what + " is not supported by lakeformation-jdbc.",
        FEATURE_NOT_SUPPORTED);
  }

  /** Connections are read-only: every write or transaction feature ends here. */
  public static SQLFeatureNotSupportedException readOnly(String what) {
    return new SQLFeatureNotSupportedException(what + " is not supported: lakeformation-jdbc"
        + " connections are read-only (Lake Formation queries only read).", FEATURE_NOT_SUPPORTED);
  }

  public static SQLException closed(String what) {
    return of(OBJECT_CLOSED, "This " + what + " is closed.");
  }

  /**
   * An AWS call that failed for good. The message names the operation, the service's error
   * code and message and its request ID, so a support case can be opened from it.
   */
  public static SQLException fromAws(String operation, Throwable failure) {
    if (failure instanceof AwsServiceException e) {
      String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
      String serviceMessage = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
      String message = operation + " failed: " + (code == null ? "" : code + ": ") + serviceMessage
          + " (HTTP " + e.statusCode() + (e.requestId() == null ? "" : ", request ID " + e.requestId()) + ")";
      String state;
      if (e.statusCode() == 403 || "AccessDeniedException".equals(code)
          || "UnrecognizedClientException".equals(code) || "InvalidSignatureException".equals(code)
          || "ExpiredTokenException".equals(code)) {
        state = INVALID_AUTHORIZATION;
        message += ". Check the access key, secret key and session token, or the profile.";
      } else if ("InvalidInputException".equals(code) || "InvalidRequestException".equals(code)
          || "EntityNotFoundException".equals(code) || "MetadataException".equals(code)) {
        state = SYNTAX_OR_ACCESS;
      } else if ("ExpiredException".equals(code)) {
        state = GENERAL;
        message += ". The query has expired on the service: run it again.";
      } else if (e.statusCode() >= 500 || e.isThrottlingException()) {
        state = CONNECTION_FAILURE;
        message += ". The service kept failing after retries; try again later.";
      } else {
        state = GENERAL;
      }
      return of(state, message, e);
    }
    if (failure instanceof SdkClientException e) {
      return of(CONNECTION_FAILURE, operation + " could not reach the service: " + e.getMessage()
          + ". Check the Region or Endpoint and the network.", e);
    }
    if (failure instanceof SQLException e) {
      return e;
    }
    return of(GENERAL, operation + " failed: " + failure, failure);
  }
}
