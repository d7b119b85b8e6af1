package dev.lakeformation.jdbc.fetch;

import dev.lakeformation.jdbc.errors.SqlErrors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Which failures are worth another try, and how long to wait first: throttling, 5xx and broken
 * connections are; a bad request, bad credentials or an expired query are not. Waits grow with
 * "decorrelated jitter" (each a random time between the base and three times the previous
 * wait, capped), so that many clients throttled together do not retry together.
 */
public final class RetryPolicy {
  private static final long BASE_MILLIS = 25;
  private static final long CAP_MILLIS = 4_000;

  private final int maxRetries;

  public RetryPolicy(int maxRetries) {
    this.maxRetries = maxRetries;
  }

  private final AtomicLong retriesMade = new AtomicLong();

  public int maxRetries() {
    return maxRetries;
  }

  /** Retries made so far under this policy (for statistics and tests). */
  public long retriesMade() {
    return retriesMade.get();
  }

  void countRetry() {
    retriesMade.incrementAndGet();
  }

  /** Makes one AWS call, retrying what is retryable; failures become SQLExceptions. */
  public <T> T call(String operation, Cancellation cancellation, Supplier<T> call) throws SQLException {
    long backoff = 0;
    for (int attempt = 0; ; attempt++) {
      cancellation.check();
      try {
        return call.get();
      } catch (RuntimeException e) {
        if (attempt >= maxRetries || !isRetryable(e)) {
          throw SqlErrors.fromAws(operation, e);
        }
        countRetry();
        backoff = nextBackoffMillis(backoff);
        cancellation.sleep(backoff);
      }
    }
  }

  public static boolean isRetryable(Throwable failure) {
    if (failure instanceof AwsServiceException e) {
      return e.isThrottlingException() || e.statusCode() >= 500;
    }
    if (failure instanceof SdkClientException e) {
      return e.getCause() instanceof IOException || e.getCause() instanceof UncheckedIOException
          || e.getMessage() != null && e.getMessage().contains("Unable to execute HTTP request");
    }
    return failure instanceof IOException || failure instanceof UncheckedIOException;
  }

  /** The wait before the next retry, given the previous wait (0 before the first retry). */
  public static long nextBackoffMillis(long previousMillis) {
    long upper = Math.min(CAP_MILLIS, Math.max(BASE_MILLIS, previousMillis) * 3);
    return ThreadLocalRandom.current().nextLong(BASE_MILLIS, upper + 1);
  }
}
