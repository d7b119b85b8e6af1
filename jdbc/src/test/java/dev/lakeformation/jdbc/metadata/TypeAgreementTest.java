package dev.lakeformation.jdbc.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.jdbc.driver.LocalFixture;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One truth for types: for every column of every sample table, what DatabaseMetaData.getColumns
 * says of the table and what ResultSetMetaData says of {@code SELECT *} agree field by field, so
 * that a tool sizing its grid from one and reading with the other is not misled.
 */
class TypeAgreementTest {
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"types", "tpch"})
  void getColumnsAndResultSetMetaDataAgreeOnEveryColumn(String database) throws Exception {
    LocalFixture fixture = LocalFixture.shared();
    try (Connection c = fixture.connect("Database=" + database)) {
      DatabaseMetaData metaData = c.getMetaData();
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = metaData.getTables(null, database, "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
      assertTrue(tables.size() >= (database.equals("tpch") ? 8 : 1), tables.toString());
      int compared = 0;
      for (String table : tables) {
        List<String> catalog = new ArrayList<>();
        try (ResultSet rs = metaData.getColumns(null, database, table, "%")) {
          while (rs.next()) {
            int digits = rs.getInt("DECIMAL_DIGITS");
            catalog.add(rs.getString("COLUMN_NAME") + " " + rs.getInt("DATA_TYPE") + " " + rs.getString("TYPE_NAME")
                + " size " + rs.getInt("COLUMN_SIZE") + " digits " + digits + " nullable " + rs.getInt("NULLABLE"));
          }
        }
        List<String> result = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table + " LIMIT 0")) {
          ResultSetMetaData md = rs.getMetaData();
          for (int i = 1; i <= md.getColumnCount(); i++) {
            result.add(md.getColumnName(i) + " " + md.getColumnType(i) + " " + md.getColumnTypeName(i)
                + " size " + md.getPrecision(i) + " digits " + md.getScale(i) + " nullable " + md.isNullable(i));
          }
        }
        assertEquals(catalog, result, database + "." + table);
        compared += result.size();
      }
      assertTrue(compared > 10, compared + " columns compared");
    }
  }
}
