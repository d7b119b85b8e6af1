package dev.lakeformation.jdbc.metadata;

import dev.lakeformation.core.query.ServiceSession;
import dev.lakeformation.core.types.ArrowFieldTypes;
import dev.lakeformation.core.types.GlueTypeParser;
import dev.lakeformation.core.types.SqlType;
import dev.lakeformation.jdbc.systemtable.SystemColumn;
import dev.lakeformation.jdbc.systemtable.SystemQueryParser;
import dev.lakeformation.jdbc.systemtable.SystemTables;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.athena.model.Column;
import software.amazon.awssdk.services.athena.model.TableMetadata;

/**
 * The catalog tree a GUI navigator browses: catalogs are Athena data catalogs, schemas their
 * databases, tables and columns come from ListTableMetadata with Glue types mapped as
 * {@link GlueTypeParser} does; the driver's {@code system} schema appears in the connection's catalog
 * with type {@value #SYSTEM_TABLE}. Rows are in the order and shape JDBC specifies.
 */
final class CatalogBrowser {
  static final String TABLE = "TABLE";
  static final String VIEW = "VIEW";
  static final String SYSTEM_TABLE = "SYSTEM TABLE";

  private final AthenaCatalog catalog;
  private final String defaultCatalog;

  /**
   * @param cacheTtl how long Athena's listings are reused (zero: not at all)
   * @param defaultCatalog the catalog the {@code system} schema appears in
   */
  CatalogBrowser(ServiceSession session, Duration cacheTtl, String defaultCatalog) {
    this.catalog = new AthenaCatalog(session, cacheTtl);
    this.defaultCatalog = defaultCatalog;
  }

  /** Every catalog, by name: one row (TABLE_CAT) each. */
  List<Object[]> catalogRows() throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    for (String name : catalog.catalogs()) {
      rows.add(new Object[] {name});
    }
    rows.sort(Comparator.comparing(r -> (String) r[0]));
    return rows;
  }

  /** The schemas matching the arguments: rows of (TABLE_SCHEM, TABLE_CATALOG). */
  List<Object[]> schemaRows(String catalogName, String schemaPattern) throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    for (String cat : catalogs(catalogName)) {
      for (String schema : schemas(cat, NamePattern.of(schemaPattern))) {
        rows.add(new Object[] {schema, cat});
      }
    }
    rows.sort(Comparator.comparing((Object[] r) -> (String) r[1]).thenComparing(r -> (String) r[0]));
    return rows;
  }

  /** The tables matching the arguments, as getTables' rows. */
  List<Object[]> tableRows(String catalogName, String schemaPattern, String tableNamePattern, String[] types)
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
    return rows;
  }

  /** The columns matching the arguments, as getColumns' rows. */
  List<Object[]> columnRows(String catalogName, String schemaPattern, String tableNamePattern,
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
            DatabaseMetaData.columnNullable, column.remarks(), null, null, null, type.kind().isText() ? type.columnSize() : null,
            ordinal, "YES", null, null, null, null, "NO", "NO"});
      }
    }
    return rows;
  }

  /** The catalogs a metadata call asks about: all that can be browsed for null, none for "" (no catalog). */
  private List<String> catalogs(String catalogName) throws SQLException {
    if (catalogName == null) {
      return catalog.browsableCatalogs();
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
      columns.add(new FoundColumn(column.name(), GlueTypeParser.parse(column.type()), column.comment()));
    }
    return columns;
  }
}
