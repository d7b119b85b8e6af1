package dev.lakeformation.jdbc.cli;

import dev.lakeformation.jdbc.driver.NonRegisteringDriver;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * lfsql, the command-line client: runs one query through the driver and prints its rows.
 *
 * <pre>
 * lfsql (--url URL | --local) (-e SQL | -f FILE) [--format table|csv] [--debug]
 * </pre>
 */
public final class Lfsql {
  private static final String USAGE = "usage: lfsql (--url URL | --local) (-e SQL | -f FILE) [--format table|csv] [--debug]";
  private static final int MAX_TABLE_ROWS_BUFFERED = 10_000;

  private Lfsql() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    String url = null;
    String sql = null;
    String format = "table";
    boolean debug = false;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--url" -> url = value(args, ++i);
          case "--local" -> url = "jdbc:lakeformation://Local=true";
          case "-e" -> sql = value(args, ++i);
          case "-f" -> sql = readFile(value(args, ++i));
          case "--format" -> format = value(args, ++i);
          case "--debug" -> debug = true;
          default -> throw new IllegalArgumentException("unknown argument " + args[i]);
        }
      }
      if (url == null || sql == null || !(format.equals("table") || format.equals("csv"))) {
        throw new IllegalArgumentException("missing or bad arguments");
      }
    } catch (IllegalArgumentException e) {
      err.println("lfsql: " + e.getMessage());
      err.println(USAGE);
      return 2;
    }
    long start = System.nanoTime();
    try (Connection connection = new NonRegisteringDriver().connect(url, new Properties());
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql.strip().replaceFirst(";$", ""))) {
      long rows = format.equals("csv") ? printCsv(rs, out) : printTable(rs, out);
      err.printf("%d row%s in %.3f s%n", rows, rows == 1 ? "" : "s", (System.nanoTime() - start) / 1e9);
      return 0;
    } catch (SQLException e) {
      err.println("ERROR " + e.getSQLState() + ": " + e.getMessage());
      if (debug) {
        e.printStackTrace(err);
      }
      return 1;
    }
  }

  private static String readFile(String name) {
    try {
      return Files.readString(Path.of(name), StandardCharsets.UTF_8);
    } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
      throw new IllegalArgumentException("cannot read the SQL file " + name + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a value");
    }
    return args[i];
  }

  /** An aligned table; rows are buffered in blocks to size the columns. */
  private static long printTable(ResultSet rs, PrintStream out) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    int columns = md.getColumnCount();
    String[] header = new String[columns];
    for (int c = 0; c < columns; c++) {
      header[c] = md.getColumnLabel(c + 1);
    }
    long total = 0;
    boolean more = true;
    boolean first = true;
    while (more) {
      List<String[]> block = new ArrayList<>();
      while (block.size() < MAX_TABLE_ROWS_BUFFERED && (more = rs.next())) {
        String[] row = new String[columns];
        for (int c = 0; c < columns; c++) {
          String value = rs.getString(c + 1);
          row[c] = rs.wasNull() ? "NULL" : value;
        }
        block.add(row);
      }
      if (!first && block.isEmpty()) {
        break;
      }
      int[] widths = new int[columns];
      for (int c = 0; c < columns; c++) {
        widths[c] = header[c].length();
        for (String[] row : block) {
          widths[c] = Math.max(widths[c], row[c].length());
        }
      }
      if (first) {
        printRow(out, header, widths);
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < columns; c++) {
          rule.append(c == 0 ? "" : "-+-").append("-".repeat(widths[c]));
        }
        out.println(rule);
        first = false;
      }
      for (String[] row : block) {
        printRow(out, row, widths);
      }
      total += block.size();
    }
    return total;
  }

  private static void printRow(PrintStream out, String[] values, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < values.length; c++) {
      line.append(c == 0 ? "" : " | ").append(values[c]).append(" ".repeat(widths[c] - values[c].length()));
    }
    out.println(line.toString().stripTrailing());
  }

  private static long printCsv(ResultSet rs, PrintStream out) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    int columns = md.getColumnCount();
    List<String> header = new ArrayList<>();
    for (int c = 1; c <= columns; c++) {
      header.add(csv(md.getColumnLabel(c)));
    }
    out.println(String.join(",", header));
    long rows = 0;
    while (rs.next()) {
      StringBuilder line = new StringBuilder();
      for (int c = 1; c <= columns; c++) {
        String value = rs.getString(c);
        line.append(c == 1 ? "" : ",").append(rs.wasNull() ? "" : csv(value));
      }
      out.println(line);
      rows++;
    }
    return rows;
  }

  private static String csv(String value) {
    return value.contains(",") || value.contains("\"") || value.contains("\n")
        ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
  }
}
