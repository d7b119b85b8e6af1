package dev.lakeformation.jdbc.cli;

import dev.lakeformation.jdbc.driver.NonRegisteringDriver;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * lfsql, the command-line client: runs SQL through the driver and prints the rows, the row count
 * and the elapsed time. Given no {@code -e} or {@code -f}, it reads statements ending in
 * {@code ;} from standard input, with a prompt and a history file on a terminal.
 */
public final class Lfsql {
  static final String USAGE = """
      usage: lfsql (--url URL | --local) [-e SQL | -f FILE] [--format table|csv|json|jsonl] [--no-progress] [--debug]
             lfsql local [options]      (LakeFormation Local as a server; see lfsql local --help)
        --url URL      a driver URL, jdbc:lakeformation://Region=…;Database=…
        --local        LakeFormation Local in this process, with the tpch and types databases
        -e SQL         run SQL and exit;  -f FILE: run the statements in FILE and exit
                       (neither: read statements ending in ; from standard input)
        --format F     table (default), csv, json or jsonl
        --no-progress  no progress line on the terminal for long queries
        --debug        print stack traces with errors""";

  /** SQLState of a connection refused for its URL or properties: a bad argument to lfsql. */
  private static final String BAD_CONNECTION_SETTINGS = "08001";

  private final PrintStream out;
  private final PrintStream err;
  private final OutputFormat format;
  private final boolean debug;
  private final boolean progress;

  private Lfsql(PrintStream out, PrintStream err, OutputFormat format, boolean debug, boolean progress) {
    this.out = out;
    this.err = err;
    this.format = format;
    this.debug = debug;
    this.progress = progress;
  }

  public static void main(String[] args) {
    boolean terminal = System.console() != null;
    System.exit(run(args, System.in, System.out, System.err, terminal));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, InputStream.nullInputStream(), out, err, false);
  }

  /**
   * Runs lfsql; returns the exit status: 0, 1 when a statement failed, 2 for bad arguments
   * (a bad URL included).
   *
   * @param terminal whether a person is typing: prompts, history and the progress line
   */
  static int run(String[] args, InputStream in, PrintStream out, PrintStream err, boolean terminal) {
    String url = null;
    String sql = null;
    OutputFormat format = OutputFormat.TABLE;
    boolean debug = false;
    boolean progress = terminal;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--url" -> url = value(args, ++i);
          case "--local" -> url = "jdbc:lakeformation://Local=true";
          case "-e" -> sql = value(args, ++i);
          case "-f" -> sql = readFile(value(args, ++i));
          case "--format" -> format = OutputFormat.named(value(args, ++i));
          case "--no-progress" -> progress = false;
          case "--debug" -> debug = true;
          case "-h", "--help" -> {
            out.println(USAGE);
            return 0;
          }
          default -> throw new IllegalArgumentException("unknown argument " + args[i]);
        }
      }
      if (url == null) {
        throw new IllegalArgumentException("say where to connect: --url URL or --local");
      }
    } catch (IllegalArgumentException e) {
      err.println("lfsql: " + e.getMessage());
      err.println(USAGE);
      return 2;
    }
    Lfsql lfsql = new Lfsql(out, err, format, debug, progress);
    Connection opened;
    try {
      opened = connect(url);
    } catch (SQLException e) {
      lfsql.report(e);
      return BAD_CONNECTION_SETTINGS.equals(e.getSQLState()) ? 2 : 1;
    }
    try (Connection connection = opened) {
      if (sql != null) {
        return lfsql.runAll(connection, new java.io.StringReader(sql), null);
      }
      History history = terminal ? History.inHomeDirectory() : null;
      Charset charset = terminal ? Charset.defaultCharset() : StandardCharsets.UTF_8;
      return lfsql.runAll(connection, new InputStreamReader(in, charset), history);
    } catch (SQLException e) {
      lfsql.report(e);
      return 1;
    }
  }

  /** Runs every statement of {@code input}; with a history, as a prompt for a person. */
  private int runAll(Connection connection, java.io.Reader input, History history) {
    StatementReader statements = new StatementReader(input);
    boolean failed = false;
    try {
      while (true) {
        if (history != null) {
          out.print("lfsql> ");
          out.flush();
        }
        String statement = statements.next(() -> {
          if (history != null) {
            out.print("    -> ");
            out.flush();
          }
        });
        if (statement == null) {
          break;
        }
        if (statement.isEmpty()) {
          continue;
        }
        if (statement.equalsIgnoreCase("quit") || statement.equalsIgnoreCase("exit")) {
          break;
        }
        if (history != null) {
          statement = history.expand(statement, out);
          if (statement == null) {
            continue;
          }
          history.add(statement);
        }
        failed |= !runOne(connection, statement);
      }
    } catch (OutputClosedException e) {
      return 0; // the reader (| head) has all it wanted
    } catch (IOException e) {
      err.println("lfsql: could not read the input: " + e.getMessage());
      return 1;
    }
    if (history != null) {
      out.println();
    }
    return failed && history == null ? 1 : 0;
  }

  /**
   * Runs one statement and prints its rows; false when it failed (the error is printed).
   * When standard output is closed, the statement is cancelled and OutputClosedException thrown.
   */
  private boolean runOne(Connection connection, String sql) throws OutputClosedException {
    long start = System.nanoTime();
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      long rows;
      try (ProgressLine line = ProgressLine.startIf(progress, rs, err)) {
        rows = format.write(rs, out);
      } catch (OutputClosedException e) {
        statement.cancel();
        throw e;
      }
      out.flush();
      err.printf("%d row%s in %.3f s%n", rows, rows == 1 ? "" : "s", (System.nanoTime() - start) / 1e9);
      return true;
    } catch (SQLException e) {
      out.flush();
      report(e);
      return false;
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

  private void report(SQLException e) {
    err.println("ERROR " + e.getSQLState() + ": " + e.getMessage());
    if (debug) {
      e.printStackTrace(err);
    }
  }

  private static String readFile(String name) {
    try {
      return Files.readString(Path.of(name), StandardCharsets.UTF_8);
    } catch (IOException | java.nio.file.InvalidPathException e) {
      throw new IllegalArgumentException("cannot read the SQL file " + name + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a value");
    }
    return args[i];
  }
}
