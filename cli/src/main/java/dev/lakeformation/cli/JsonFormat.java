package dev.lakeformation.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/**
 * The JSON formats, always in UTF-8 (RFC 8259): {@code json}, one array of row objects with
 * one row per line, and {@code jsonl}, one row object per line with nothing around them (for
 * jq and line-by-line readers). Each object has the columns' labels as keys, in column order;
 * values are written by {@link JsonValues}.
 */
final class JsonFormat {
  private JsonFormat() {}

  static long writeArray(ResultSet rs, PrintStream out) throws SQLException, OutputClosedException {
    return write(rs, out, true);
  }

  static long writeLines(ResultSet rs, PrintStream out) throws SQLException, OutputClosedException {
    return write(rs, out, false);
  }

  private static long write(ResultSet rs, PrintStream out, boolean array) throws SQLException, OutputClosedException {
    ResultSetMetaData md = rs.getMetaData();
    String[] labels = new String[md.getColumnCount()];
    int[] types = new int[labels.length];
    for (int c = 0; c < labels.length; c++) {
      labels[c] = md.getColumnLabel(c + 1);
      types[c] = md.getColumnType(c + 1);
    }
    long rows = 0;
    // The bytes go straight to the PrintStream, which never throws: checkError() tells when it failed.
    try (JsonGenerator json = JsonValues.FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      json.setRootValueSeparator(null);
      if (array) {
        json.writeRaw('[');
      }
      while (rs.next()) {
        if (array) {
          json.writeRaw(rows == 0 ? "\n" : ",\n");
        }
        json.writeStartObject();
        for (int c = 0; c < labels.length; c++) {
          json.writeFieldName(labels[c]);
          JsonValues.write(json, JsonValues.read(rs, c + 1, types[c]));
        }
        json.writeEndObject();
        if (!array) {
          json.writeRaw('\n');
        }
        json.flush();
        OutputClosedException.check(out);
        rows++;
      }
      if (array) {
        json.writeRaw(rows == 0 ? "]\n" : "\n]\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the JSON writer failed", e);
    }
    OutputClosedException.check(out);
    return rows;
  }
}
