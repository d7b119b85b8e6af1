package dev.lakeformation.core.query;

import dev.lakeformation.api.LakeFormationException;
import dev.lakeformation.api.SqlState;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The stop signal of one query's work: set by a cancel (from any thread) or reached at its
 * deadline. Every wait of the query layer is bounded by it: sleeps wake at once when it is
 * cancelled, and the waits of a {@link ResultStream} are woken through {@link #onCancel}.
 *
 * <p>A {@link #child()} stops when its parent does, or on its own: a result stream stops its own
 * workers on close without cancelling the statement's execution.
 */
public final class Cancellation {
  private static final long NO_DEADLINE = Long.MAX_VALUE;

  private final Cancellation parent;
  private final long deadlineNanos;
  private final CopyOnWriteArrayList<Runnable> hooks = new CopyOnWriteArrayList<>();
  private volatile String reason;

  /** {@code timeoutSeconds} = 0 means no timeout, as in {@code Statement.setQueryTimeout}. */
  public Cancellation(int timeoutSeconds) {
    this(null, timeoutSeconds == 0 ? NO_DEADLINE : System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds));
  }

  private Cancellation(Cancellation parent, long deadlineNanos) {
    this.parent = parent;
    this.deadlineNanos = deadlineNanos;
  }

  /** A signal without a deadline that nothing else cancels. */
  public static Cancellation none() {
    return new Cancellation(0);
  }

  /**
   * A signal that is cancelled with this one, or by itself. Close it (through the returned
   * registration of {@link #onCancel}) when done, or it stays referenced by this one.
   */
  public Cancellation child() {
    return new Cancellation(this, deadlineNanos);
  }

  /** Cancels, keeping the first reason given; wakes every waiter. Idempotent. */
  public void cancel(String why) {
    if (reason != null) {
      return;
    }
    synchronized (this) {
      if (reason != null) {
        return;
      }
      reason = why;
      notifyAll();
    }
    for (Runnable hook : hooks) {
      hook.run();
    }
  }

  /**
   * Runs {@code hook} when this is cancelled (at once, if it already is). The hook must be quick
   * and must not block. Closing the returned registration removes it.
   */
  public Registration onCancel(Runnable hook) {
    hooks.add(hook);
    Registration fromParent = parent == null ? () -> { } : parent.onCancel(hook);
    if (isCancelled()) {
      hook.run();
    }
    return () -> {
      hooks.remove(hook);
      fromParent.close();
    };
  }

  /** A hook's registration; closing it is idempotent. */
  @FunctionalInterface
  public interface Registration extends AutoCloseable {
    @Override
    void close();
  }

  public boolean isCancelled() {
    return reason != null || parent != null && parent.isCancelled() || pastDeadline();
  }

  private boolean pastDeadline() {
    return deadlineNanos != NO_DEADLINE && System.nanoTime() - deadlineNanos > 0;
  }

  /** Nanoseconds left before the deadline (Long.MAX_VALUE without one). */
  public long remainingNanos() {
    return deadlineNanos == NO_DEADLINE ? Long.MAX_VALUE : deadlineNanos - System.nanoTime();
  }

  /** Throws the matching LakeFormationException when cancelled or past the deadline. */
  public void check() throws LakeFormationException {
    if (parent != null) {
      parent.check();
    }
    if (reason != null) {
      throw new LakeFormationException(SqlState.CANCELLED, "The query was cancelled (" + reason + ").");
    }
    if (pastDeadline()) {
      throw new LakeFormationException(SqlState.TIMEOUT, "The query timeout was reached; raise"
          + " Statement.setQueryTimeout or simplify the query.");
    }
  }

  /** Sleeps up to {@code millis}, waking at once (and throwing) when cancelled. */
  public void sleep(long millis) throws LakeFormationException {
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    Registration wake = parent == null ? null : parent.onCancel(this::wake);
    try {
      long left;
      while ((left = Math.min(end - System.nanoTime(), remainingNanos())) > 0) {
        check();
        synchronized (this) {
          if (reason == null) {
            TimeUnit.NANOSECONDS.timedWait(this, left);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LakeFormationException(SqlState.CANCELLED, "Interrupted while waiting.", e);
    } finally {
      if (wake != null) {
        wake.close();
      }
    }
    check();
  }

  private synchronized void wake() {
    notifyAll();
  }
}
