package dev.lakeformation.jdbc.metadata;

import dev.lakeformation.core.config.ConnectionProperty;
import dev.lakeformation.core.query.ServiceSession;
import dev.lakeformation.jdbc.resultset.OpenResults;
import dev.lakeformation.jdbc.resultset.SelfWrapper;
import dev.lakeformation.jdbc.systemtable.InMemoryTable;
import dev.lakeformation.jdbc.systemtable.SystemColumn;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * DatabaseMetaData for GUI navigators and BI tools: the catalog tree ({@link CatalogBrowser}),
 * the types ({@link TypeInfo}), the fixed answers ({@link FixedAnswers}), and, for everything
 * that does not exist in Lake Formation (keys, indexes, procedures, privileges…), an empty result
 * set with exactly the columns JDBC specifies. Every result is tracked, so that closing the
 * connection closes those a tool left open.
 */
public final class LfDatabaseMetaData extends FixedAnswers implements SelfWrapper {
  private final Connection connection;
  /** The connection's: closing the connection closes the results handed out here. */
  private final OpenResults results;
  private final CatalogBrowser browser;
  private final BufferAllocator allocator;
  private final String url;
  private final String userName;

  /**
   * @param cacheTtl how long Athena's listings are reused (zero: not at all)
   * @param url the connection's URL without secrets
   * @param userName the access key ID, or null when the credentials come from elsewhere
   * @param defaultCatalog the catalog the {@code system} schema appears in
   */
  public LfDatabaseMetaData(Connection connection, ServiceSession session, OpenResults results, Duration cacheTtl,
      String url, String userName, String defaultCatalog) {
    this.connection = connection;
    this.results = results;
    this.browser = new CatalogBrowser(session, cacheTtl, defaultCatalog);
    this.allocator = session.allocator();
    this.url = url;
    this.userName = userName;
  }

  private ResultSet result(String name, List<SystemColumn> columns, List<Object[]> rows) throws SQLException {
    return results.track(new InMemoryTable(name, columns, rows).toResultSet(allocator, null));
  }

  private ResultSet empty(String name, List<SystemColumn> columns) throws SQLException {
    return result(name, columns, List.of());
  }

  // ------------------------------------------------------------------ the catalog tree

  @Override
  public ResultSet getCatalogs() throws SQLException {
    return result("catalogs", MetadataTables.CATALOGS, browser.catalogRows());
  }

  @Override
  public ResultSet getSchemas() throws SQLException {
    return getSchemas(null, null);
  }

  @Override
  public ResultSet getSchemas(String catalogName, String schemaPattern) throws SQLException {
    return result("schemas", MetadataTables.SCHEMAS, browser.schemaRows(catalogName, schemaPattern));
  }

  @Override
  public ResultSet getTableTypes() throws SQLException {
    return result("table_types", MetadataTables.TABLE_TYPES, List.of(new Object[] {CatalogBrowser.SYSTEM_TABLE},
        new Object[] {CatalogBrowser.TABLE}, new Object[] {CatalogBrowser.VIEW}));
  }

  @Override
  public ResultSet getTables(String catalogName, String schemaPattern, String tableNamePattern, String[] types)
      throws SQLException {
    return result("tables", MetadataTables.TABLES, browser.tableRows(catalogName, schemaPattern, tableNamePattern,
        types));
  }

  @Override
  public ResultSet getColumns(String catalogName, String schemaPattern, String tableNamePattern,
      String columnNamePattern) throws SQLException {
    return result("columns", MetadataTables.COLUMNS, browser.columnRows(catalogName, schemaPattern, tableNamePattern,
        columnNamePattern));
  }

  @Override
  public ResultSet getTypeInfo() throws SQLException {
    return result("type_info", MetadataTables.TYPE_INFO, TypeInfo.rows());
  }

  // ------------------------------------------------------------------ what Lake Formation does not have

  @Override
  public ResultSet getPrimaryKeys(String c, String s, String t) throws SQLException {
    return empty("primary_keys", MetadataTables.PRIMARY_KEYS);
  }
  @Override
  public ResultSet getImportedKeys(String c, String s, String t) throws SQLException {
    return empty("imported_keys", MetadataTables.KEYS);
  }
  @Override
  public ResultSet getExportedKeys(String c, String s, String t) throws SQLException {
    return empty("exported_keys", MetadataTables.KEYS);
  }
  @Override
  public ResultSet getCrossReference(String pc, String ps, String pt, String fc, String fs, String ft)
      throws SQLException {
    return empty("cross_reference", MetadataTables.KEYS);
  }
  @Override
  public ResultSet getIndexInfo(String c, String s, String t, boolean unique, boolean approximate)
      throws SQLException {
    return empty("index_info", MetadataTables.INDEX_INFO);
  }
  @Override
  public ResultSet getProcedures(String c, String s, String p) throws SQLException {
    return empty("procedures", MetadataTables.PROCEDURES);
  }
  @Override
  public ResultSet getProcedureColumns(String c, String s, String p, String col) throws SQLException {
    return empty("procedure_columns", MetadataTables.PROCEDURE_COLUMNS);
  }
  @Override
  public ResultSet getFunctions(String c, String s, String f) throws SQLException {
    return empty("functions", MetadataTables.FUNCTIONS);
  }
  @Override
  public ResultSet getFunctionColumns(String c, String s, String f, String col) throws SQLException {
    return empty("function_columns", MetadataTables.FUNCTION_COLUMNS);
  }
  @Override
  public ResultSet getColumnPrivileges(String c, String s, String t, String col) throws SQLException {
    return empty("column_privileges", MetadataTables.COLUMN_PRIVILEGES);
  }
  @Override
  public ResultSet getTablePrivileges(String c, String s, String t) throws SQLException {
    return empty("table_privileges", MetadataTables.TABLE_PRIVILEGES);
  }
  @Override
  public ResultSet getBestRowIdentifier(String c, String s, String t, int scope, boolean nullable)
      throws SQLException {
    return empty("best_row_identifier", MetadataTables.BEST_ROW);
  }
  @Override
  public ResultSet getVersionColumns(String c, String s, String t) throws SQLException {
    return empty("version_columns", MetadataTables.VERSION_COLUMNS);
  }
  @Override
  public ResultSet getUDTs(String c, String s, String t, int[] types) throws SQLException {
    return empty("udts", MetadataTables.UDTS);
  }
  @Override
  public ResultSet getSuperTypes(String c, String s, String t) throws SQLException {
    return empty("super_types", MetadataTables.SUPER_TYPES);
  }
  @Override
  public ResultSet getSuperTables(String c, String s, String t) throws SQLException {
    return empty("super_tables", MetadataTables.SUPER_TABLES);
  }
  @Override
  public ResultSet getAttributes(String c, String s, String t, String a) throws SQLException {
    return empty("attributes", MetadataTables.ATTRIBUTES);
  }
  @Override
  public ResultSet getPseudoColumns(String c, String s, String t, String col) throws SQLException {
    return empty("pseudo_columns", MetadataTables.PSEUDO_COLUMNS);
  }

  // ------------------------------------------------------------------ this connection

  @Override
  public ResultSet getClientInfoProperties() throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    for (ConnectionProperty<String> property : ConnectionProperty.CLIENT_INFO) {
      rows.add(new Object[] {property.name(), ConnectionProperty.CLIENT_INFO_MAX_LENGTH, null, property.description()});
    }
    return result("client_info_properties", MetadataTables.CLIENT_INFO, rows);
  }

  // ------------------------------------------------------------------ identity

  @Override
  public Connection getConnection() {
    return connection;
  }
  @Override
  public String getURL() {
    return url;
  }
  @Override
  public String getUserName() {
    return userName;
  }}
