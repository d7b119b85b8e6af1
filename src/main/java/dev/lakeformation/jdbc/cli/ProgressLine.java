package dev.lakeformation.jdbc.cli;

import dev.lakeformation.jdbc.fetch.WorkUnitFetcher;
import java.io.PrintStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The line lfsql keeps rewriting on a terminal's stderr while a long query is read: work units
 * done of those known, rows fetched, MB/s. It first appears after a second, so quick queries
 * print nothing, and it is erased when the query ends.
 */
final class ProgressLine implements AutoCloseable {
  private static final long FIRST_SHOWN_MILLIS = 1_000;
  private static final long REFRESH_MILLIS = 250;

  private final PrintStream err;
  private final WorkUnitFetcher fetcher;
  private final long startNanos = System.nanoTime();
  private final ScheduledExecutorService timer;
  private int shownLength;

  private ProgressLine(PrintStream err, WorkUnitFetcher fetcher) {
    this.err = err;
    this.fetcher = fetcher;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "lfsql-progress");
      thread.setDaemon(true);
      return thread;
    });
    timer.scheduleAtFixedRate(this::show, FIRST_SHOWN_MILLIS, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** A progress line for {@code rs}, or null when {@code enabled} is false or rs has no fetcher. */
  static ProgressLine startIf(boolean enabled, ResultSet rs, PrintStream err) throws SQLException {
    return enabled && rs.isWrapperFor(WorkUnitFetcher.class) ? new ProgressLine(err, rs.unwrap(WorkUnitFetcher.class))
        : null;
  }

  static String describe(WorkUnitFetcher.Progress progress, double seconds) {
    String units = progress.unitsDone() + "/" + progress.unitsKnown() + (progress.allUnitsKnown() ? "" : "+");
    double megabytesPerSecond = seconds <= 0 ? 0 : progress.bytesFetched() / 1e6 / seconds;
    return String.format("%s work units, %,d rows, %.1f MB/s", units, progress.rowsFetched(), megabytesPerSecond);
  }

  private synchronized void show() {
    String text = describe(fetcher.progress(), (System.nanoTime() - startNanos) / 1e9);
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
