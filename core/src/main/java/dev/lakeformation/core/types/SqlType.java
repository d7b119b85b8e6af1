package dev.lakeformation.core.types;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One SQL type as the driver shows it, whether it was read from an Arrow field of a result or
 * from a Glue column type of the catalog: the one place that decides a type's JDBC name, code,
 * size, digits and Java class, so that {@code ResultSetMetaData}, {@code DatabaseMetaData}, the
 * system tables and the Spark connector agree.
 *
 * @param kind what the type is
 * @param length characters of CHAR and VARCHAR, bytes of BINARY and VARBINARY ({@link #UNBOUNDED}
 *     when there is no limit), digits of DECIMAL; 0 otherwise
 * @param scale digits after the point of DECIMAL, fractional-second digits of TIME and TIMESTAMP; 0 otherwise
 * @param children the element of ARRAY, the key and value of MAP, the fields of STRUCT; empty otherwise
 * @param fieldNames the names of STRUCT's fields; empty otherwise
 * @param name the name of an INTERVAL or OTHER type; null otherwise
 */
public record SqlType(SqlKind kind, int length, int scale, List<SqlType> children, List<String> fieldNames,
    String name) {

  /** The length of text and binary types without a declared limit. */
  public static final int UNBOUNDED = Integer.MAX_VALUE;

  public SqlType {
    Objects.requireNonNull(kind, "kind");
    children = List.copyOf(children);
    fieldNames = List.copyOf(fieldNames);
  }

  public static SqlType of(SqlKind kind) {
    return new SqlType(kind, 0, 0, List.of(), List.of(), null);
  }

  public static SqlType decimal(int precision, int scale) {
    return new SqlType(SqlKind.DECIMAL, precision, scale, List.of(), List.of(), null);
  }

  /** CHAR, VARCHAR, BINARY or VARBINARY of {@code length} ({@link #UNBOUNDED} for none). */
  public static SqlType sized(SqlKind kind, int length) {
    return new SqlType(kind, length, 0, List.of(), List.of(), null);
  }

  /** TIME, TIMESTAMP or TIMESTAMP WITH TIME ZONE with {@code fractionDigits} digits of seconds. */
  public static SqlType temporal(SqlKind kind, int fractionDigits) {
    return new SqlType(kind, 0, fractionDigits, List.of(), List.of(), null);
  }

  public static SqlType array(SqlType element) {
    return new SqlType(SqlKind.ARRAY, 0, 0, List.of(element), List.of(), null);
  }

  public static SqlType map(SqlType key, SqlType value) {
    return new SqlType(SqlKind.MAP, 0, 0, List.of(key, value), List.of(), null);
  }

  public static SqlType struct(List<String> names, List<SqlType> fields) {
    return new SqlType(SqlKind.STRUCT, 0, 0, fields, names, null);
  }

  /** An INTERVAL or OTHER type known by its name. */
  public static SqlType named(SqlKind kind, String name) {
    return new SqlType(kind, 0, 0, List.of(), List.of(), name);
  }

  /** The {@link java.sql.Types} code. */
  public int jdbcType() {
    return kind.jdbcType();
  }

  /** The name tools show: {@code VARCHAR}, {@code DECIMAL}, {@code ARRAY<INTEGER>}, {@code MAP<VARCHAR,BIGINT>}… */
  public String typeName() {
    return switch (kind) {
      case TIMESTAMP_WITH_TIME_ZONE -> "TIMESTAMP WITH TIME ZONE";
      case INTERVAL_DAY_TO_SECOND -> "INTERVAL DAY TO SECOND";
      case HALF_FLOAT -> "HALF FLOAT";
      case ARRAY -> "ARRAY<" + children.get(0).typeName() + ">";
      case MAP -> "MAP<" + children.get(0).typeName() + "," + children.get(1).typeName() + ">";
      case STRUCT -> {
        StringBuilder text = new StringBuilder("STRUCT<");
        for (int i = 0; i < children.size(); i++) {
          text.append(i == 0 ? "" : ",").append(fieldNames.get(i)).append(':').append(children.get(i).typeName());
        }
        yield text.append('>').toString();
      }
      case INTERVAL, OTHER -> name == null ? kind.name() : name.toUpperCase(Locale.ROOT);
      default -> kind.name();
    };
  }

  /**
   * JDBC's column size (precision): digits of numbers, characters of text and of a date or time's
   * text, bytes of binary; 0 where none applies.
   */
  public int columnSize() {
    return switch (kind) {
      case BOOLEAN -> 1;
      case TINYINT, UTINYINT -> 3;
      case SMALLINT, USMALLINT -> 5;
      case INTEGER, UINTEGER -> 10;
      case BIGINT -> 19;
      case UBIGINT -> 20;
      case HALF_FLOAT -> 3;
      case REAL -> 7;
      case DOUBLE -> 15;
      case DECIMAL, CHAR, VARCHAR, BINARY, VARBINARY -> length;
      case DATE -> 10;
      case TIME -> 8 + fraction();
      case TIMESTAMP -> 19 + fraction();
      case TIMESTAMP_WITH_TIME_ZONE -> 25 + fraction();
      default -> 0;
    };
  }

  /** Digits after the point (DECIMAL, integers: 0), fractional-second digits (times); null where none applies. */
  public Integer decimalDigits() {
    return switch (kind) {
      case TINYINT, SMALLINT, INTEGER, BIGINT, UTINYINT, USMALLINT, UINTEGER, UBIGINT, DECIMAL, TIME, TIMESTAMP,
          TIMESTAMP_WITH_TIME_ZONE -> scale;
      default -> null;
    };
  }

  /** The most characters the value's text can take. */
  public int displaySize() {
    return switch (kind) {
      case TINYINT -> 4;
      case SMALLINT -> 6;
      case INTEGER -> 11;
      case BIGINT -> 20;
      case BOOLEAN -> 5;
      case HALF_FLOAT -> 10;
      case REAL -> 15;
      case DOUBLE -> 24;
      case DECIMAL -> length + (scale > 0 ? 2 : 1);
      case BINARY, VARBINARY -> length == UNBOUNDED ? UNBOUNDED : length * 2;
      case INTERVAL, INTERVAL_DAY_TO_SECOND -> 64;
      case NULL -> 4;
      case ARRAY, MAP, STRUCT, OTHER -> UNBOUNDED;
      default -> columnSize();
    };
  }

  /** The class of the object {@code getObject} returns. */
  public String className() {
    if (kind == SqlKind.INTERVAL && ArrowFieldTypes.YEAR_TO_MONTH.equals(name)) {
      return "java.time.Period";
    }
    if (kind == SqlKind.INTERVAL && ArrowFieldTypes.DAY_TO_SECOND.equals(name)) {
      return "java.time.Duration";
    }
    return kind.className(); // a month-day-nano interval: Arrow's own class, relocated in the one-file jar
  }

  private int fraction() {
    return scale > 0 ? scale + 1 : 0;
  }

  @Override
  public String toString() {
    return typeName() + (kind == SqlKind.DECIMAL ? "(" + length + "," + scale + ")"
        : kind.isText() && length != UNBOUNDED ? "(" + length + ")" : "");
  }
}
