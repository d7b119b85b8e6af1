package dev.lakeformation.jdbc.local;

import java.util.Locale;

/** H2's information-schema type names as Glue/Hive type names ({@code decimal(15,2)}, {@code array<int>}). */
final class GlueTypes {
  private GlueTypes() {}

  /**
   * Whether a text column of H2's {@code length} has a length worth declaring: H2 gives text
   * without one a length of a billion, which Glue and clients know as {@code string}.
   */
  static boolean declaresLength(long length) {
    return length > 0 && length < 65_535;
  }

  static String fromH2(String dataType, long length, int precision, int scale, String elementType) {
    String type = dataType.toUpperCase(Locale.ROOT);
    return switch (type) {
      case "TINYINT" -> "tinyint";
      case "SMALLINT" -> "smallint";
      case "INTEGER" -> "int";
      case "BIGINT" -> "bigint";
      case "NUMERIC", "DECIMAL" -> "decimal(" + precision + "," + scale + ")";
      case "REAL" -> "float";
      case "DOUBLE PRECISION" -> "double";
      case "BOOLEAN" -> "boolean";
      case "CHARACTER" -> "char(" + length + ")";
      case "CHARACTER VARYING" -> declaresLength(length) ? "varchar(" + length + ")" : "string";
      case "BINARY", "BINARY VARYING" -> "binary";
      case "DATE" -> "date";
      case "TIME" -> "time";
      case "TIMESTAMP" -> "timestamp";
      case "TIMESTAMP WITH TIME ZONE" -> "timestamp with time zone";
      case "ARRAY" -> "array<" + (elementType == null ? "string" : fromH2(elementType, 0, 0, 0, null)) + ">";
      default -> type.toLowerCase(Locale.ROOT);
    };
  }
}
