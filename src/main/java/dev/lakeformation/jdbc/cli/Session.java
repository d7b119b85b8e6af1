package dev.lakeformation.jdbc.cli;

import java.io.IOException;
import java.io.PrintStream;

/** Runs what a StatementSource gives, statement by statement, and says how the run ends. */
final class Session {
  private final StatementRunner runner;
  private final Commands commands;
  private final History history;
  private final PrintStream out;
  private final Diagnostics diagnostics;

  /** {@code history} is null outside the prompt. */
  Session(StatementRunner runner, Commands commands, History history, PrintStream out, Diagnostics diagnostics) {
    this.runner = runner;
    this.commands = commands;
    this.history = history;
    this.out = out;
    this.diagnostics = diagnostics;
  }

  /**
   * Runs every statement and command of {@code source} until its end, {@code quit} or a
   * closed standard output; returns whether one of them failed. A closed output ends the run
   * quietly, as a success: the reader has all it wanted.
   */
  boolean runAll(StatementSource source) throws IOException {
    boolean failed = false;
    String text;
    while ((text = source.next()) != null) {
      if (text.startsWith("!")) {
        if (history == null) {
          diagnostics.problem("there is a history only at the prompt");
          failed = true;
          continue;
        }
        text = history.expand(text, out, diagnostics);
        if (text == null) {
          continue;
        }
      }
      try {
        if (Commands.isCommand(text)) {
          Commands.Result result = commands.run(text);
          if (result == Commands.Result.QUIT) {
            break;
          }
          failed |= result == Commands.Result.FAILED;
        } else if (!text.isEmpty()) {
          StatementRunner.Outcome outcome = runner.run(text);
          if (outcome == StatementRunner.Outcome.OUTPUT_CLOSED) {
            return false;
          }
          failed |= outcome == StatementRunner.Outcome.FAILED;
        }
      } catch (OutputClosedException e) {
        return false;
      }
    }
    return failed;
  }
}
