package dev.lakeformation.jdbc.driver;

import dev.lakeformation.api.SqlState;
import dev.lakeformation.jdbc.errors.SqlErrors;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Binds PreparedStatement parameters by writing them as SQL literals. Lake Formation takes only
 * SQL text, so this is where injection is stopped: strings are quoted with every quote doubled,
 * numbers and dates are written from typed values, and markers are found by a scanner that
 * skips string literals, quoted identifiers and comments.
 */
final class SqlLiterals {
  /** HH:mm:ss with the fraction's significant digits, as SQL time literals are written. */
  private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
      .appendPattern("HH:mm:ss").appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).toFormatter();
  private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ').append(TIME).toFormatter();

  private SqlLiterals() {}

  /** The offsets of the {@code ?} markers of {@code sql} that are parameters. */
  static int[] markers(String sql) {
    List<Integer> found = new ArrayList<>();
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"' || c == '`') {
        i = skipQuoted(sql, i, c);
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? n : end + 1;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else {
        if (c == '?') {
          found.add(i);
        }
        i++;
      }
    }
    return found.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int skipQuoted(String sql, int start, char quote) {
    int i = start + 1;
    while (i < sql.length()) {
      if (sql.charAt(i) == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i += 2; // a doubled quote stays inside the literal
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return sql.length();
  }

  /** {@code sql} with each marker replaced by its literal. */
  static String bind(String sql, int[] markers, String[] literals) {
    StringBuilder out = new StringBuilder(sql.length() + 16 * markers.length);
    int from = 0;
    for (int i = 0; i < markers.length; i++) {
      out.append(sql, from, markers[i]).append(literals[i]);
      from = markers[i] + 1;
    }
    return out.append(sql, from, sql.length()).toString();
  }

  static String string(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  /** The literal of a Java value given to setObject or a typed setter. */
  static String of(Object value) throws SQLException {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof String s) {
      if (s.indexOf('\0') >= 0) {
        throw SqlErrors.of(SqlState.INVALID_PARAMETER, "A string parameter holds a NUL character, which SQL text cannot carry.");
      }
      return string(s);
    }
    if (value instanceof Boolean b) {
      return b ? "TRUE" : "FALSE";
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
        || value instanceof BigInteger) {
      return value.toString();
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (!Double.isFinite(d)) {
        throw SqlErrors.of(SqlState.INVALID_PARAMETER, "A " + d + " parameter has no SQL literal.");
      }
      return "CAST(" + value + " AS " + (value instanceof Float ? "REAL" : "DOUBLE") + ")";
    }
    if (value instanceof byte[] bytes) {
      return "X'" + HexFormat.of().formatHex(bytes) + "'";
    }
    if (value instanceof java.sql.Date d) {
      return of(d.toLocalDate());
    }
    if (value instanceof java.sql.Time t) {
      return of(t.toLocalTime());
    }
    if (value instanceof java.sql.Timestamp t) {
      return of(t.toLocalDateTime());
    }
    if (value instanceof LocalDate d) {
      return "DATE '" + DateTimeFormatter.ISO_LOCAL_DATE.format(d) + "'";
    }
    if (value instanceof LocalTime t) {
      return "TIME '" + TIME.format(t) + "'";
    }
    if (value instanceof LocalDateTime t) {
      return "TIMESTAMP '" + TIMESTAMP.format(t) + "'";
    }
    throw SqlErrors.of(SqlState.INVALID_PARAMETER, "Parameters of class " + value.getClass().getName()
        + " are not supported; use a String, number, boolean, byte[] or date/time value.");
  }
}
