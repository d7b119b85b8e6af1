package dev.lakeformation.core.aws;

import dev.lakeformation.api.LakeFormationException;

/**
 * Credentials could not be had, said the way the driver reports it: a SQLState and one
 * sentence, with the AWS SDK's own exception as the cause. Thrown from the credentials provider
 * the SDK calls, it crosses the SDK (which may wrap it) unchanged, and {@link AwsErrors} finds it
 * again in the chain of causes, so that what went wrong is decided where it is known.
 */
final class CredentialsFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String sqlState;

  CredentialsFailure(String sqlState, String message, Throwable cause) {
    super(message, cause);
    this.sqlState = sqlState;
  }

  String sqlState() {
    return sqlState;
  }

  LakeFormationException toLakeFormationException() {
    return new LakeFormationException(sqlState, getMessage(), getCause());
  }

  /** The first CredentialsFailure among {@code failure} and its causes, or null. */
  static CredentialsFailure in(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof CredentialsFailure found) {
        return found;
      }
    }
    return null;
  }
}
