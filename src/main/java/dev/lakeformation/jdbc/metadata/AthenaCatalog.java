package dev.lakeformation.jdbc.metadata;

import dev.lakeformation.jdbc.fetch.Cancellation;
import dev.lakeformation.jdbc.fetch.RetryPolicy;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.DataCatalogSummary;
import software.amazon.awssdk.services.athena.model.ListDataCatalogsResponse;
import software.amazon.awssdk.services.athena.model.ListDatabasesResponse;
import software.amazon.awssdk.services.athena.model.ListTableMetadataResponse;
import software.amazon.awssdk.services.athena.model.TableMetadata;

/**
 * What Athena says the data catalogs hold: catalogs, their databases, and their tables with
 * columns (ListTableMetadata gives the columns too, so no call per table is needed). Every page
 * is read, each call retried under the connection's budget.
 */
final class AthenaCatalog {
  private final AthenaClient athena;
  private final RetryPolicy retry;

  AthenaCatalog(AthenaClient athena, RetryPolicy retry) {
    this.athena = athena;
    this.retry = retry;
  }

  List<String> catalogs() throws SQLException {
    List<String> names = new ArrayList<>();
    Cancellation run = new Cancellation(0);
    String token = null;
    do {
      String pageToken = token;
      ListDataCatalogsResponse page = retry.call("ListDataCatalogs", run,
          () -> athena.listDataCatalogs(r -> r.nextToken(pageToken).maxResults(50)));
      for (DataCatalogSummary catalog : page.dataCatalogsSummary()) {
        names.add(catalog.catalogName());
      }
      token = page.nextToken();
    } while (token != null);
    return names;
  }

  List<String> databases(String catalog) throws SQLException {
    List<String> names = new ArrayList<>();
    Cancellation run = new Cancellation(0);
    String token = null;
    do {
      String pageToken = token;
      ListDatabasesResponse page = retry.call("ListDatabases", run,
          () -> athena.listDatabases(r -> r.catalogName(catalog).nextToken(pageToken).maxResults(50)));
      page.databaseList().forEach(database -> names.add(database.name()));
      token = page.nextToken();
    } while (token != null);
    return names;
  }

  List<TableMetadata> tables(String catalog, String database) throws SQLException {
    List<TableMetadata> tables = new ArrayList<>();
    Cancellation run = new Cancellation(0);
    String token = null;
    do {
      String pageToken = token;
      ListTableMetadataResponse page = retry.call("ListTableMetadata", run, () -> athena.listTableMetadata(
          r -> r.catalogName(catalog).databaseName(database).nextToken(pageToken).maxResults(50)));
      tables.addAll(page.tableMetadataList());
      token = page.nextToken();
    } while (token != null);
    return tables;
  }
}
