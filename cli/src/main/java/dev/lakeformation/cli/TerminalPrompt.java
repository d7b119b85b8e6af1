package dev.lakeformation.cli;

import java.io.IOError;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.Widget;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.utils.Signals;

/**
 * lfsql's prompt, on JLine: line editing, a history kept in a file and searched with Ctrl-R,
 * completion of names. A statement may span lines (the prompt asks for more until a {@code ;}
 * ends it, see {@link SqlLineParser}); one line may hold several. Ctrl-C drops the line being
 * typed, Ctrl-D on an empty line ends the input.
 */
final class TerminalPrompt implements StatementSource {
  static final String PROMPT = "lfsql> ";
  static final String CONTINUATION_PROMPT = "    -> ";
  private static final int FAILURES_BEFORE_GIVING_UP = 3;

  /** A person's terminal, opened only once a prompt is needed, and where the history is kept. */
  record Setup(Opener terminal, Path historyFile) {
    /** Opens the terminal. */
    @FunctionalInterface
    interface Opener {
      Terminal open() throws IOException;
    }

    /** This process's own terminal, and the history in {@code ~/.lfsql_history}. */
    static Setup system() {
      String home = System.getProperty("user.home");
      return new Setup(Setup::openSystemTerminal, Path.of(home == null ? "." : home, ".lfsql_history"));
    }

    /**
     * The terminal through JLine's "exec" provider, which works it with {@code stty} in child
     * processes: pure Java, so no native library and no JVM flag. Where that cannot work
     * (TERM=dumb), JLine falls back to its dumb terminal: plain line reading.
     */
    private static Terminal openSystemTerminal() throws IOException {
      Terminal terminal = TerminalBuilder.builder().name("lfsql").system(true).provider("exec").dumb(true)
          .nativeSignals(true).build();
      if (terminal instanceof DumbTerminal) {
        // The dumb terminal leaves SIGINT to the JVM, which would end lfsql on Ctrl-C: hand it
        // to the terminal's handlers, as the exec terminal does.
        Signals.register(Terminal.Signal.INT.name(), () -> terminal.raise(Terminal.Signal.INT));
      }
      return terminal;
    }
  }

  private final LineReader reader;
  private final Deque<String> typed = new ArrayDeque<>();

  TerminalPrompt(Terminal terminal, Completer completer, Path historyFile) {
    this.reader = LineReaderBuilder.builder()
        .terminal(terminal)
        .appName("lfsql")
        .parser(new SqlLineParser())
        .completer(completer)
        .history(new DefaultHistory())
        .variable(LineReader.HISTORY_FILE, historyFile)
        .variable(LineReader.HISTORY_SIZE, History.KEPT)
        .variable(LineReader.HISTORY_FILE_SIZE, History.KEPT)
        // !N and !! are answered by History, which then keeps the statement they stand for.
        .variable(LineReader.HISTORY_IGNORE, "!*")
        .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION_PROMPT)
        .variable(LineReader.BLINK_MATCHING_PAREN, 0)
        // One statement per line in the file, as lfsql always wrote it (no timestamps).
        .option(LineReader.Option.HISTORY_TIMESTAMPED, false)
        // JLine would expand ! anywhere in a line, as in 'Hello!' or a != b: lfsql does it only for !N.
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
        .option(LineReader.Option.CASE_INSENSITIVE, true)
        .build();
    // Enter takes the whole buffer wherever the cursor is, as readline does: an unfinished
    // statement goes on in a new line after it (JLine would split the line at the cursor).
    Widget acceptLine = reader.getBuiltinWidgets().get(LineReader.ACCEPT_LINE);
    reader.getWidgets().put(LineReader.ACCEPT_LINE, () -> {
      reader.getBuffer().cursor(reader.getBuffer().length());
      return acceptLine.apply();
    });
  }

  History history() {
    return new History(reader.getHistory());
  }

  @Override
  public String next() throws IOException {
    int failedInARow = 0;
    while (typed.isEmpty()) {
      String lines;
      try {
        lines = reader.readLine(PROMPT);
      } catch (UserInterruptException e) {
        continue; // Ctrl-C: what was typed is dropped, a fresh prompt follows
      } catch (EndOfFileException e) {
        return null;
      } catch (IOError e) {
        // JLine sets the terminal's modes with stty in a child process as a line starts and
        // ends. The Ctrl-C that reaches lfsql then reaches that child too, whose death JLine
        // reports as an IOError: the line is dropped, as Ctrl-C does. Failing again and again
        // means the terminal itself is gone.
        if (++failedInARow >= FAILURES_BEFORE_GIVING_UP) {
          throw new IOException("the terminal does not answer", e);
        }
        continue;
      }
      failedInARow = 0;
      StatementReader statements = new StatementReader(new StringReader(lines));
      for (String statement; (statement = statements.next()) != null; ) {
        typed.add(statement);
      }
    }
    return typed.poll();
  }
}
