package dev.lakeformation.jdbc.metadata;

import dev.lakeformation.api.LakeFormationException;
import dev.lakeformation.api.QueryListener;
import dev.lakeformation.jdbc.errors.SqlErrors;
import dev.lakeformation.core.query.Cancellation;
import dev.lakeformation.core.query.RetryPolicy;
import dev.lakeformation.core.query.ServiceSession;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.DataCatalogStatus;
import software.amazon.awssdk.services.athena.model.DataCatalogSummary;
import software.amazon.awssdk.services.athena.model.ListDataCatalogsResponse;
import software.amazon.awssdk.services.athena.model.ListDatabasesResponse;
import software.amazon.awssdk.services.athena.model.ListTableMetadataResponse;
import software.amazon.awssdk.services.athena.model.TableMetadata;

/**
 * What Athena says the data catalogs hold: catalogs, their databases, and their tables with
 * columns (ListTableMetadata gives the columns too, so no call per table is needed). Every page
 * is read, each call retried under the connection's budget. Listings are kept for a time to
 * live: a GUI that opens a tree calls DatabaseMetaData many times in a burst, and each call
 * would otherwise list the same databases again.
 */
final class AthenaCatalog {
  /** A value and when it stops being reused. */
  private record Cached(Object value, long expiresNanos) {}

  /** Loads a listing; may call Athena. */
  private interface Loader<T> {
    T load() throws SQLException;
  }

  private static final Set<DataCatalogStatus> UNBROWSABLE = EnumSet.complementOf(EnumSet.of(
      DataCatalogStatus.CREATE_COMPLETE, DataCatalogStatus.UNKNOWN_TO_SDK_VERSION));

  private final AthenaClient athena;
  private final RetryPolicy retry;
  private final long ttlNanos;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  AthenaCatalog(ServiceSession session, Duration ttl) {
    this.athena = session.aws().athena();
    this.retry = session.retryPolicy();
    this.ttlNanos = ttl.toNanos();
  }

  @SuppressWarnings("unchecked")
  private <T> T cached(String key, Loader<T> loader) throws SQLException {
    long now = System.nanoTime();
    Cached hit = cache.get(key);
    if (hit != null && hit.expiresNanos() - now > 0) {
      return (T) hit.value();
    }
    T value = loader.load();
    if (ttlNanos > 0) {
      cache.put(key, new Cached(value, now + ttlNanos));
    }
    return value;
  }

  /** Every catalog's name, as ListDataCatalogs gives them. */
  List<String> catalogs() throws SQLException {
    return summaries().stream().map(DataCatalogSummary::catalogName).toList();
  }

  /**
   * The catalogs whose databases can be listed: not those still being created, whose creation
   * failed, or being or already deleted (their Status says so; ListDatabases would fail on them).
   * What a metadata call that names no catalog browses: one broken catalog must not fail it.
   */
  List<String> browsableCatalogs() throws SQLException {
    return summaries().stream().filter(c -> c.status() == null || !UNBROWSABLE.contains(c.status()))
        .map(DataCatalogSummary::catalogName).toList();
  }

  private List<DataCatalogSummary> summaries() throws SQLException {
    return cached("catalogs", this::listCatalogs);
  }

  List<String> databases(String catalog) throws SQLException {
    return cached("databases\u0000" + catalog, () -> listDatabases(catalog));
  }

  List<TableMetadata> tables(String catalog, String database) throws SQLException {
    return cached("tables\u0000" + catalog + "\u0000" + database, () -> listTables(catalog, database));
  }

  /** One page of a listing: its items and the token of the next page (null after the last). */
  private record Page<T>(List<T> items, String nextToken) {}

  /** Calls Athena for one page, given the token of the page to read (null for the first). */
  private interface PageCall<T> {
    Page<T> call(String token);
  }

  /** Every item of a listing, page after page, each call under the retry budget. */
  private <T> List<T> readAll(String operation, PageCall<T> call) throws SQLException {
    List<T> items = new ArrayList<>();
    Cancellation run = Cancellation.none();
    String token = null;
    do {
      String pageToken = token;
      Page<T> page;
      try {
        page = retry.call(operation, run, QueryListener.NONE, () -> call.call(pageToken));
      } catch (LakeFormationException e) {
        throw SqlErrors.of(e);
      }
      items.addAll(page.items());
      token = page.nextToken();
    } while (token != null);
    return List.copyOf(items);
  }

  private List<DataCatalogSummary> listCatalogs() throws SQLException {
    return readAll("ListDataCatalogs", token -> {
      ListDataCatalogsResponse page = athena.listDataCatalogs(r -> r.nextToken(token).maxResults(50));
      return new Page<>(page.dataCatalogsSummary(), page.nextToken());
    });
  }

  private List<String> listDatabases(String catalog) throws SQLException {
    return readAll("ListDatabases", token -> {
      ListDatabasesResponse page = athena.listDatabases(r -> r.catalogName(catalog).nextToken(token).maxResults(50));
      return new Page<>(page.databaseList().stream().map(d -> d.name()).toList(), page.nextToken());
    });
  }

  private List<TableMetadata> listTables(String catalog, String database) throws SQLException {
    return readAll("ListTableMetadata", token -> {
      ListTableMetadataResponse page = athena.listTableMetadata(
          r -> r.catalogName(catalog).databaseName(database).nextToken(token).maxResults(50));
      return new Page<>(page.tableMetadataList(), page.nextToken());
    });
  }
}
