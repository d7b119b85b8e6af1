package dev.lakeformation.jdbc.metadata;

import java.sql.Types;
import java.util.Locale;

/**
 * A Glue (Hive-style) column type as JDBC sees it: {@code decimal(12,2)} is DECIMAL with
 * precision 12 and scale 2, {@code array<int>} is ARRAY named {@code ARRAY<INTEGER>}, and so on.
 * Names and sizes match what the driver's ResultSetMetaData reports for the same data.
 *
 * @param size COLUMN_SIZE: digits of numbers, characters of text and times, 0 when none applies
 * @param digits DECIMAL_DIGITS: the scale, fractional-second digits, or null
 */
public record GlueType(int jdbcType, String typeName, int size, Integer digits) {
  private static final int UNBOUNDED = Integer.MAX_VALUE;

  /** The JDBC view of {@code glueType}; a type it does not know is OTHER, under its own name. */
  public static GlueType parse(String glueType) {
    Parser parser = new Parser(glueType == null ? "" : glueType.strip().toLowerCase(Locale.ROOT));
    try {
      GlueType type = parser.type();
      return parser.atEnd() ? type : other(glueType);
    } catch (IllegalArgumentException e) {
      return other(glueType); // NumberFormatException included: decimal(x,y) with garbage
    }
  }

  private static GlueType other(String glueType) {
    return new GlueType(Types.OTHER, String.valueOf(glueType).toUpperCase(Locale.ROOT), 0, null);
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

    GlueType type() {
      String word = word();
      return switch (word) {
        case "boolean" -> new GlueType(Types.BOOLEAN, "BOOLEAN", 1, null);
        case "tinyint" -> new GlueType(Types.TINYINT, "TINYINT", 3, 0);
        case "smallint" -> new GlueType(Types.SMALLINT, "SMALLINT", 5, 0);
        case "int", "integer" -> new GlueType(Types.INTEGER, "INTEGER", 10, 0);
        case "bigint" -> new GlueType(Types.BIGINT, "BIGINT", 19, 0);
        case "float", "real" -> new GlueType(Types.REAL, "REAL", 7, null);
        case "double" -> new GlueType(Types.DOUBLE, "DOUBLE", 15, null);
        case "decimal", "numeric" -> {
          int[] ps = numbers(10, 0);
          yield new GlueType(Types.DECIMAL, "DECIMAL", ps[0], ps[1]);
        }
        case "char" -> new GlueType(Types.CHAR, "CHAR", numbers(1, -1)[0], null);
        case "varchar" -> new GlueType(Types.VARCHAR, "VARCHAR", numbers(UNBOUNDED, -1)[0], null);
        case "string" -> new GlueType(Types.VARCHAR, "VARCHAR", UNBOUNDED, null);
        case "binary", "varbinary" -> new GlueType(Types.VARBINARY, "VARBINARY", UNBOUNDED, null);
        case "date" -> new GlueType(Types.DATE, "DATE", 10, null);
        case "time" -> new GlueType(Types.TIME, "TIME", 15, 6);
        case "timestamp" -> withTimeZone()
            ? new GlueType(Types.TIMESTAMP_WITH_TIMEZONE, "TIMESTAMP WITH TIME ZONE", 32, 6)
            : new GlueType(Types.TIMESTAMP, "TIMESTAMP", 26, 6);
        case "array" -> {
          expect('<');
          GlueType element = type();
          expect('>');
          yield new GlueType(Types.ARRAY, "ARRAY<" + element.typeName() + ">", 0, null);
        }
        case "map" -> {
          expect('<');
          GlueType key = type();
          expect(',');
          GlueType value = type();
          expect('>');
          yield new GlueType(Types.OTHER, "MAP<" + key.typeName() + "," + value.typeName() + ">", 0, null);
        }
        case "struct" -> {
          expect('<');
          StringBuilder name = new StringBuilder("STRUCT<");
          do {
            String field = word();
            expect(':');
            name.append(name.length() > 7 ? "," : "").append(field).append(':').append(type().typeName());
          } while (accept(','));
          expect('>');
          yield new GlueType(Types.STRUCT, name.append('>').toString(), 0, null);
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
