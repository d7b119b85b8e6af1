package dev.lakeformation.core.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SQL type of a Glue (Hive-style) column type, as Athena's catalog lists it:
 * {@code decimal(12,2)} is DECIMAL(12,2), {@code array<int>} is ARRAY of INTEGER, and so on; a
 * type it does not know is OTHER under its own name. A {@code timestamp} or {@code time} without
 * a precision has microseconds, as the results of LakeFormation Local carry them.
 */
public final class GlueTypeParser {
  private static final int DEFAULT_FRACTION_DIGITS = 6;

  private GlueTypeParser() {}

  public static SqlType parse(String glueType) {
    Parser parser = new Parser(glueType == null ? "" : glueType.strip().toLowerCase(Locale.ROOT));
    try {
      SqlType type = parser.type();
      return parser.atEnd() ? type : other(glueType);
    } catch (IllegalArgumentException e) {
      return other(glueType); // NumberFormatException included: decimal(x,y) with garbage
    }
  }

  private static SqlType other(String glueType) {
    return SqlType.named(SqlKind.OTHER, String.valueOf(glueType));
  }

  /** A small recursive-descent reader: types nest (array<map<string,struct<a:int>>>). */
  private static final class Parser {
    private final String text;
    private int at;

    Parser(String text) {
      this.text = text;
    }

    boolean atEnd() {
      return at == text.length();
    }

    SqlType type() {
      String word = word();
      return switch (word) {
        case "boolean" -> SqlType.of(SqlKind.BOOLEAN);
        case "tinyint" -> SqlType.of(SqlKind.TINYINT);
        case "smallint" -> SqlType.of(SqlKind.SMALLINT);
        case "int", "integer" -> SqlType.of(SqlKind.INTEGER);
        case "bigint" -> SqlType.of(SqlKind.BIGINT);
        case "float", "real" -> SqlType.of(SqlKind.REAL);
        case "double" -> SqlType.of(SqlKind.DOUBLE);
        case "decimal", "numeric" -> {
          int[] ps = numbers(10, 0);
          yield SqlType.decimal(ps[0], ps[1]);
        }
        case "char" -> SqlType.sized(SqlKind.CHAR, numbers(1, -1)[0]);
        case "varchar" -> SqlType.sized(SqlKind.VARCHAR, numbers(SqlType.UNBOUNDED, -1)[0]);
        case "string" -> SqlType.sized(SqlKind.VARCHAR, SqlType.UNBOUNDED);
        case "binary", "varbinary" -> SqlType.sized(SqlKind.VARBINARY, SqlType.UNBOUNDED);
        case "date" -> SqlType.of(SqlKind.DATE);
        case "time" -> SqlType.temporal(SqlKind.TIME, numbers(DEFAULT_FRACTION_DIGITS, -1)[0]);
        case "timestamp" -> {
          int digits = numbers(DEFAULT_FRACTION_DIGITS, -1)[0];
          yield SqlType.temporal(withTimeZone() ? SqlKind.TIMESTAMP_WITH_TIME_ZONE : SqlKind.TIMESTAMP, digits);
        }
        case "array" -> {
          expect('<');
          SqlType element = type();
          expect('>');
          yield SqlType.array(element);
        }
        case "map" -> {
          expect('<');
          SqlType key = type();
          expect(',');
          SqlType value = type();
          expect('>');
          yield SqlType.map(key, value);
        }
        case "struct" -> {
          expect('<');
          List<String> names = new ArrayList<>();
          List<SqlType> fields = new ArrayList<>();
          do {
            names.add(word());
            expect(':');
            fields.add(type());
          } while (accept(','));
          expect('>');
          yield SqlType.struct(names, fields);
        }
        default -> throw new IllegalArgumentException(word);
      };
    }

    private boolean withTimeZone() {
      int saved = at;
      if (word().equals("with") && word().equals("time") && word().equals("zone")) {
        return true;
      }
      at = saved;
      return false;
    }

    /** {@code (a)} or {@code (a,b)} after a type name; the defaults when absent. */
    private int[] numbers(int first, int second) {
      if (!accept('(')) {
        return new int[] {first, second};
      }
      int a = number();
      int b = accept(',') ? number() : (second < 0 ? second : 0);
      expect(')');
      return new int[] {a, b};
    }

    private int number() {
      skipSpaces();
      int start = at;
      while (at < text.length() && Character.isDigit(text.charAt(at))) {
        at++;
      }
      return Integer.parseInt(text.substring(start, at));
    }

    private String word() {
      skipSpaces();
      int start = at;
      while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
        at++;
      }
      return text.substring(start, at);
    }

    private boolean accept(char c) {
      skipSpaces();
      if (at < text.length() && text.charAt(at) == c) {
        at++;
        return true;
      }
      return false;
    }

    private void expect(char c) {
      if (!accept(c)) {
        throw new IllegalArgumentException("expected " + c);
      }
    }

    private void skipSpaces() {
      while (at < text.length() && text.charAt(at) == ' ') {
        at++;
      }
    }
  }
}
