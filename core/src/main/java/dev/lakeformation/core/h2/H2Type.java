package dev.lakeformation.core.h2;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An H2 data type as a query result reports it: a name ({@code NUMERIC}, {@code CHARACTER VARYING},
 * {@code INTERVAL DAY TO SECOND}, {@code ARRAY}, {@code ROW}…), its precision and scale where
 * they apply (a precision of -1 and a scale of 0 where H2 printed none), the element type of an
 * ARRAY and the fields of a ROW.
 *
 * <p>A top-level column gives its precision and scale through ResultSetMetaData, but the types
 * inside an ARRAY or a ROW exist only in the type name H2 prints, such as
 * {@code NUMERIC(10, 2) ARRAY} or {@code ROW("a" INTEGER, "b" CHARACTER VARYING(5))}; {@link #parse}
 * reads that grammar.
 */
record H2Type(String name, long precision, int scale, H2Type element, List<RowField> fields, String sql) {
  /** One field of a ROW type. */
  record RowField(String name, H2Type type) {}

  static final long NOT_GIVEN = -1;

  /** The type of result column {@code column}, with the precision and scale the metadata gives. */
  static H2Type ofColumn(ResultSetMetaData metaData, int column) throws SQLException {
    String typeName = metaData.getColumnTypeName(column);
    H2Type parsed = parse(typeName);
    if (parsed.element != null || parsed.fields != null) {
      return parsed;
    }
    return new H2Type(parsed.name, metaData.getPrecision(column), metaData.getScale(column), null, null, typeName);
  }

  /** Reads a type name as H2 prints it; a name it cannot read is an SQLException naming it. */
  static H2Type parse(String typeName) throws SQLException {
    Parser parser = new Parser(typeName);
    H2Type type = parser.type();
    if (!parser.atEnd()) {
      throw parser.unreadable();
    }
    return type;
  }

  /** A recursive-descent reader of H2's printed type names. */
  private static final class Parser {
    private final String text;
    private int at;

    Parser(String text) {
      this.text = text;
    }

    H2Type type() throws SQLException {
      int start = skipSpaces();
      H2Type type = base(start);
      // Each "ARRAY" suffix, with an optional maximum cardinality, wraps what precedes it.
      while (peekWord("ARRAY")) {
        word();
        if (peek('[')) {
          at++;
          number();
          expect(']');
        }
        type = new H2Type("ARRAY", NOT_GIVEN, 0, type, null, text.substring(start, at).trim());
      }
      return type;
    }

    private H2Type base(int start) throws SQLException {
      String first = word();
      if (first.equals("ROW") && peek('(')) {
        at++;
        List<RowField> fields = new ArrayList<>();
        do {
          String fieldName = quotedIdentifier();
          fields.add(new RowField(fieldName, type()));
        } while (accept(','));
        expect(')');
        return new H2Type("ROW", NOT_GIVEN, 0, null, List.copyOf(fields), text.substring(start, at).trim());
      }
      if (first.equals("ENUM") && peek('(')) {
        at++;
        do {
          stringLiteral();
        } while (accept(','));
        expect(')');
        return new H2Type("ENUM", NOT_GIVEN, 0, null, null, text.substring(start, at).trim());
      }
      // Plain types are words with optional numeric arguments after some of them:
      // NUMERIC(10, 2), TIMESTAMP(3) WITH TIME ZONE, INTERVAL DAY(3) TO SECOND(9), GEOMETRY(POINT, 4326).
      StringBuilder name = new StringBuilder(first);
      List<Long> numbers = new ArrayList<>();
      arguments(numbers);
      while (peekWordChar() && !peekWord("ARRAY")) {
        name.append(' ').append(word());
        arguments(numbers);
      }
      String typeName = name.toString();
      long precision = NOT_GIVEN;
      int scale = 0;
      if (typeName.startsWith("TIME")) {
        scale = numbers.isEmpty() ? 0 : numbers.get(0).intValue(); // fractional seconds digits
      } else if (typeName.startsWith("INTERVAL")) {
        precision = numbers.isEmpty() ? NOT_GIVEN : numbers.get(0);
        scale = numbers.size() > 1 ? numbers.get(1).intValue() : 0;
      } else if (!numbers.isEmpty()) {
        precision = numbers.get(0);
        scale = numbers.size() > 1 ? numbers.get(1).intValue() : 0;
      }
      return new H2Type(typeName, precision, scale, null, null, text.substring(start, at).trim());
    }

    /** Reads "(…)" if present, keeping its numeric arguments (GEOMETRY's words are skipped). */
    private void arguments(List<Long> numbers) throws SQLException {
      if (!peek('(')) {
        return;
      }
      at++;
      do {
        skipSpaces();
        if (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '-')) {
          numbers.add(number());
        } else {
          word();
        }
      } while (accept(','));
      expect(')');
    }

    private String word() throws SQLException {
      skipSpaces();
      int start = at;
      while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
        at++;
      }
      if (start == at) {
        throw unreadable();
      }
      return text.substring(start, at).toUpperCase(Locale.ROOT);
    }

    private long number() throws SQLException {
      skipSpaces();
      int start = at;
      if (at < text.length() && text.charAt(at) == '-') {
        at++;
      }
      while (at < text.length() && Character.isDigit(text.charAt(at))) {
        at++;
      }
      try {
        return Long.parseLong(text.substring(start, at));
      } catch (NumberFormatException e) {
        throw unreadable();
      }
    }

    /** A double-quoted identifier, with "" standing for one quote, as H2 prints ROW field names. */
    private String quotedIdentifier() throws SQLException {
      return quoted('"');
    }

    private void stringLiteral() throws SQLException {
      quoted('\'');
    }

    private String quoted(char quote) throws SQLException {
      skipSpaces();
      if (at >= text.length() || text.charAt(at) != quote) {
        throw unreadable();
      }
      StringBuilder value = new StringBuilder();
      at++;
      while (true) {
        if (at >= text.length()) {
          throw unreadable();
        }
        char c = text.charAt(at++);
        if (c == quote) {
          if (at < text.length() && text.charAt(at) == quote) {
            value.append(quote);
            at++;
          } else {
            return value.toString();
          }
        } else {
          value.append(c);
        }
      }
    }

    private boolean peekWord(String word) {
      skipSpaces();
      int end = at + word.length();
      return text.regionMatches(true, at, word, 0, word.length())
          && (end == text.length() || !(Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_'));
    }

    private boolean peekWordChar() {
      skipSpaces();
      return at < text.length() && (Character.isLetter(text.charAt(at)) || text.charAt(at) == '_');
    }

    private boolean peek(char c) {
      skipSpaces();
      return at < text.length() && text.charAt(at) == c;
    }

    private boolean accept(char c) {
      if (peek(c)) {
        at++;
        return true;
      }
      return false;
    }

    private void expect(char c) throws SQLException {
      if (!accept(c)) {
        throw unreadable();
      }
    }

    private int skipSpaces() {
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
      return at;
    }

    boolean atEnd() {
      return skipSpaces() == text.length();
    }

    SQLException unreadable() {
      return new SQLException("Cannot read the H2 type " + text, "0A000");
    }
  }
}
