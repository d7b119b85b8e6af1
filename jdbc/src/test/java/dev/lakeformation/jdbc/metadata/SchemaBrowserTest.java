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
import org.junit.jupiter.api.Test;

/**
 * A schema browser's walk: catalogs, their schemas, their tables and columns, then the SQL such
 * a tool writes to open a table, qualified as the capability answers tell it to. The connection's
 * own database is {@code types}, so the TPC-H tables would not be found by their names alone.
 */
class SchemaBrowserTest {
  @Test
  void theCapabilitiesAgreeWithTheTreeAndTheQualifiedSqlATreeWritesRuns() throws Exception {
    LocalFixture fixture = LocalFixture.shared();
    try (Connection c = fixture.connect("Database=types")) {
      DatabaseMetaData metaData = c.getMetaData();
      List<String> catalogs = column(metaData.getCatalogs(), "TABLE_CAT");
      List<String> schemas = column(metaData.getSchemas(), "TABLE_SCHEM");
      assertTrue(catalogs.size() >= 1 && schemas.size() > 1, catalogs + " " + schemas);
      // Several schemas, so names must be qualified by them; catalogs too, as their answer says.
      assertTrue(metaData.supportsSchemasInDataManipulation());
      assertTrue(metaData.supportsSchemasInTableDefinitions());
      assertTrue(metaData.supportsCatalogsInDataManipulation());
      assertTrue(metaData.supportsCatalogsInTableDefinitions());
      String quote = metaData.getIdentifierQuoteString();
      String separator = metaData.getCatalogSeparator();
      assertTrue(metaData.isCatalogAtStart());
      int opened = 0;
      for (String catalog : catalogs) {
        for (String schema : column(metaData.getSchemas(catalog, null), "TABLE_SCHEM")) {
          boolean system = schema.equals("system");
          String[] types = {system ? "SYSTEM TABLE" : "TABLE"};
          for (String table : column(metaData.getTables(catalog, schema, "%", types), "TABLE_NAME")) {
            if (system && !table.equals("query_executions")) {
              continue; // the others need a query ID in their WHERE clause
            }
            List<String> columns = column(metaData.getColumns(catalog, schema, table, "%"), "COLUMN_NAME");
            String qualified = quote + catalog + quote + separator + quote + schema + quote + "." + quote + table
                + quote;
            assertEquals(columns, columnsOf(c, "SELECT * FROM " + qualified + " LIMIT 1"), qualified);
            assertEquals(columns, columnsOf(c, "SELECT * FROM " + schema + "." + table + " LIMIT 1"), table);
            opened++;
          }
        }
      }
      assertTrue(opened >= 10, opened + " tables opened, system.query_executions among them");
    }
  }

  private static List<String> column(ResultSet rs, String name) throws Exception {
    try (rs) {
      List<String> values = new ArrayList<>();
      while (rs.next()) {
        values.add(rs.getString(name));
      }
      return values;
    }
  }

  private static List<String> columnsOf(Connection c, String sql) throws Exception {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        names.add(md.getColumnName(i));
      }
      return names;
    }
  }
}
