package dev.lakeformation.jdbc.metadata;

import dev.lakeformation.jdbc.errors.SqlErrors;
import dev.lakeformation.jdbc.errors.SqlState;
import dev.lakeformation.jdbc.query.QuerySession;
import dev.lakeformation.jdbc.resultset.OpenResults;
import dev.lakeformation.jdbc.systemtable.InMemoryTable;
import dev.lakeformation.jdbc.systemtable.SystemColumn;
import dev.lakeformation.jdbc.systemtable.SystemQueryParser;
import dev.lakeformation.jdbc.systemtable.SystemTables;
import dev.lakeformation.jdbc.types.ArrowFieldTypes;
import dev.lakeformation.jdbc.types.GlueTypes;
import dev.lakeformation.jdbc.types.SqlKind;
import dev.lakeformation.jdbc.types.SqlType;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.arrow.memory.BufferAllocator;
import software.amazon.awssdk.services.athena.model.Column;
import software.amazon.awssdk.services.athena.model.TableMetadata;

/**
 * DatabaseMetaData for GUI navigators and BI tools. Catalogs are Athena data catalogs, schemas
 * their databases, tables and columns come from ListTableMetadata with Glue types mapped as
 * {@link GlueTypes} does; the driver's {@code system} schema appears in the connection's catalog
 * with type {@code SYSTEM TABLE}. Everything that does not exist in Lake Formation (keys,
 * indexes, procedures, privileges…) is an empty result set with the columns JDBC specifies.
 */
public final class LfDatabaseMetaData implements DatabaseMetaData {
  static final String TABLE = "TABLE";
  static final String VIEW = "VIEW";
  static final String SYSTEM_TABLE = "SYSTEM TABLE";

  /** Athena's words beyond SQL:2003 that a query tool should know as keywords. */
  private static final String SQL_KEYWORDS = "ARRAY,BERNOULLI,DESCRIBE,EXPLAIN,FORMAT,IF,ILIKE,LIMIT,LOGICAL,MAP,"
      + "OFFSET,PARTITION,PARTITIONS,POSITION,RANGE,REPLACE,ROW,SCHEMAS,SESSION,SHOW,SYSTEM,SYSTEM_TIME,"
      + "SYSTEM_VERSION,TABLES,TABLESAMPLE,TRY_CAST,UNNEST,USE,VERSION,WITHIN";

  private final Connection connection;
  /** The connection's: closing the connection closes the results handed out here. */
  private final OpenResults results;
  private final AthenaCatalog catalog;
  private final BufferAllocator allocator;
  private final String url;
  private final String userName;
  private final String defaultCatalog;

  /**
   * @param cacheTtl how long Athena's listings are reused (zero: not at all)
   * @param url the connection's URL without secrets
   * @param userName the access key ID, or null when the credentials come from elsewhere
   * @param defaultCatalog the catalog the {@code system} schema appears in
   */
  public LfDatabaseMetaData(Connection connection, QuerySession session, OpenResults results, Duration cacheTtl,
      String url, String userName, String defaultCatalog) {
    this.connection = connection;
    this.results = results;
    this.catalog = new AthenaCatalog(session, cacheTtl);
    this.allocator = session.allocator();
    this.url = url;
    this.userName = userName;
    this.defaultCatalog = defaultCatalog;
  }

  private ResultSet result(String name, List<SystemColumn> columns, List<Object[]> rows) throws SQLException {
    return results.track(new InMemoryTable(name, columns, rows).toResultSet(allocator, null));
  }

  private ResultSet empty(String name, List<SystemColumn> columns) throws SQLException {
    return result(name, columns, List.of());
  }

  // ------------------------------------------------------------------ catalog browsing

  /** The catalogs a metadata call asks about: all for null, none for "" (no catalog). */
  private List<String> catalogs(String catalogName) throws SQLException {
    if (catalogName == null) {
      return catalog.catalogs();
    }
    return catalogName.isEmpty() ? List.of() : List.of(catalogName);
  }

  /** The databases of {@code catalogName} matching {@code pattern}, the system schema included. */
  private List<String> schemas(String catalogName, NamePattern pattern) throws SQLException {
    List<String> names = new ArrayList<>();
    if (catalogName.equalsIgnoreCase(defaultCatalog) && pattern.matches(SystemQueryParser.SCHEMA)) {
      names.add(SystemQueryParser.SCHEMA);
    }
    String exact = pattern.exactName();
    if (exact != null && exact.equalsIgnoreCase(SystemQueryParser.SCHEMA)) {
      return names;
    }
    for (String database : catalog.databases(catalogName)) {
      if (pattern.matches(database) && !database.equalsIgnoreCase(SystemQueryParser.SCHEMA)) {
        names.add(database);
      }
    }
    return names;
  }

  /** One table found while browsing, with its columns as JDBC sees them. */
  private record FoundTable(String catalog, String schema, String name, String type, String remarks,
      List<FoundColumn> columns) {}

  private record FoundColumn(String name, SqlType type, String remarks) {}

  private List<FoundTable> tables(String catalogName, String schemaPattern, String tableNamePattern)
      throws SQLException {
    NamePattern schemas = NamePattern.of(schemaPattern);
    NamePattern tables = NamePattern.of(tableNamePattern);
    List<FoundTable> found = new ArrayList<>();
    for (String cat : catalogs(catalogName)) {
      for (String schema : schemas(cat, schemas)) {
        if (schema.equals(SystemQueryParser.SCHEMA)) {
          for (SystemTables.Description table : SystemTables.describeAll()) {
            if (tables.matches(table.name())) {
              List<FoundColumn> columns = new ArrayList<>();
              for (SystemColumn column : table.columns()) {
                columns.add(new FoundColumn(column.name(), ArrowFieldTypes.of(column.field()), null));
              }
              found.add(new FoundTable(cat, schema, table.name(), SYSTEM_TABLE, table.remarks(), columns));
            }
          }
          continue;
        }
        for (TableMetadata table : catalog.tables(cat, schema)) {
          if (tables.matches(table.name())) {
            found.add(new FoundTable(cat, schema, table.name(), tableType(table.tableType()),
                table.hasParameters() ? table.parameters().get("comment") : null, columns(table)));
          }
        }
      }
    }
    return found;
  }

  private static String tableType(String athenaType) {
    return athenaType != null && athenaType.toUpperCase(Locale.ROOT).contains("VIEW") ? VIEW : TABLE;
  }

  private static List<FoundColumn> columns(TableMetadata table) {
    List<FoundColumn> columns = new ArrayList<>();
    List<Column> all = new ArrayList<>(table.columns());
    all.addAll(table.partitionKeys());
    for (Column column : all) {
      columns.add(new FoundColumn(column.name(), GlueTypes.parse(column.type()), column.comment()));
    }
    return columns;
  }

  @Override
  public ResultSet getCatalogs() throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    for (String name : catalog.catalogs()) {
      rows.add(new Object[] {name});
    }
    rows.sort(Comparator.comparing(r -> (String) r[0]));
    return result("catalogs", MetadataTables.CATALOGS, rows);
  }

  @Override
  public ResultSet getSchemas() throws SQLException {
    return getSchemas(null, null);
  }

  @Override
  public ResultSet getSchemas(String catalogName, String schemaPattern) throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    for (String cat : catalogs(catalogName)) {
      for (String schema : schemas(cat, NamePattern.of(schemaPattern))) {
        rows.add(new Object[] {schema, cat});
      }
    }
    rows.sort(Comparator.comparing((Object[] r) -> (String) r[1]).thenComparing(r -> (String) r[0]));
    return result("schemas", MetadataTables.SCHEMAS, rows);
  }

  @Override
  public ResultSet getTableTypes() throws SQLException {
    return result("table_types", MetadataTables.TABLE_TYPES,
        List.of(new Object[] {SYSTEM_TABLE}, new Object[] {TABLE}, new Object[] {VIEW}));
  }

  @Override
  public ResultSet getTables(String catalogName, String schemaPattern, String tableNamePattern, String[] types)
      throws SQLException {
    Set<String> wanted = types == null ? null
        : Arrays.stream(types).map(t -> t.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
    List<Object[]> rows = new ArrayList<>();
    for (FoundTable table : tables(catalogName, schemaPattern, tableNamePattern)) {
      if (wanted == null || wanted.contains(table.type())) {
        rows.add(new Object[] {table.catalog(), table.schema(), table.name(), table.type(), table.remarks(), null,
            null, null, null, null});
      }
    }
    rows.sort(Comparator.comparing((Object[] r) -> (String) r[3]).thenComparing(r -> (String) r[0])
        .thenComparing(r -> (String) r[1]).thenComparing(r -> (String) r[2]));
    return result("tables", MetadataTables.TABLES, rows);
  }

  @Override
  public ResultSet getColumns(String catalogName, String schemaPattern, String tableNamePattern,
      String columnNamePattern) throws SQLException {
    NamePattern columnNames = NamePattern.of(columnNamePattern);
    List<FoundTable> tables = new ArrayList<>(tables(catalogName, schemaPattern, tableNamePattern));
    tables.sort(Comparator.comparing(FoundTable::catalog).thenComparing(FoundTable::schema)
        .thenComparing(FoundTable::name));
    List<Object[]> rows = new ArrayList<>();
    for (FoundTable table : tables) {
      int ordinal = 0;
      for (FoundColumn column : table.columns()) {
        ordinal++;
        if (!columnNames.matches(column.name())) {
          continue;
        }
        SqlType type = column.type();
        rows.add(new Object[] {table.catalog(), table.schema(), table.name(), column.name(), type.jdbcType(),
            type.typeName(), type.columnSize(), null, type.decimalDigits(), type.kind().isNumber() ? 10 : null,
            columnNullable, column.remarks(), null, null, null, type.kind().isText() ? type.columnSize() : null,
            ordinal, "YES", null, null, null, null, "NO", "NO"});
      }
    }
    return result("columns", MetadataTables.COLUMNS, rows);
  }

  /** The types a query can return, each at its largest, with what DDL would need to say to make one. */
  private static final List<SqlType> TYPES = List.of(SqlType.of(SqlKind.BOOLEAN), SqlType.of(SqlKind.TINYINT),
      SqlType.of(SqlKind.SMALLINT), SqlType.of(SqlKind.INTEGER), SqlType.of(SqlKind.BIGINT), SqlType.of(SqlKind.REAL),
      SqlType.of(SqlKind.DOUBLE), SqlType.decimal(38, 0), SqlType.sized(SqlKind.CHAR, 65_535),
      SqlType.sized(SqlKind.VARCHAR, SqlType.UNBOUNDED), SqlType.sized(SqlKind.VARBINARY, SqlType.UNBOUNDED),
      SqlType.of(SqlKind.DATE), SqlType.temporal(SqlKind.TIME, 9), SqlType.temporal(SqlKind.TIMESTAMP, 9),
      SqlType.temporal(SqlKind.TIMESTAMP_WITH_TIME_ZONE, 9));

  @Override
  public ResultSet getTypeInfo() throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    for (SqlType type : TYPES) {
      SqlKind kind = type.kind();
      boolean temporal = kind == SqlKind.DATE || kind == SqlKind.TIME || kind == SqlKind.TIMESTAMP
          || kind == SqlKind.TIMESTAMP_WITH_TIME_ZONE;
      String prefix = kind.isText() ? "'" : temporal ? type.typeName() + " '" : kind == SqlKind.VARBINARY ? "X'" : null;
      String createParams = kind == SqlKind.DECIMAL ? "precision,scale" : kind.isText() ? "length" : null;
      int maximumScale = kind == SqlKind.DECIMAL ? 38 : temporal && kind != SqlKind.DATE ? 9 : 0;
      rows.add(new Object[] {type.typeName(), type.jdbcType(), type.columnSize(), prefix, prefix == null ? null : "'",
          createParams, typeNullable, kind.isText(), typeSearchable, !kind.signed(), kind == SqlKind.DECIMAL, false,
          null, 0, maximumScale, null, null, kind.isNumber() ? 10 : null});
    }
    for (SqlKind nested : List.of(SqlKind.ARRAY, SqlKind.MAP, SqlKind.STRUCT)) {
      rows.add(new Object[] {nested.name(), nested.jdbcType(), 0, null, null, null, typeNullable, false, typePredNone,
          true, false, false, null, 0, 0, null, null, null});
    }
    rows.sort(Comparator.comparing((Object[] r) -> (Integer) r[1]));
    return result("type_info", MetadataTables.TYPE_INFO, rows);
  }

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
  public ResultSet getClientInfoProperties() throws SQLException {
    return empty("client_info_properties", MetadataTables.CLIENT_INFO);
  }

  @Override
  public ResultSet getPseudoColumns(String c, String s, String t, String col) throws SQLException {
    return empty("pseudo_columns", MetadataTables.PSEUDO_COLUMNS);
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
  }

  @Override
  public String getDatabaseProductName() {
    return "AWS Lake Formation";
  }

  @Override
  public String getDatabaseProductVersion() {
    return "2017-03-31";
  }

  @Override
  public int getDatabaseMajorVersion() {
    return 2017;
  }

  @Override
  public int getDatabaseMinorVersion() {
    return 3;
  }

  @Override
  public String getDriverName() {
    return DriverVersion.NAME;
  }

  @Override
  public String getDriverVersion() {
    return DriverVersion.TEXT;
  }

  @Override
  public int getDriverMajorVersion() {
    return DriverVersion.MAJOR;
  }

  @Override
  public int getDriverMinorVersion() {
    return DriverVersion.MINOR;
  }

  @Override
  public int getJDBCMajorVersion() {
    return 4;
  }

  @Override
  public int getJDBCMinorVersion() {
    return 3;
  }

  @Override
  public boolean isReadOnly() {
    return true;
  }

  // ------------------------------------------------------------------ the SQL the service speaks

  @Override
  public String getIdentifierQuoteString() {
    return "\"";
  }

  @Override
  public String getSQLKeywords() {
    return SQL_KEYWORDS;
  }

  @Override
  public String getNumericFunctions() {
    return "ABS,ACOS,ASIN,ATAN,ATAN2,CEILING,COS,DEGREES,EXP,FLOOR,LOG,LOG10,MOD,PI,POWER,RADIANS,RAND,ROUND,SIGN,"
        + "SIN,SQRT,TAN,TRUNCATE";
  }

  @Override
  public String getStringFunctions() {
    return "CHAR,CONCAT,LCASE,LEFT,LENGTH,LOCATE,LTRIM,REPLACE,REPEAT,RIGHT,RTRIM,SUBSTRING,UCASE";
  }

  @Override
  public String getSystemFunctions() {
    return "";
  }

  @Override
  public String getTimeDateFunctions() {
    return "CURDATE,CURTIME,DAYOFMONTH,DAYOFWEEK,DAYOFYEAR,HOUR,MINUTE,MONTH,NOW,QUARTER,SECOND,WEEK,YEAR";
  }

  @Override
  public String getSearchStringEscape() {
    return "\\";
  }

  @Override
  public String getExtraNameCharacters() {
    return "";
  }

  @Override
  public String getSchemaTerm() {
    return "database";
  }

  @Override
  public String getProcedureTerm() {
    return "procedure";
  }

  @Override
  public String getCatalogTerm() {
    return "catalog";
  }

  @Override
  public boolean isCatalogAtStart() {
    return true;
  }

  @Override
  public String getCatalogSeparator() {
    return ".";
  }

  @Override
  public boolean nullsAreSortedHigh() {
    return false;
  }

  @Override
  public boolean nullsAreSortedLow() {
    return false;
  }

  @Override
  public boolean nullsAreSortedAtStart() {
    return false;
  }

  /** Athena (Trino) sorts NULLs last, ascending or descending, unless told otherwise. */
  @Override
  public boolean nullsAreSortedAtEnd() {
    return true;
  }

  @Override
  public boolean allProceduresAreCallable() {
    return false;
  }

  /** Lake Formation filters what each principal may read; listing a table does not mean it can be read. */
  @Override
  public boolean allTablesAreSelectable() {
    return false;
  }

  @Override
  public boolean usesLocalFiles() {
    return false;
  }

  @Override
  public boolean usesLocalFilePerTable() {
    return false;
  }

  /** Glue keeps names in lower case: unquoted and quoted names alike. */
  @Override
  public boolean supportsMixedCaseIdentifiers() {
    return false;
  }

  @Override
  public boolean storesUpperCaseIdentifiers() {
    return false;
  }

  @Override
  public boolean storesLowerCaseIdentifiers() {
    return true;
  }

  @Override
  public boolean storesMixedCaseIdentifiers() {
    return false;
  }

  @Override
  public boolean supportsMixedCaseQuotedIdentifiers() {
    return false;
  }

  @Override
  public boolean storesUpperCaseQuotedIdentifiers() {
    return false;
  }

  @Override
  public boolean storesLowerCaseQuotedIdentifiers() {
    return true;
  }

  @Override
  public boolean storesMixedCaseQuotedIdentifiers() {
    return false;
  }

  @Override
  public boolean supportsAlterTableWithAddColumn() {
    return false;
  }

  @Override
  public boolean supportsAlterTableWithDropColumn() {
    return false;
  }

  @Override
  public boolean supportsColumnAliasing() {
    return true;
  }

  @Override
  public boolean nullPlusNonNullIsNull() {
    return true;
  }

  @Override
  public boolean supportsConvert() {
    return false;
  }

  @Override
  public boolean supportsConvert(int fromType, int toType) {
    return false;
  }

  @Override
  public boolean supportsTableCorrelationNames() {
    return true;
  }

  @Override
  public boolean supportsDifferentTableCorrelationNames() {
    return false;
  }

  @Override
  public boolean supportsExpressionsInOrderBy() {
    return true;
  }

  @Override
  public boolean supportsOrderByUnrelated() {
    return true;
  }

  @Override
  public boolean supportsGroupBy() {
    return true;
  }

  @Override
  public boolean supportsGroupByUnrelated() {
    return true;
  }

  @Override
  public boolean supportsGroupByBeyondSelect() {
    return true;
  }

  @Override
  public boolean supportsLikeEscapeClause() {
    return true;
  }

  @Override
  public boolean supportsMultipleResultSets() {
    return false;
  }

  @Override
  public boolean supportsMultipleTransactions() {
    return false;
  }

  @Override
  public boolean supportsNonNullableColumns() {
    return false;
  }

  @Override
  public boolean supportsMinimumSQLGrammar() {
    return true;
  }

  @Override
  public boolean supportsCoreSQLGrammar() {
    return false;
  }

  @Override
  public boolean supportsExtendedSQLGrammar() {
    return false;
  }

  @Override
  public boolean supportsANSI92EntryLevelSQL() {
    return true;
  }

  @Override
  public boolean supportsANSI92IntermediateSQL() {
    return false;
  }

  @Override
  public boolean supportsANSI92FullSQL() {
    return false;
  }

  @Override
  public boolean supportsIntegrityEnhancementFacility() {
    return false;
  }

  @Override
  public boolean supportsOuterJoins() {
    return true;
  }

  @Override
  public boolean supportsFullOuterJoins() {
    return true;
  }

  @Override
  public boolean supportsLimitedOuterJoins() {
    return true;
  }

  @Override
  public boolean supportsSchemasInDataManipulation() {
    return true;
  }

  @Override
  public boolean supportsSchemasInProcedureCalls() {
    return false;
  }

  @Override
  public boolean supportsSchemasInTableDefinitions() {
    return false;
  }

  @Override
  public boolean supportsSchemasInIndexDefinitions() {
    return false;
  }

  @Override
  public boolean supportsSchemasInPrivilegeDefinitions() {
    return false;
  }

  @Override
  public boolean supportsCatalogsInDataManipulation() {
    return false;
  }

  @Override
  public boolean supportsCatalogsInProcedureCalls() {
    return false;
  }

  @Override
  public boolean supportsCatalogsInTableDefinitions() {
    return false;
  }

  @Override
  public boolean supportsCatalogsInIndexDefinitions() {
    return false;
  }

  @Override
  public boolean supportsCatalogsInPrivilegeDefinitions() {
    return false;
  }

  @Override
  public boolean supportsPositionedDelete() {
    return false;
  }

  @Override
  public boolean supportsPositionedUpdate() {
    return false;
  }

  @Override
  public boolean supportsSelectForUpdate() {
    return false;
  }

  @Override
  public boolean supportsStoredProcedures() {
    return false;
  }

  @Override
  public boolean supportsSubqueriesInComparisons() {
    return true;
  }

  @Override
  public boolean supportsSubqueriesInExists() {
    return true;
  }

  @Override
  public boolean supportsSubqueriesInIns() {
    return true;
  }

  @Override
  public boolean supportsSubqueriesInQuantifieds() {
    return true;
  }

  @Override
  public boolean supportsCorrelatedSubqueries() {
    return true;
  }

  @Override
  public boolean supportsUnion() {
    return true;
  }

  @Override
  public boolean supportsUnionAll() {
    return true;
  }

  @Override
  public boolean supportsOpenCursorsAcrossCommit() {
    return false;
  }

  @Override
  public boolean supportsOpenCursorsAcrossRollback() {
    return false;
  }

  @Override
  public boolean supportsOpenStatementsAcrossCommit() {
    return true;
  }

  @Override
  public boolean supportsOpenStatementsAcrossRollback() {
    return true;
  }

  // ------------------------------------------------------------------ limits: 0 means none known

  @Override
  public int getMaxBinaryLiteralLength() {
    return 0;
  }

  @Override
  public int getMaxCharLiteralLength() {
    return 0;
  }

  /** Glue's limit on names. */
  @Override
  public int getMaxColumnNameLength() {
    return 255;
  }

  @Override
  public int getMaxColumnsInGroupBy() {
    return 0;
  }

  @Override
  public int getMaxColumnsInIndex() {
    return 0;
  }

  @Override
  public int getMaxColumnsInOrderBy() {
    return 0;
  }

  @Override
  public int getMaxColumnsInSelect() {
    return 0;
  }

  @Override
  public int getMaxColumnsInTable() {
    return 0;
  }

  @Override
  public int getMaxConnections() {
    return 0;
  }

  @Override
  public int getMaxCursorNameLength() {
    return 0;
  }

  @Override
  public int getMaxIndexLength() {
    return 0;
  }

  @Override
  public int getMaxSchemaNameLength() {
    return 255;
  }

  @Override
  public int getMaxProcedureNameLength() {
    return 0;
  }

  @Override
  public int getMaxCatalogNameLength() {
    return 256;
  }

  @Override
  public int getMaxRowSize() {
    return 0;
  }

  @Override
  public boolean doesMaxRowSizeIncludeBlobs() {
    return false;
  }

  /** The service model sets no maximum on StartQueryPlanning's QueryString. */
  @Override
  public int getMaxStatementLength() {
    return 0;
  }

  @Override
  public int getMaxStatements() {
    return 0;
  }

  @Override
  public int getMaxTableNameLength() {
    return 255;
  }

  @Override
  public int getMaxTablesInSelect() {
    return 0;
  }

  @Override
  public int getMaxUserNameLength() {
    return 128;
  }

  // ------------------------------------------------------------------ transactions and result sets

  @Override
  public int getDefaultTransactionIsolation() {
    return Connection.TRANSACTION_NONE;
  }

  @Override
  public boolean supportsTransactions() {
    return false;
  }

  @Override
  public boolean supportsTransactionIsolationLevel(int level) {
    return level == Connection.TRANSACTION_NONE;
  }

  @Override
  public boolean supportsDataDefinitionAndDataManipulationTransactions() {
    return false;
  }

  @Override
  public boolean supportsDataManipulationTransactionsOnly() {
    return false;
  }

  @Override
  public boolean dataDefinitionCausesTransactionCommit() {
    return false;
  }

  @Override
  public boolean dataDefinitionIgnoredInTransactions() {
    return false;
  }

  @Override
  public boolean supportsResultSetType(int type) {
    return type == ResultSet.TYPE_FORWARD_ONLY;
  }

  @Override
  public boolean supportsResultSetConcurrency(int type, int concurrency) {
    return type == ResultSet.TYPE_FORWARD_ONLY && concurrency == ResultSet.CONCUR_READ_ONLY;
  }

  @Override
  public boolean ownUpdatesAreVisible(int type) {
    return false;
  }

  @Override
  public boolean ownDeletesAreVisible(int type) {
    return false;
  }

  @Override
  public boolean ownInsertsAreVisible(int type) {
    return false;
  }

  @Override
  public boolean othersUpdatesAreVisible(int type) {
    return false;
  }

  @Override
  public boolean othersDeletesAreVisible(int type) {
    return false;
  }

  @Override
  public boolean othersInsertsAreVisible(int type) {
    return false;
  }

  @Override
  public boolean updatesAreDetected(int type) {
    return false;
  }

  @Override
  public boolean deletesAreDetected(int type) {
    return false;
  }

  @Override
  public boolean insertsAreDetected(int type) {
    return false;
  }

  @Override
  public boolean supportsBatchUpdates() {
    return false;
  }

  @Override
  public boolean supportsSavepoints() {
    return false;
  }

  @Override
  public boolean supportsNamedParameters() {
    return false;
  }

  @Override
  public boolean supportsMultipleOpenResults() {
    return false;
  }

  @Override
  public boolean supportsGetGeneratedKeys() {
    return false;
  }

  @Override
  public boolean supportsResultSetHoldability(int holdability) {
    return holdability == ResultSet.CLOSE_CURSORS_AT_COMMIT;
  }

  @Override
  public int getResultSetHoldability() {
    return ResultSet.CLOSE_CURSORS_AT_COMMIT;
  }

  @Override
  public int getSQLStateType() {
    return sqlStateSQL;
  }

  @Override
  public boolean locatorsUpdateCopy() {
    return false;
  }

  @Override
  public boolean supportsStatementPooling() {
    return false;
  }

  @Override
  public RowIdLifetime getRowIdLifetime() {
    return RowIdLifetime.ROWID_UNSUPPORTED;
  }

  @Override
  public boolean supportsStoredFunctionsUsingCallSyntax() {
    return false;
  }

  @Override
  public boolean autoCommitFailureClosesAllResultSets() {
    return false;
  }

  @Override
  public boolean generatedKeyAlwaysReturned() {
    return false;
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw SqlErrors.of(SqlState.GENERAL, "Not a wrapper of " + type.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }
}
