package dev.lakeformation.cli;

import dev.lakeformation.jdbc.driver.LfStatement;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one SQL statement and prints its rows, then the row count and the elapsed time on
 * stderr (and, when asked, the Lake Formation query ID, also of a statement that failed). The statement that is running can be cancelled from another thread (Ctrl-C), and is
 * cancelled here when standard output turns out to be closed.
 */
final class StatementRunner {
  /** How a statement ended. */
  enum Outcome { DONE, FAILED, OUTPUT_CLOSED }

  private final Connection connection;
  private final OutputFormat format;
  private final PrintStream out;
  private final PrintStream err;
  private final boolean progress;
  private final boolean queryIds;
  private final Diagnostics diagnostics;
  private final AtomicReference<Statement> running = new AtomicReference<>();
  private volatile boolean cancelRequested;

  StatementRunner(Connection connection, OutputFormat format, PrintStream out, PrintStream err, boolean progress,
      boolean queryIds, Diagnostics diagnostics) {
    this.connection = connection;
    this.format = format;
    this.out = out;
    this.err = err;
    this.progress = progress;
    this.queryIds = queryIds;
    this.diagnostics = diagnostics;
  }

  @SuppressWarnings("try") // the progress line is a resource only to be closed (erased) in time
  Outcome run(String sql) {
    long start = System.nanoTime();
    cancelRequested = false;
    try (Statement statement = connection.createStatement()) {
      running.set(statement);
      long rows;
      try (ProgressLine line = ProgressLine.startIf(progress, statement, err);
          ResultSet rs = statement.executeQuery(sql)) {
        if (cancelRequested) {
          cancel(statement); // Ctrl-C came before the driver had a query to stop
        }
        rows = format.write(rs, out);
      } catch (OutputClosedException e) {
        // Closing the result has already stopped the fetching; the statement is cancelled as well.
        cancel(statement);
        return Outcome.OUTPUT_CLOSED;
      } catch (SQLException e) {
        out.flush();
        diagnostics.error(e);
        // A query that failed after planning has an ID too, and a support case starts from it.
        String queryId = queryId(statement);
        if (queryId != null) {
          err.println("query " + queryId);
        }
        return Outcome.FAILED;
      } finally {
        running.set(null);
      }
      // The progress line is gone by now: the count goes on a clean line.
      String queryId = queryId(statement);
      err.printf("%d row%s in %.3f s%s%n", rows, rows == 1 ? "" : "s", (System.nanoTime() - start) / 1e9,
          queryId == null ? "" : ", query " + queryId);
      return Outcome.DONE;
    } catch (SQLException e) {
      out.flush();
      diagnostics.error(e);
      return Outcome.FAILED;
    }
  }

  /** The statement's query ID when --query-id asks for it and it ran a Lake Formation query, else null. */
  private String queryId(Statement statement) throws SQLException {
    return queryIds && statement.isWrapperFor(LfStatement.class) ? statement.unwrap(LfStatement.class).getQueryId()
        : null;
  }

  /**
   * Cancels the running statement, if any, from any thread: the driver stops planning and
   * fetching it, and {@link #run} reports it as failed with SQLState HY008.
   */
  void cancel() {
    cancelRequested = true;
    Statement statement = running.get();
    if (statement != null) {
      cancel(statement);
    }
  }

  private static void cancel(Statement statement) {
    try {
      statement.cancel();
    } catch (SQLException e) {
      // it ended (and closed) meanwhile: nothing left to stop
    }
  }
}
