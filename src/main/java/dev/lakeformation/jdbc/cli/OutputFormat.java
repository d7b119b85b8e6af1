package dev.lakeformation.jdbc.cli;

import java.io.PrintStream;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How lfsql prints rows: each format streams the result and returns the number of rows. */
enum OutputFormat {
  /** Aligned columns; rows are buffered in blocks of {@value #TABLE_BLOCK_ROWS} to size them. */
  TABLE {
    @Override
    long print(ResultSet rs, PrintStream out) throws SQLException {
      String[] header = labels(rs.getMetaData());
      int columns = header.length;
      long total = 0;
      boolean more = true;
      boolean first = true;
      while (more) {
        List<String[]> block = new ArrayList<>();
        while (block.size() < TABLE_BLOCK_ROWS && (more = rs.next())) {
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
          printAligned(out, header, widths);
          StringBuilder rule = new StringBuilder();
          for (int c = 0; c < columns; c++) {
            rule.append(c == 0 ? "" : "-+-").append("-".repeat(widths[c]));
          }
          out.println(rule);
          first = false;
        }
        for (String[] row : block) {
          printAligned(out, row, widths);
        }
        total += block.size();
      }
      return total;
    }
  },

  /** RFC 4180 CSV with a header line; NULL is an empty field. */
  CSV {
    @Override
    long print(ResultSet rs, PrintStream out) throws SQLException {
      String[] header = labels(rs.getMetaData());
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < header.length; c++) {
        line.append(c == 0 ? "" : ",").append(csv(header[c]));
      }
      out.println(line);
      long rows = 0;
      while (rs.next()) {
        line.setLength(0);
        for (int c = 1; c <= header.length; c++) {
          String value = rs.getString(c);
          line.append(c == 1 ? "" : ",").append(rs.wasNull() ? "" : csv(value));
        }
        out.println(line);
        rows++;
      }
      return rows;
    }
  },

  /**
   * A JSON array with one object per row, one row per line: finite numbers and booleans as
   * JSON values, NULL as null, everything else as the string {@code getString} gives.
   */
  JSON {
    @Override
    long print(ResultSet rs, PrintStream out) throws SQLException {
      String[] header = labels(rs.getMetaData());
      String[] keys = new String[header.length];
      for (int c = 0; c < header.length; c++) {
        keys[c] = jsonString(header[c]) + ":";
      }
      out.print("[");
      long rows = 0;
      StringBuilder line = new StringBuilder();
      while (rs.next()) {
        line.setLength(0);
        line.append(rows == 0 ? "\n{" : ",\n{");
        for (int c = 1; c <= keys.length; c++) {
          line.append(c == 1 ? "" : ",").append(keys[c - 1]);
          Object value = rs.getObject(c);
          if (value == null) {
            line.append("null");
          } else if (value instanceof Boolean || isFiniteNumber(value)) {
            line.append(value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString());
          } else {
            line.append(jsonString(rs.getString(c)));
          }
        }
        out.print(line.append('}'));
        rows++;
      }
      out.println(rows == 0 ? "]" : "\n]");
      return rows;
    }
  };

  private static final int TABLE_BLOCK_ROWS = 10_000;

  abstract long print(ResultSet rs, PrintStream out) throws SQLException;

  static OutputFormat named(String name) {
    for (OutputFormat format : values()) {
      if (format.name().equalsIgnoreCase(name)) {
        return format;
      }
    }
    throw new IllegalArgumentException("unknown format " + name + " (table, csv or json)");
  }

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  private static String[] labels(ResultSetMetaData md) throws SQLException {
    String[] labels = new String[md.getColumnCount()];
    for (int c = 0; c < labels.length; c++) {
      labels[c] = md.getColumnLabel(c + 1);
    }
    return labels;
  }

  private static void printAligned(PrintStream out, String[] values, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < values.length; c++) {
      line.append(c == 0 ? "" : " | ").append(values[c]).append(" ".repeat(widths[c] - values[c].length()));
    }
    out.println(line.toString().stripTrailing());
  }

  private static String csv(String value) {
    return value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")
        ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
  }

  private static boolean isFiniteNumber(Object value) {
    if (value instanceof Double d) {
      return Double.isFinite(d);
    }
    if (value instanceof Float f) {
      return Float.isFinite(f);
    }
    return value instanceof Number;
  }

  static String jsonString(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      switch (ch) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (ch < 0x20) {
            out.append(String.format("\\u%04x", (int) ch));
          } else {
            out.append(ch);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
