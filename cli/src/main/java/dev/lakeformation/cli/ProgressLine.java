package dev.lakeformation.cli;

import dev.lakeformation.api.QueryProgress;
import dev.lakeformation.jdbc.driver.LfStatement;
import java.io.PrintStream;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The line lfsql keeps rewriting on a terminal's stderr while a long query runs: work units
 * done of those known, rows fetched, MB/s. It first appears after a second, so quick queries
 * print nothing, and it is erased when the query ends. Its numbers come from the statement's
 * {@link QueryProgress} listener, the driver's public progress API.
 */
final class ProgressLine implements AutoCloseable {
  private static final long FIRST_SHOWN_MILLIS = 1_000;
  private static final long REFRESH_MILLIS = 250;

  private final PrintStream err;
  private final QueryProgress progress;
  private final long startNanos = System.nanoTime();
  private final ScheduledExecutorService timer;
  private int shownLength;

  private ProgressLine(PrintStream err, QueryProgress progress) {
    this.err = err;
    this.progress = progress;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "lfsql-progress");
      thread.setDaemon(true);
      return thread;
    });
    timer.scheduleAtFixedRate(this::show, FIRST_SHOWN_MILLIS, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
  }

  /**
   * A progress line for the next execution of {@code statement} (call before executing it), or
   * null when {@code enabled} is false or the statement is not the driver's.
   */
  static ProgressLine startIf(boolean enabled, Statement statement, PrintStream err) throws SQLException {
    if (!enabled || !statement.isWrapperFor(LfStatement.class)) {
      return null;
    }
    QueryProgress progress = new QueryProgress();
    statement.unwrap(LfStatement.class).setQueryListener(progress);
    return new ProgressLine(err, progress);
  }

  static String describe(QueryProgress.Snapshot progress, double seconds) {
    String units = progress.unitsRead() + "/" + progress.unitsKnown() + (progress.allUnitsKnown() ? "" : "+");
    double megabytesPerSecond = seconds <= 0 ? 0 : progress.bytes() / 1e6 / seconds;
    return String.format("%s work units, %,d rows, %.1f MB/s", units, progress.rows(), megabytesPerSecond);
  }

  private synchronized void show() {
    String text = describe(progress.snapshot(), (System.nanoTime() - startNanos) / 1e9);
    err.print("\r" + text + " ".repeat(Math.max(0, shownLength - text.length())));
    err.flush();
    shownLength = text.length();
  }

  @Override
  public void close() {
    timer.shutdownNow();
    synchronized (this) {
      if (shownLength > 0) {
        err.print("\r" + " ".repeat(shownLength) + "\r");
        err.flush();
      }
    }
  }
}
