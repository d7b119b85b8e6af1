package dev.lakeformation.core.h2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The type names H2 prints for nested types, read back into their parts. */
class H2TypeTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "NUMERIC(10, 2)|NUMERIC|10|2",
      "DECIMAL(38)|DECIMAL|38|0",
      "NUMERIC|NUMERIC|-1|0",
      "CHARACTER VARYING(5)|CHARACTER VARYING|5|0",
      "DOUBLE PRECISION|DOUBLE PRECISION|-1|0",
      "FLOAT(10)|FLOAT|10|0",
      "TIMESTAMP(3) WITH TIME ZONE|TIMESTAMP WITH TIME ZONE|-1|3",
      "TIME(9)|TIME|-1|9",
      "INTERVAL DAY(3) TO SECOND(9)|INTERVAL DAY TO SECOND|3|9",
      "INTERVAL SECOND(2, 6)|INTERVAL SECOND|2|6",
      "ENUM('a''b', 'c')|ENUM|-1|0",
      "BINARY LARGE OBJECT|BINARY LARGE OBJECT|-1|0",
  })
  void plainTypesKeepTheirNamePrecisionAndScale(String sql, String name, long precision, int scale)
      throws SQLException {
    H2Type type = H2Type.parse(sql);
    assertEquals(name, type.name());
    assertEquals(precision, type.precision());
    assertEquals(scale, type.scale());
    assertEquals(sql, type.sql());
  }

  @Test
  void arraysNestAndKeepTheirElementType() throws SQLException {
    H2Type type = H2Type.parse("CHARACTER VARYING(1) ARRAY[1] ARRAY");
    assertEquals("ARRAY", type.name());
    assertEquals("ARRAY", type.element().name());
    assertEquals("CHARACTER VARYING", type.element().element().name());
    assertEquals(1, type.element().element().precision());
    assertEquals("GEOMETRY", H2Type.parse("GEOMETRY(POINT, 4326) ARRAY").element().name());
  }

  @Test
  void rowFieldsKeepTheirQuotedNamesAndTypes() throws SQLException {
    H2Type type = H2Type.parse(
        "ROW(\"we\"\"ird\" ENUM('a''b', 'c'), \"x y\" NUMERIC(40, 3) ARRAY, \"r\" ROW(\"b\" INTEGER ARRAY)) ARRAY");
    assertEquals("ARRAY", type.name());
    List<H2Type.RowField> fields = type.element().fields();
    assertEquals(List.of("we\"ird", "x y", "r"), fields.stream().map(H2Type.RowField::name).toList());
    assertEquals("ENUM", fields.get(0).type().name());
    assertEquals(40, fields.get(1).type().element().precision());
    assertEquals("INTEGER", fields.get(2).type().fields().get(0).type().element().name());
  }

  @Test
  void aNameThatIsNotATypeIsAnErrorNamingIt() {
    SQLException e = assertThrows(SQLException.class, () -> H2Type.parse("ROW(\"a\" INTEGER"));
    assertEquals("Cannot read the H2 type ROW(\"a\" INTEGER", e.getMessage());
  }
}
