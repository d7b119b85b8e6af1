package dev.lakeformation.core.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Types;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Glue column types as the driver shows them: the same names and sizes a result of that type reports. */
class GlueTypeParserTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "boolean | 16 | BOOLEAN | 1 | -",
      "tinyint | -6 | TINYINT | 3 | 0",
      "INT | 4 | INTEGER | 10 | 0",
      "bigint | -5 | BIGINT | 19 | 0",
      "float | 7 | REAL | 7 | -",
      "double | 8 | DOUBLE | 15 | -",
      "decimal(12,2) | 3 | DECIMAL | 12 | 2",
      "decimal( 38 , 10 ) | 3 | DECIMAL | 38 | 10",
      "decimal | 3 | DECIMAL | 10 | 0",
      "char(5) | 1 | CHAR | 5 | -",
      "varchar(20) | 12 | VARCHAR | 20 | -",
      "string | 12 | VARCHAR | 2147483647 | -",
      "binary | -3 | VARBINARY | 2147483647 | -",
      "date | 91 | DATE | 10 | -",
      "timestamp | 93 | TIMESTAMP | 26 | 6",
      "timestamp with time zone | 2014 | TIMESTAMP WITH TIME ZONE | 32 | 6",
      "array<int> | 2003 | ARRAY<INTEGER> | 0 | -",
      "array<array<string>> | 2003 | ARRAY<ARRAY<VARCHAR>> | 0 | -",
      "map<string,decimal(5,2)> | 1111 | MAP<VARCHAR,DECIMAL> | 0 | -",
      "time | 92 | TIME | 15 | 6",
      "timestamp(3) | 93 | TIMESTAMP | 23 | 3",
      "struct<a:int,b:array<string>> | 2002 | STRUCT<a:INTEGER,b:ARRAY<VARCHAR>> | 0 | -",
      "uniontype<int,string> | 1111 | UNIONTYPE<INT,STRING> | 0 | -",
      "decimal(x,1) | 1111 | DECIMAL(X,1) | 0 | -",
      "array<int | 1111 | ARRAY<INT | 0 | -",
  })
  void glueTypesAsJdbcSeesThem(String glue, int jdbcType, String name, int size, Integer digits) {
    SqlType type = GlueTypeParser.parse(glue);
    assertEquals(jdbcType, type.jdbcType());
    assertEquals(name, type.typeName());
    assertEquals(size, type.columnSize());
    assertEquals(digits, type.decimalDigits());
    assertEquals(Types.OTHER, GlueTypeParser.parse(null).jdbcType());
  }
}
