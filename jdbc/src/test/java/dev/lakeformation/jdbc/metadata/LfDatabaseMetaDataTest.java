package dev.lakeformation.jdbc.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.jdbc.driver.LfConnection;
import dev.lakeformation.jdbc.driver.LocalFixture;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a GUI navigator sees, browsing LakeFormation Local through the driver's DatabaseMetaData. */
class LfDatabaseMetaDataTest {
  private static LocalFixture fixture;
  private static Connection connection;
  private static DatabaseMetaData md;

  @BeforeAll
  static void start() throws Exception {
    fixture = LocalFixture.shared();
    connection = fixture.connect("Database=types");
    md = connection.getMetaData();
  }

  @AfterAll
  static void stop() throws SQLException {
    assertEquals(0, connection.unwrap(LfConnection.class).allocatedBytes(), "metadata results freed their buffers");
    connection.close();
  }

  private static List<String> strings(ResultSet rs, String column) throws SQLException {
    List<String> values = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        values.add(rs.getString(column));
      }
    }
    return values;
  }

  @Test
  void catalogsSchemasAndTheSystemSchema() throws SQLException {
    assertEquals(List.of("AwsDataCatalog"), strings(md.getCatalogs(), "TABLE_CAT"));
    assertEquals("AwsDataCatalog", connection.getCatalog());
    List<String> schemas = strings(md.getSchemas(), "TABLE_SCHEM");
    assertEquals(List.of("system", "tpch", "types"), schemas.stream().sorted().toList());
    assertEquals(List.of("tpch"), strings(md.getSchemas("AwsDataCatalog", "tp%"), "TABLE_SCHEM"));
    assertEquals(List.of(), strings(md.getSchemas("", null), "TABLE_SCHEM"), "an empty catalog name means none");
  }

  @Test
  void tablesByPatternAndType() throws SQLException {
    assertEquals(List.of("customer", "lineitem", "nation", "orders", "part", "partsupp", "region", "supplier"),
        strings(md.getTables(null, "tpch", "%", null), "TABLE_NAME"));
    assertEquals(List.of("lineitem"), strings(md.getTables(null, "TPCH", "line%", new String[] {"TABLE"}),
        "TABLE_NAME"));
    List<String> system = strings(md.getTables(null, null, null, new String[] {"SYSTEM TABLE"}), "TABLE_NAME");
    assertEquals(List.of("queries", "query_executions", "query_results", "unprocessed_query_executions",
        "work_units"), system);
    assertEquals(List.of("query_results"), strings(md.getTables("AwsDataCatalog", "system", "query\\_results", null),
        "TABLE_NAME"));
    try (ResultSet rs = md.getTables(null, "system", "queries", null)) {
      assertTrue(rs.next());
      assertEquals("SYSTEM TABLE", rs.getString("TABLE_TYPE"));
      assertTrue(rs.getString("REMARKS").contains("GetQueryState"));
      assertEquals(10, rs.getMetaData().getColumnCount());
    }
    assertEquals(List.of("SYSTEM TABLE", "TABLE", "VIEW"), strings(md.getTableTypes(), "TABLE_TYPE"));
  }

  /** The navigator's column types are the ones a query of the same table reports. */
  @Test
  void columnsAgreeWithWhatAQueryReturns() throws SQLException {
    Map<String, Integer> declared = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    try (ResultSet rs = md.getColumns("AwsDataCatalog", "types", "all_types", null)) {
      assertEquals(24, rs.getMetaData().getColumnCount());
      int ordinal = 0;
      while (rs.next()) {
        assertEquals(++ordinal, rs.getInt("ORDINAL_POSITION"));
        declared.put(rs.getString("COLUMN_NAME"), rs.getInt("DATA_TYPE"));
        names.put(rs.getString("COLUMN_NAME"), rs.getString("TYPE_NAME"));
        assertEquals(DatabaseMetaData.columnNullable, rs.getInt("NULLABLE"));
      }
    }
    try (ResultSet rs = connection.createStatement().executeQuery("SELECT * FROM all_types WHERE id < 0")) {
      ResultSetMetaData rsmd = rs.getMetaData();
      assertEquals(rsmd.getColumnCount(), declared.size());
      for (int c = 1; c <= rsmd.getColumnCount(); c++) {
        String column = rsmd.getColumnLabel(c);
        if (rsmd.getColumnType(c) == Types.VARCHAR && declared.get(column) == Types.CHAR) {
          continue; // CHAR(n) is declared; Arrow has no fixed-length text, so the data is VARCHAR
        }
        assertEquals(rsmd.getColumnType(c), declared.get(column), column + ": " + names.get(column) + " vs "
            + rsmd.getColumnTypeName(c));
      }
    }
    try (ResultSet rs = md.getColumns(null, "types", "all_types", "c\\_decimal\\_18\\_4")) {
      assertTrue(rs.next());
      assertEquals(18, rs.getInt("COLUMN_SIZE"));
      assertEquals(4, rs.getInt("DECIMAL_DIGITS"));
      assertEquals(10, rs.getInt("NUM_PREC_RADIX"));
      assertFalse(rs.next());
    }
  }

  @Test
  void systemTableColumns() throws SQLException {
    Map<String, Integer> types = new LinkedHashMap<>();
    try (ResultSet rs = md.getColumns(null, "system", "query_executions", "%")) {
      while (rs.next()) {
        types.put(rs.getString("COLUMN_NAME"), rs.getInt("DATA_TYPE"));
      }
    }
    assertEquals(40, types.size());
    assertEquals(Types.TIMESTAMP_WITH_TIMEZONE, types.get("submission_date_time"));
    assertEquals(Types.ARRAY, types.get("execution_parameters"));
    assertEquals(Types.VARCHAR, types.get("query_execution_id"));
  }

  @Test
  void whatLakeFormationDoesNotHaveIsEmptyAndWellFormed() throws SQLException {
    Map<ResultSet, Integer> expectedColumns = new LinkedHashMap<>();
    expectedColumns.put(md.getPrimaryKeys(null, "tpch", "orders"), 6);
    expectedColumns.put(md.getImportedKeys(null, "tpch", "orders"), 14);
    expectedColumns.put(md.getExportedKeys(null, "tpch", "orders"), 14);
    expectedColumns.put(md.getCrossReference(null, "tpch", "orders", null, "tpch", "lineitem"), 14);
    expectedColumns.put(md.getIndexInfo(null, "tpch", "orders", false, true), 13);
    expectedColumns.put(md.getProcedures(null, null, null), 9);
    expectedColumns.put(md.getProcedureColumns(null, null, null, null), 20);
    expectedColumns.put(md.getFunctions(null, null, null), 6);
    expectedColumns.put(md.getFunctionColumns(null, null, null, null), 17);
    expectedColumns.put(md.getUDTs(null, null, null, null), 7);
    expectedColumns.put(md.getSuperTypes(null, null, null), 6);
    expectedColumns.put(md.getSuperTables(null, null, null), 4);
    expectedColumns.put(md.getAttributes(null, null, null, null), 21);
    expectedColumns.put(md.getColumnPrivileges(null, null, "orders", null), 8);
    expectedColumns.put(md.getTablePrivileges(null, null, null), 7);
    expectedColumns.put(md.getBestRowIdentifier(null, null, "orders", 0, true), 8);
    expectedColumns.put(md.getVersionColumns(null, null, "orders"), 8);
    expectedColumns.put(md.getPseudoColumns(null, null, null, null), 12);
    for (Map.Entry<ResultSet, Integer> entry : expectedColumns.entrySet()) {
      try (ResultSet rs = entry.getKey()) {
        assertEquals(entry.getValue(), rs.getMetaData().getColumnCount());
        assertFalse(rs.next());
      }
    }
  }

  @Test
  void typeInfoIsSortedByDataTypeAndDescribesEveryTypeReturned() throws SQLException {
    List<Integer> dataTypes = new ArrayList<>();
    List<String> names = new ArrayList<>();
    try (ResultSet rs = md.getTypeInfo()) {
      assertEquals(18, rs.getMetaData().getColumnCount());
      while (rs.next()) {
        dataTypes.add(rs.getInt("DATA_TYPE"));
        names.add(rs.getString("TYPE_NAME"));
      }
    }
    assertEquals(dataTypes.stream().sorted().toList(), dataTypes);
    assertTrue(names.containsAll(List.of("BOOLEAN", "BIGINT", "DECIMAL", "VARCHAR", "TIMESTAMP WITH TIME ZONE",
        "ARRAY", "STRUCT", "MAP")), names.toString());
  }

  @Test
  void identityAndCapabilities() throws SQLException {
    assertEquals("AWS Lake Formation", md.getDatabaseProductName());
    assertEquals("lakeformation-jdbc", md.getDriverName());
    assertEquals("\"", md.getIdentifierQuoteString());
    assertNotNull(md.getSQLKeywords());
    assertNotNull(md.getNumericFunctions());
    assertTrue(md.isReadOnly());
    assertFalse(md.supportsTransactions());
    assertTrue(md.supportsResultSetType(ResultSet.TYPE_FORWARD_ONLY));
    assertFalse(md.supportsResultSetType(ResultSet.TYPE_SCROLL_INSENSITIVE));
    assertEquals(connection, md.getConnection());
    assertFalse(md.getURL().contains("SecretAccessKey"), md.getURL());
    assertTrue(md.getURL().startsWith("jdbc:lakeformation://"), md.getURL());
    assertEquals("AKIALAKEFORMATIONLOCAL", md.getUserName());
    assertEquals(4, md.getJDBCMajorVersion());
  }

  /** The calls DBeaver makes on connect and while a user expands the navigator tree. */
  @Test
  void aNavigatorCrawlWorksAndMakesFewApiCalls() throws SQLException {
    try (Connection fresh = fixture.connect("")) {
      long listingsBefore = fixture.local.requestCount("ListTableMetadata");
      DatabaseMetaData meta = fresh.getMetaData();
      meta.getSQLKeywords();
      meta.getNumericFunctions();
      meta.getStringFunctions();
      meta.getTimeDateFunctions();
      meta.getSystemFunctions();
      strings(meta.getTypeInfo(), "TYPE_NAME");
      strings(meta.getClientInfoProperties(), "NAME");
      int columns = 0;
      for (int expand = 0; expand < 3; expand++) {
        for (String catalog : strings(meta.getCatalogs(), "TABLE_CAT")) {
          for (String schema : strings(meta.getSchemas(catalog, null), "TABLE_SCHEM")) {
            for (String table : strings(meta.getTables(catalog, schema, "%", null), "TABLE_NAME")) {
              try (ResultSet rs = meta.getColumns(catalog, schema, table, "%")) {
                while (rs.next()) {
                  assertNotNull(rs.getString("TYPE_NAME"));
                  columns++;
                }
              }
              strings(meta.getPrimaryKeys(catalog, schema, table), "COLUMN_NAME");
              strings(meta.getIndexInfo(catalog, schema, table, false, true), "INDEX_NAME");
              strings(meta.getImportedKeys(catalog, schema, table), "PKTABLE_NAME");
            }
          }
          strings(meta.getFunctions(catalog, null, "%"), "FUNCTION_NAME");
        }
      }
      assertTrue(columns > 3 * 80, "columns seen: " + columns);
      long listings = fixture.local.requestCount("ListTableMetadata") - listingsBefore;
      assertEquals(2, listings, "one listing per database (tpch, types) for the whole crawl, thanks to the cache");
      assertEquals(0, fresh.unwrap(LfConnection.class).allocatedBytes());
    }
  }

  /** Names and types, in order, as the DatabaseMetaData javadoc gives them. */
  @Test
  void resultColumnsAreTheOnesJdbcSpecifies() throws SQLException {
    assertShape(md.getTables(null, null, "region", null), "TABLE_CAT:12 TABLE_SCHEM:12 TABLE_NAME:12 TABLE_TYPE:12"
        + " REMARKS:12 TYPE_CAT:12 TYPE_SCHEM:12 TYPE_NAME:12 SELF_REFERENCING_COL_NAME:12 REF_GENERATION:12");
    assertShape(md.getColumns(null, null, "region", null), "TABLE_CAT:12 TABLE_SCHEM:12 TABLE_NAME:12"
        + " COLUMN_NAME:12 DATA_TYPE:4 TYPE_NAME:12 COLUMN_SIZE:4 BUFFER_LENGTH:4 DECIMAL_DIGITS:4 NUM_PREC_RADIX:4"
        + " NULLABLE:4 REMARKS:12 COLUMN_DEF:12 SQL_DATA_TYPE:4 SQL_DATETIME_SUB:4 CHAR_OCTET_LENGTH:4"
        + " ORDINAL_POSITION:4 IS_NULLABLE:12 SCOPE_CATALOG:12 SCOPE_SCHEMA:12 SCOPE_TABLE:12 SOURCE_DATA_TYPE:5"
        + " IS_AUTOINCREMENT:12 IS_GENERATEDCOLUMN:12");
    assertShape(md.getSchemas(), "TABLE_SCHEM:12 TABLE_CATALOG:12");
    assertShape(md.getCatalogs(), "TABLE_CAT:12");
    assertShape(md.getPrimaryKeys(null, null, "region"), "TABLE_CAT:12 TABLE_SCHEM:12 TABLE_NAME:12 COLUMN_NAME:12"
        + " KEY_SEQ:5 PK_NAME:12");
    assertShape(md.getTypeInfo(), "TYPE_NAME:12 DATA_TYPE:4 PRECISION:4 LITERAL_PREFIX:12 LITERAL_SUFFIX:12"
        + " CREATE_PARAMS:12 NULLABLE:5 CASE_SENSITIVE:16 SEARCHABLE:5 UNSIGNED_ATTRIBUTE:16 FIXED_PREC_SCALE:16"
        + " AUTO_INCREMENT:16 LOCAL_TYPE_NAME:12 MINIMUM_SCALE:5 MAXIMUM_SCALE:5 SQL_DATA_TYPE:4 SQL_DATETIME_SUB:4"
        + " NUM_PREC_RADIX:4");
    assertShape(md.getIndexInfo(null, null, "region", false, true), "TABLE_CAT:12 TABLE_SCHEM:12 TABLE_NAME:12"
        + " NON_UNIQUE:16 INDEX_QUALIFIER:12 INDEX_NAME:12 TYPE:5 ORDINAL_POSITION:5 COLUMN_NAME:12 ASC_OR_DESC:12"
        + " CARDINALITY:-5 PAGES:-5 FILTER_CONDITION:12");
    assertShape(md.getFunctions(null, null, null), "FUNCTION_CAT:12 FUNCTION_SCHEM:12 FUNCTION_NAME:12 REMARKS:12"
        + " FUNCTION_TYPE:5 SPECIFIC_NAME:12");
  }

  private static void assertShape(ResultSet rs, String expected) throws SQLException {
    try (rs) {
      ResultSetMetaData meta = rs.getMetaData();
      List<String> actual = new ArrayList<>();
      for (int c = 1; c <= meta.getColumnCount(); c++) {
        actual.add(meta.getColumnName(c) + ":" + meta.getColumnType(c));
      }
      assertEquals(List.of(expected.split(" ")), actual);
    }
  }

  @Test
  void theConnectionRemembersItsQueriesWhoseAthenaDetailsTheSystemTableReads() throws SQLException {
    try (Connection c = fixture.connect("Database=tpch")) {
      try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM region")) {
        rs.next();
      }
      LfConnection lf = c.unwrap(LfConnection.class);
      List<String> recent = lf.recentQueryIds();
      assertEquals(1, recent.size());
      try (ResultSet rs = c.createStatement().executeQuery("SELECT query_execution_id, query"
          + " FROM system.query_executions WHERE query_execution_id = '" + recent.get(0) + "'")) {
        assertTrue(rs.next());
        assertEquals(recent.get(0), rs.getString(1));
        assertEquals("SELECT COUNT(*) FROM region", rs.getString(2));
      }
    }
  }
}
