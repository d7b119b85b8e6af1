package dev.lakeformation.cli;

import java.io.PrintStream;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Aligned columns separated by {@code |}, a rule under the header, NULL spelled out. Rows are
 * read in blocks of {@value #BLOCK_ROWS} to size the columns, so a block's first row appears
 * once the block is read; the width can grow from one block to the next.
 */
final class TableFormat {
  static final int BLOCK_ROWS = 10_000;

  private TableFormat() {}

  static long write(ResultSet rs, PrintStream out) throws SQLException, OutputClosedException {
    ResultSetMetaData md = rs.getMetaData();
    List<String> header = new ArrayList<>();
    for (int c = 1; c <= md.getColumnCount(); c++) {
      header.add(md.getColumnLabel(c));
    }
    long total = 0;
    boolean more = true;
    boolean first = true;
    while (more) {
      List<String[]> block = new ArrayList<>();
      while (block.size() < BLOCK_ROWS && (more = rs.next())) {
        String[] row = new String[header.size()];
        for (int c = 0; c < row.length; c++) {
          String value = rs.getString(c + 1);
          row[c] = rs.wasNull() ? "NULL" : value;
        }
        block.add(row);
      }
      if (!first && block.isEmpty()) {
        break;
      }
      print(header, first, block, out);
      first = false;
      total += block.size();
    }
    return total;
  }

  /** Prints rows aligned under a header and its rule. */
  static void print(List<String> header, List<String[]> rows, PrintStream out) throws OutputClosedException {
    print(header, true, rows, out);
  }

  /**
   * Prints rows aligned to the widths of their values and of the header (shown or not),
   * checking after each row that the output is still open.
   */
  private static void print(List<String> header, boolean showHeader, List<String[]> rows, PrintStream out)
      throws OutputClosedException {
    int columns = header.size();
    int[] widths = new int[columns];
    for (int c = 0; c < columns; c++) {
      widths[c] = header.get(c).length();
      for (String[] row : rows) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    if (showHeader) {
      printAligned(out, header.toArray(String[]::new), widths);
      StringBuilder rule = new StringBuilder();
      for (int c = 0; c < columns; c++) {
        rule.append(c == 0 ? "" : "-+-").append("-".repeat(widths[c]));
      }
      out.println(rule);
    }
    for (String[] row : rows) {
      printAligned(out, row, widths);
      OutputClosedException.check(out);
    }
  }

  private static void printAligned(PrintStream out, String[] values, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < values.length; c++) {
      line.append(c == 0 ? "" : " | ").append(values[c]).append(" ".repeat(widths[c] - values[c].length()));
    }
    out.println(line.toString().stripTrailing());
  }
}
