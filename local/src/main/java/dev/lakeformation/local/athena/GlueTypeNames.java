package dev.lakeformation.local.athena;

import dev.lakeformation.core.h2.TextLength;
import java.util.Locale;

/** H2's information-schema type names as Glue/Hive type names ({@code decimal(15,2)}, {@code array<int>}). */
final class GlueTypeNames {
  private GlueTypeNames() {}

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
      case "CHARACTER VARYING" -> TextLength.isDeclared(length) ? "varchar(" + length + ")" : "string";
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
