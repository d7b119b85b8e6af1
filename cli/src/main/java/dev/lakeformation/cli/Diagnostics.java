package dev.lakeformation.cli;

import java.io.PrintStream;
import java.sql.SQLException;

/** How lfsql reports a failure on stderr: one line, and the stack trace only with --debug. */
final class Diagnostics {
  private final PrintStream err;
  private final boolean debug;

  Diagnostics(PrintStream err, boolean debug) {
    this.err = err;
    this.debug = debug;
  }

  /** {@code ERROR <SQLState>: <message>}, the form the troubleshooting guide looks up. */
  void error(SQLException e) {
    err.println("ERROR " + e.getSQLState() + ": " + e.getMessage());
    if (debug) {
      e.printStackTrace(err);
    }
  }

  /** A problem of lfsql's own (an unknown command, a missing history entry). */
  void problem(String message) {
    err.println("lfsql: " + message);
  }

  /** A failure nobody planned for: still one line, unless --debug asks for the trace. */
  void unexpected(RuntimeException e) {
    err.println("lfsql: unexpected " + e + (debug ? "" : " (--debug prints the stack trace)"));
    if (debug) {
      e.printStackTrace(err);
    }
  }
}
