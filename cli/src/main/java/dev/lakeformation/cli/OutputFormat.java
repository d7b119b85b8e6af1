package dev.lakeformation.cli;

import java.io.PrintStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How lfsql prints rows (--format): each format streams the result and returns the number of rows. */
enum OutputFormat {
  /** Aligned columns for people. */
  TABLE(TableFormat::write),
  /** RFC 4180 CSV with a header line. */
  CSV(CsvFormat::write),
  /** One JSON array, one row object per line. */
  JSON(JsonFormat::writeArray),
  /** JSON Lines: one row object per line, nothing around them. */
  JSONL(JsonFormat::writeLines);

  /** Writes every row of a result to standard output. */
  @FunctionalInterface
  interface Writer {
    long write(ResultSet rs, PrintStream out) throws SQLException, OutputClosedException;
  }

  private final Writer writer;

  OutputFormat(Writer writer) {
    this.writer = writer;
  }

  /**
   * Writes the rows of {@code rs} and returns how many there were; throws
   * OutputClosedException, having read no further, as soon as {@code out} is found closed.
   */
  long write(ResultSet rs, PrintStream out) throws SQLException, OutputClosedException {
    return writer.write(rs, out);
  }

  static OutputFormat named(String name) {
    for (OutputFormat format : values()) {
      if (format.label().equals(name.toLowerCase(Locale.ROOT))) {
        return format;
      }
    }
    throw new IllegalArgumentException("unknown format " + name + " ("
        + Arrays.stream(values()).map(OutputFormat::label).collect(Collectors.joining(", ")) + ")");
  }

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
