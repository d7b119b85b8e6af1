package dev.lakeformation.core.query;

import dev.lakeformation.api.LakeFormationException;
import dev.lakeformation.api.QueryListener;
import dev.lakeformation.core.aws.AbortableCalls;
import dev.lakeformation.core.aws.AwsErrors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one retry policy of the driver: which failures are worth another try (throttling, 5xx and
 * broken connections, as {@link AwsErrors} decides from error codes and HTTP status), how many
 * tries, and how long to wait between them. Waits grow with "decorrelated jitter" (each a random
 * time between the base and three times the previous wait, capped), so that many clients
 * throttled together do not retry together. A session has one; it holds no state of a call.
 *
 * <p>A call in flight is aborted when its cancellation fires (see {@link AbortableCalls}).
 */
public final class RetryPolicy {
  private static final Logger LOG = Logger.getLogger(RetryPolicy.class.getName());
  private static final long BASE_MILLIS = 25;
  private static final long CAP_MILLIS = 4_000;

  private final int maxRetries;

  public RetryPolicy(int maxRetries) {
    this.maxRetries = maxRetries;
  }

  public int maxRetries() {
    return maxRetries;
  }

  /**
   * Makes one AWS call, retrying what is retryable; each retry is told to {@code listener}.
   * A failure for good becomes a {@link LakeFormationException} (see {@link AwsErrors#classify}).
   */
  public <T> T call(String operation, Cancellation cancellation, QueryListener listener, Supplier<T> call)
      throws LakeFormationException {
    long backoff = 0;
    for (int attempt = 0; ; attempt++) {
      cancellation.check();
      try {
        return AbortableCalls.run(cancellation::onCancel, call);
      } catch (RuntimeException e) {
        cancellation.check(); // a call aborted by a cancel fails for that reason, not as a network error
        if (attempt >= maxRetries || !AwsErrors.isRetryable(e)) {
          throw AwsErrors.classify(operation, e);
        }
        listener.retried(operation, e);
        backoff = nextBackoffMillis(backoff);
        logRetry(operation, attempt + 1, backoff, e);
        cancellation.sleep(backoff);
      }
    }
  }

  private void logRetry(String operation, int retry, long backoffMillis, RuntimeException failure) {
    if (LOG.isLoggable(Level.FINE)) {
      LOG.fine(operation + ": retry " + retry + " of " + maxRetries + " in " + backoffMillis + " ms after "
          + String.valueOf(failure.getMessage()).lines().findFirst().orElse(failure.getClass().getSimpleName()));
    }
  }

  /** The wait before the next retry, given the previous wait (0 before the first retry). */
  static long nextBackoffMillis(long previousMillis) {
    long upper = Math.min(CAP_MILLIS, Math.max(BASE_MILLIS, previousMillis) * 3);
    return ThreadLocalRandom.current().nextLong(BASE_MILLIS, upper + 1);
  }
}
