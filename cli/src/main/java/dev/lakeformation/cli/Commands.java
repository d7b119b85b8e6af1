package dev.lakeformation.cli;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The backslash commands, answered by lfsql itself (the catalog through DatabaseMetaData),
 * never sent to the service: a line starting with {@code \} is always one of them.
 */
final class Commands {
  /** What a command leaves behind. */
  enum Result { DONE, FAILED, QUIT }

  /** The commands, as the prompt completes them. */
  static final List<String> NAMES = List.of("\\d", "\\dt", "\\dn", "\\history", "\\help", "\\?", "\\q");

  static final String HELP = """
      Statements end with ; and may span lines. Commands (one line, no ;):
        \\d [PATTERN]   tables of the current database, or those matching PATTERN (* and ? are
                       wildcards; schema.PATTERN looks in another database)
        \\d TABLE       the columns of TABLE and their types
        \\dt [PATTERN]  tables, even where PATTERN names one
        \\dn            databases (schemas)
        \\history       the statements typed earlier;  !N runs number N again, !! the last one
        \\? or \\help    this help
        \\q, quit, exit leave (so does Ctrl-D on an empty line)
      Keys: arrows and Emacs keys edit the line, Up/Down walk the history, Ctrl-R searches it,
        Tab completes keywords, databases, tables and columns, Ctrl-C cancels the running
        statement (or clears the line).""";

  private final Connection connection;
  private final PrintStream out;
  private final Diagnostics diagnostics;
  private final History history;

  /** {@code history} is null where there is none (scripts, -e, -f). */
  Commands(Connection connection, PrintStream out, Diagnostics diagnostics, History history) {
    this.connection = connection;
    this.out = out;
    this.diagnostics = diagnostics;
    this.history = history;
  }

  /** Whether a statement is a command rather than SQL: it then ends at its line's end. */
  static boolean isCommand(String text) {
    String line = text.strip();
    return line.startsWith("\\") || line.startsWith("!") || line.equalsIgnoreCase("quit")
        || line.equalsIgnoreCase("exit");
  }

  Result run(String command) throws OutputClosedException {
    String[] words = command.strip().split("\\s+", 2);
    String argument = words.length > 1 ? words[1].strip() : "";
    try {
      switch (words[0].toLowerCase(Locale.ROOT)) {
        case "quit", "exit", "\\q" -> {
          return Result.QUIT;
        }
        case "\\?", "\\help", "\\h" -> out.println(HELP);
        case "\\history" -> {
          if (history == null) {
            diagnostics.problem("there is a history only at the prompt");
            return Result.FAILED;
          }
          history.list(out);
        }
        case "\\dn" -> schemas();
        case "\\dt" -> {
          return tables(argument, false);
        }
        case "\\d" -> {
          return tables(argument, true);
        }
        default -> {
          diagnostics.problem("unknown command " + words[0] + " (\\? lists the commands)");
          return Result.FAILED;
        }
      }
      return Result.DONE;
    } catch (SQLException e) {
      diagnostics.error(e);
      return Result.FAILED;
    }
  }

  private void schemas() throws SQLException, OutputClosedException {
    List<String[]> rows = new ArrayList<>();
    try (ResultSet rs = connection.getMetaData().getSchemas()) {
      while (rs.next()) {
        rows.add(new String[] {rs.getString("TABLE_SCHEM")});
      }
    }
    TableFormat.print(List.of("Database"), rows, out);
  }

  /**
   * Lists the tables matching {@code pattern}; with {@code describe}, a pattern without
   * wildcards that names tables exactly shows their columns instead.
   */
  private Result tables(String pattern, boolean describe) throws SQLException, OutputClosedException {
    DatabaseMetaData md = connection.getMetaData();
    int dot = pattern.lastIndexOf('.');
    String schema = dot >= 0 ? pattern.substring(0, dot) : connection.getSchema();
    String schemaPattern = schema == null ? null : SqlNames.literal(md, schema);
    String name = pattern.substring(dot + 1);
    String tablePattern = name.isEmpty() ? "%" : name.replace('*', '%').replace('?', '_');
    List<String[]> found = new ArrayList<>();
    try (ResultSet rs = md.getTables(null, schemaPattern, tablePattern, null)) {
      while (rs.next()) {
        found.add(new String[] {rs.getString("TABLE_SCHEM"), rs.getString("TABLE_NAME"), rs.getString("TABLE_TYPE")});
      }
    }
    boolean wildcards = name.isEmpty() || name.matches(".*[*?%].*");
    List<String[]> named = found.stream().filter(t -> t[1].equalsIgnoreCase(name)).toList();
    if (describe && !wildcards && !named.isEmpty()) {
      for (String[] table : named) {
        columns(md, table[0], table[1]);
      }
      return Result.DONE;
    }
    if (found.isEmpty() && !name.isEmpty()) {
      diagnostics.problem("no table matches " + pattern);
      return Result.FAILED;
    }
    TableFormat.print(List.of("Database", "Table", "Type"), found, out);
    return Result.DONE;
  }

  private void columns(DatabaseMetaData md, String schema, String table) throws SQLException, OutputClosedException {
    List<String[]> rows = new ArrayList<>();
    try (ResultSet rs = md.getColumns(null, SqlNames.literal(md, schema), SqlNames.literal(md, table), "%")) {
      while (rs.next()) {
        String type = rs.getString("TYPE_NAME");
        int jdbcType = rs.getInt("DATA_TYPE");
        if (jdbcType == Types.DECIMAL || jdbcType == Types.NUMERIC) {
          type += "(" + rs.getInt("COLUMN_SIZE") + "," + rs.getInt("DECIMAL_DIGITS") + ")";
        }
        rows.add(new String[] {rs.getString("COLUMN_NAME"), type});
      }
    }
    out.println("Table " + schema + "." + table);
    TableFormat.print(List.of("Column", "Type"), rows, out);
  }
}
