package dev.lakeformation.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;

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

  /** How one statement or command ended, as far as the run goes. */
  private enum Step { DONE, FAILED, QUIT, OUTPUT_CLOSED }

  /**
   * Runs every statement and command of {@code source} until its end, {@code quit} or a
   * closed standard output; returns whether one of them failed. A closed output ends the run
   * quietly, as a success: the reader has all it wanted.
   */
  boolean runAll(StatementSource source) throws IOException {
    boolean failed = false;
    String text;
    while ((text = source.next()) != null) {
      switch (text.startsWith("!") ? runFromHistory(text) : run(text)) {
        case DONE -> { }
        case FAILED -> failed = true;
        case QUIT -> {
          return failed;
        }
        case OUTPUT_CLOSED -> {
          return false;
        }
      }
    }
    return failed;
  }

  /** {@code !N} or {@code !!}: the statements of that history entry, one after the other. */
  private Step runFromHistory(String reference) throws IOException {
    if (history == null) {
      diagnostics.problem("there is a history only at the prompt");
      return Step.FAILED;
    }
    String entry = history.expand(reference, out, diagnostics);
    if (entry == null) {
      return Step.FAILED;
    }
    Step result = Step.DONE;
    StatementReader statements = new StatementReader(new StringReader(entry));
    for (String statement; (statement = statements.next()) != null; ) {
      Step step = run(statement);
      if (step == Step.QUIT || step == Step.OUTPUT_CLOSED) {
        return step;
      }
      if (step == Step.FAILED) {
        result = Step.FAILED;
      }
    }
    return result;
  }

  private Step run(String text) {
    try {
      if (Commands.isCommand(text)) {
        return switch (commands.run(text)) {
          case DONE -> Step.DONE;
          case FAILED -> Step.FAILED;
          case QUIT -> Step.QUIT;
        };
      }
      if (text.isEmpty()) {
        return Step.DONE;
      }
      return switch (runner.run(text)) {
        case DONE -> Step.DONE;
        case FAILED -> Step.FAILED;
        case OUTPUT_CLOSED -> Step.OUTPUT_CLOSED;
      };
    } catch (OutputClosedException e) {
      return Step.OUTPUT_CLOSED;
    }
  }
}
