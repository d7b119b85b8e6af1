package dev.lakeformation.jdbc.fetch;

import dev.lakeformation.jdbc.errors.SqlErrors;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

/**
 * The stop signal of one statement execution: set by {@code Statement.cancel()} or reached by
 * its query timeout. Every wait in the fetch layer is bounded by it, so a cancelled or timed-out
 * query stops within one poll interval.
 */
public final class Cancellation {
  private final long deadlineNanos;
  private volatile String reason;

  /** {@code timeoutSeconds} = 0 means no timeout, as in {@code Statement.setQueryTimeout}. */
  public Cancellation(int timeoutSeconds) {
    this.deadlineNanos = timeoutSeconds == 0 ? Long.MAX_VALUE
        : System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
  }

  public void cancel(String why) {
    if (reason == null) {
      reason = why;
    }
  }

  public boolean isCancelled() {
    return reason != null || System.nanoTime() - deadlineNanos > 0 && deadlineNanos != Long.MAX_VALUE;
  }

  /** Nanoseconds left before the deadline (Long.MAX_VALUE without one). */
  public long remainingNanos() {
    return deadlineNanos == Long.MAX_VALUE ? Long.MAX_VALUE : deadlineNanos - System.nanoTime();
  }

  /** Throws the matching SQLException when cancelled or past the deadline. */
  public void check() throws SQLException {
    if (reason != null) {
      throw SqlErrors.of(SqlErrors.CANCELLED, "The statement was cancelled (" + reason + ").");
    }
    if (deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0) {
      throw SqlErrors.of(SqlErrors.TIMEOUT, "The query timeout was reached; raise Statement.setQueryTimeout"
          + " or simplify the query.");
    }
  }

  /** Sleeps up to {@code millis}, waking early (and throwing) when cancelled. */
  public void sleep(long millis) throws SQLException {
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    long left;
    while ((left = end - System.nanoTime()) > 0) {
      check();
      try {
        Thread.sleep(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 50)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw SqlErrors.of(SqlErrors.CANCELLED, "Interrupted while waiting.", e);
      }
    }
    check();
  }
}
