package dev.lakeformation.spark;

import dev.lakeformation.api.LakeFormationException;
import dev.lakeformation.api.QueryListener;
import dev.lakeformation.api.SqlState;
import dev.lakeformation.core.query.Cancellation;
import dev.lakeformation.core.query.ServiceSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.catalyst.analysis.NoSuchNamespaceException;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.apache.spark.sql.connector.catalog.Identifier;
import org.apache.spark.sql.connector.catalog.NamespaceChange;
import org.apache.spark.sql.connector.catalog.SupportsNamespaces;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableCatalog;
import org.apache.spark.sql.connector.catalog.TableChange;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import software.amazon.awssdk.services.athena.AthenaClient;

/**
 * Lake Formation's databases and tables in {@code spark.sql}:
 * {@code spark.sql.catalog.lf=dev.lakeformation.spark.LakeFormationCatalog}, with the connection
 * properties as {@code spark.sql.catalog.lf.*} settings ({@code url}, {@code user},
 * {@code password}, {@code Region}…, as the {@code format("lakeformation")} options). Then
 * {@code SHOW NAMESPACES IN lf}, {@code SHOW TABLES IN lf.sales}, {@code DESCRIBE lf.sales.orders}
 * and {@code SELECT … FROM lf.sales.orders} work, each table read as the {@code table} option
 * reads it (its columns, filters, limit and aggregates planned into the query). Read-only: Athena's catalog is
 * listed, never changed.
 */
public final class LakeFormationCatalog implements TableCatalog, SupportsNamespaces {
  private static final int PAGE = 50;

  private String name;
  private Map<String, String> options;

  @Override
  public void initialize(String catalogName, CaseInsensitiveStringMap settings) {
    this.name = catalogName;
    this.options = Map.copyOf(settings.asCaseSensitiveMap());
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String[][] listNamespaces() {
    return call("ListDatabases", athena -> {
      List<String[]> databases = new ArrayList<>();
      String token = null;
      do {
        String next = token;
        var page = athena.listDatabases(r -> r.catalogName(TableName.DEFAULT_CATALOG).maxResults(PAGE).nextToken(next));
        page.databaseList().forEach(d -> databases.add(new String[] {d.name()}));
        token = page.nextToken();
      } while (token != null);
      return databases.toArray(String[][]::new);
    });
  }

  @Override
  public String[][] listNamespaces(String[] namespace) throws NoSuchNamespaceException {
    database(namespace);
    return new String[0][];
  }

  @Override
  public boolean namespaceExists(String[] namespace) {
    if (namespace.length != 1) {
      return false;
    }
    for (String[] database : listNamespaces()) {
      if (database[0].equalsIgnoreCase(namespace[0])) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Map<String, String> loadNamespaceMetadata(String[] namespace) throws NoSuchNamespaceException {
    if (!namespaceExists(namespace)) {
      throw new NoSuchNamespaceException(namespace);
    }
    return new HashMap<>();
  }

  @Override
  public Identifier[] listTables(String[] namespace) throws NoSuchNamespaceException {
    String database = database(namespace);
    if (!namespaceExists(namespace)) {
      throw new NoSuchNamespaceException(namespace);
    }
    return call("ListTableMetadata", athena -> {
      List<Identifier> tables = new ArrayList<>();
      String token = null;
      do {
        String next = token;
        var page = athena.listTableMetadata(r -> r.catalogName(TableName.DEFAULT_CATALOG).databaseName(database)
            .maxResults(PAGE).nextToken(next));
        page.tableMetadataList().forEach(t -> tables.add(Identifier.of(namespace, t.name())));
        token = page.nextToken();
      } while (token != null);
      return tables.toArray(Identifier[]::new);
    });
  }

  @Override
  public Table loadTable(Identifier ident) throws NoSuchTableException {
    if (ident.namespace().length != 1) {
      throw new NoSuchTableException(ident);
    }
    // The catalog's settings name the connection; a table, query or query ID among them is ignored.
    Map<String, String> tableOptions = new HashMap<>(options);
    tableOptions.keySet().removeIf(key -> key.equalsIgnoreCase(ReadOptions.TABLE) || key.equalsIgnoreCase(ReadOptions.QUERY)
        || key.equalsIgnoreCase("QueryId"));
    try {
      TableName table = TableName.of(null, ident.namespace()[0], ident.name());
      tableOptions.put(ReadOptions.TABLE, table.toString());
      return CatalogTable.describe(ReadOptions.parse(tableOptions));
    } catch (LakeFormationException e) {
      if (SqlState.SYNTAX_OR_ACCESS.equals(e.sqlState())) { // Athena: no such table (EntityNotFound, MetadataException)
        throw new NoSuchTableException(ident);
      }
      throw new LakeFormationSparkException(e);
    }
  }

  private static String database(String[] namespace) throws NoSuchNamespaceException {
    if (namespace.length != 1) {
      throw new NoSuchNamespaceException(namespace);
    }
    return namespace[0];
  }

  /** One Athena listing with the catalog's connection properties, retried as the driver retries. */
  private <T> T call(String operation, Function<AthenaClient, T> listing) {
    try (ServiceSession session = ServiceSession.open(ReadOptions.connectionConfig(options))) {
      return session.retryPolicy().call(operation, Cancellation.none(), QueryListener.NONE,
          () -> listing.apply(session.aws().athena()));
    } catch (LakeFormationException e) {
      throw new LakeFormationSparkException(e);
    }
  }

  /**
   * Spark 3.5 declares this one abstract, and 4.0 routes its newer form here: without it, CREATE
   * TABLE on Spark 3.5 would end in an AbstractMethodError rather than this message.
   */
  @Override
  @SuppressWarnings("deprecation")
  public Table createTable(Identifier ident, StructType schema, Transform[] partitions, Map<String, String> properties) {
    throw readOnly();
  }

  @Override
  public Table alterTable(Identifier ident, TableChange... changes) {
    throw readOnly();
  }

  @Override
  public boolean dropTable(Identifier ident) {
    throw readOnly();
  }

  @Override
  public void renameTable(Identifier oldIdent, Identifier newIdent) {
    throw readOnly();
  }

  @Override
  public void createNamespace(String[] namespace, Map<String, String> metadata) {
    throw readOnly();
  }

  @Override
  public void alterNamespace(String[] namespace, NamespaceChange... changes) {
    throw readOnly();
  }

  @Override
  public boolean dropNamespace(String[] namespace, boolean cascade) {
    throw readOnly();
  }

  private static UnsupportedOperationException readOnly() {
    return new UnsupportedOperationException("The Lake Formation catalog is read-only: change tables in Glue or Athena.");
  }
}
