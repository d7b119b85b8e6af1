package dev.lakeformation.api;

import java.io.IOException;

/**
 * A failure of the layers beneath JDBC (configuration, AWS calls, reading work units), with the
 * SQLState that the JDBC layer reports for it. It is an {@link IOException} so that an Arrow
 * reader of work units (whose {@code loadNextBatch} throws IOException) can throw it as it is,
 * and callers of the Arrow API can catch it by its own type.
 *
 * <p>The message says what happened and what to do; the cause is the AWS SDK's exception, when
 * there is one. Messages never hold a secret.
 */
public class LakeFormationException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String sqlState;

  public LakeFormationException(String sqlState, String message) {
    this(sqlState, message, null);
  }

  public LakeFormationException(String sqlState, String message, Throwable cause) {
    super(message, cause);
    this.sqlState = sqlState;
  }

  /** The five-character SQLState (see {@link SqlState}). */
  public String sqlState() {
    return sqlState;
  }

  /** Whether trying again later may succeed (throttling, a service failure, a lost connection, a timeout). */
  public boolean isTransient() {
    return SqlState.isTransient(sqlState);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + " [" + sqlState + "]: " + getMessage();
  }
}
