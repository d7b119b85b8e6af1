package dev.lakeformation.cli;

import dev.lakeformation.jdbc.driver.NonRegisteringDriver;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.jline.terminal.Terminal;

/**
 * lfsql, the command-line client: runs SQL through the driver and prints the rows, the row count
 * and the elapsed time. Given no {@code -e} or {@code -f}, it offers a prompt on a terminal
 * (see {@link TerminalPrompt}) and otherwise reads statements ending in {@code ;} from
 * standard input.
 */
public final class Lfsql {
  /** SQLState of a connection refused for its URL or properties: a bad argument to lfsql. */
  private static final String BAD_CONNECTION_SETTINGS = "08001";

  private Lfsql() {}

  public static void main(String[] args) {
    TerminalPrompt.Setup prompt = isTerminal(System.console()) ? TerminalPrompt.Setup.system() : null;
    System.exit(run(args, System.in, System.out, System.err, prompt));
  }

  /**
   * Whether standard input and output are a terminal: someone is typing. Up to JDK 21
   * {@code System.console()} answers only then; JDK 22 to 24 answer also when the streams are
   * redirected, and tell the two apart with {@code Console.isTerminal()} (JDK 22+), called by
   * reflection since lfsql is built for JDK 17.
   */
  static boolean isTerminal(Console console) {
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException e) {
      return true; // before JDK 22: a console is a terminal
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }

  /** lfsql without a terminal: statements come from {@code in} unless -e or -f gives them. */
  static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    return run(args, in, out, err, null);
  }

  /**
   * Runs lfsql; returns the exit status: 0, 1 when a statement of a script failed or the
   * connection failed, 2 for bad arguments or a connection refused for its settings (08001: a bad
   * URL, say). A closed standard output ends it with 0.
   *
   * @param prompt the terminal of a person, or null when there is none
   */
  static int run(String[] args, InputStream in, PrintStream out, PrintStream err, TerminalPrompt.Setup prompt) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("lfsql: " + e.getMessage());
      err.println(Options.USAGE);
      return 2;
    }
    if (options.help()) {
      out.println(Options.USAGE);
      return 0;
    }
    Diagnostics diagnostics = new Diagnostics(err, options.debug());
    try {
      Connection connection;
      try {
        connection = connect(options.url());
      } catch (SQLException e) {
        diagnostics.error(e);
        return BAD_CONNECTION_SETTINGS.equals(e.getSQLState()) ? 2 : 1;
      }
      try (connection) {
        boolean progress = prompt != null && !options.noProgress();
        if (options.sql() != null || prompt == null) {
          StatementRunner runner = new StatementRunner(connection, options.format(), out, err, progress,
              options.queryIds(), diagnostics);
          Session session = new Session(runner, new Commands(connection, out, diagnostics, null), null, out,
              diagnostics);
          StatementSource source = new StatementReader(options.sql() != null ? new StringReader(options.sql())
              : new InputStreamReader(in, StandardCharsets.UTF_8));
          return session.runAll(source) ? 1 : 0;
        }
        atPrompt(connection, options, prompt, err, diagnostics, progress);
        return 0;
      }
    } catch (SQLException e) {
      diagnostics.error(e);
      return 1;
    } catch (IOException e) {
      diagnostics.problem("could not read the input: " + e.getMessage());
      return 1;
    } catch (RuntimeException e) {
      diagnostics.unexpected(e);
      return 1;
    }
  }

  /** The prompt: rows go to the terminal, Ctrl-C cancels the running statement. */
  private static void atPrompt(Connection connection, Options options, TerminalPrompt.Setup setup, PrintStream err,
      Diagnostics diagnostics, boolean progress) throws IOException {
    try (Terminal terminal = setup.terminal().open()) {
      PrintStream screen = new PrintStream(terminal.output(), true, terminal.encoding());
      StatementRunner runner = new StatementRunner(connection, options.format(), screen, err, progress,
          options.queryIds(), diagnostics);
      TerminalPrompt prompt = new TerminalPrompt(terminal, new NameCompleter(new SqlNames(connection)),
          setup.historyFile());
      // Outside readLine (which handles Ctrl-C itself) the interrupt key stops the statement.
      terminal.handle(Terminal.Signal.INT, signal -> runner.cancel());
      History history = prompt.history();
      new Session(runner, new Commands(connection, screen, diagnostics, history), history, screen, diagnostics)
          .runAll(prompt);
      screen.println();
    }
  }

  private static Connection connect(String url) throws SQLException {
    Connection connection = new NonRegisteringDriver().connect(url, new Properties());
    if (connection == null) {
      // Driver.connect answers null to another driver's URL; given to lfsql, it is a mistyped one.
      // (The URL is not repeated: it may hold a secret key.)
      throw new SQLException("Not a lakeformation-jdbc URL: it must start with jdbc:lakeformation:// (for example"
          + " jdbc:lakeformation://Region=us-east-1;Database=sales).", BAD_CONNECTION_SETTINGS);
    }
    return connection;
  }
}
