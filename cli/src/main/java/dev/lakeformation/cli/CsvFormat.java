package dev.lakeformation.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;

/**
 * CSV as RFC 4180 describes it, in UTF-8, with a header line of column labels. A field is
 * quoted when it holds a comma, a double quote (doubled inside), a line break (kept as is) or
 * nothing at all, so that an empty string ({@code ""}) differs from NULL (an empty field).
 * Lines end with LF, not the RFC's CRLF: Unix tools expect it and CSV readers accept both.
 * Values are the driver's text ({@code getString}); lists, structs and maps are JSON.
 */
final class CsvFormat {
  private CsvFormat() {}

  static long write(ResultSet rs, PrintStream out) throws SQLException, OutputClosedException {
    ResultSetMetaData md = rs.getMetaData();
    int columns = md.getColumnCount();
    boolean[] mayNest = new boolean[columns + 1];
    StringBuilder line = new StringBuilder();
    for (int c = 1; c <= columns; c++) {
      int type = md.getColumnType(c);
      mayNest[c] = type == Types.ARRAY || type == Types.STRUCT || type == Types.OTHER;
      line.append(c == 1 ? "" : ",").append(field(md.getColumnLabel(c)));
    }
    emit(line, out);
    long rows = 0;
    while (rs.next()) {
      line.setLength(0);
      for (int c = 1; c <= columns; c++) {
        line.append(c == 1 ? "" : ",");
        Object nested = mayNest[c] ? rs.getObject(c) : null;
        String value = JsonValues.isNested(nested) ? JsonValues.text(nested) : rs.getString(c);
        if (!rs.wasNull()) {
          line.append(field(value));
        }
      }
      emit(line, out);
      rows++;
    }
    return rows;
  }

  private static void emit(StringBuilder line, PrintStream out) throws OutputClosedException {
    byte[] bytes = line.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    out.write(bytes, 0, bytes.length);
    OutputClosedException.check(out);
  }

  private static String field(String value) {
    boolean quote = value.isEmpty();
    for (int i = 0; i < value.length() && !quote; i++) {
      char ch = value.charAt(i);
      quote = ch == ',' || ch == '"' || ch == '\n' || ch == '\r';
    }
    return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }
}
