package dev.lakeformation.jdbc.systemtable;

import static dev.lakeformation.jdbc.systemtable.SystemColumn.bigint;
import static dev.lakeformation.jdbc.systemtable.SystemColumn.timestamp;
import static dev.lakeformation.jdbc.systemtable.SystemColumn.varchar;

import dev.lakeformation.api.LakeFormationException;
import dev.lakeformation.api.QueryStatistics;
import dev.lakeformation.api.QueryStatus;
import dev.lakeformation.jdbc.errors.SqlErrors;
import dev.lakeformation.core.query.ServiceQuery;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code system.queries}: a Lake Formation query's state (GetQueryState) and statistics
 * (GetQueryStatistics), one row per query ID the statement's filters name. Statistics that are
 * not ready yet, or gone once the query has expired, are NULL, with a warning.
 */
final class QueriesTable extends SystemTable {
  static final String NAME = "queries";
  private static final String EXPIRED = "EXPIRED";
  private static final List<SystemColumn> COLUMNS = List.of(varchar(QueryResultsTable.QUERY_ID), varchar("state"),
      varchar("error"), timestamp("query_submission_time"), bigint("estimated_data_to_scan_bytes"),
      bigint("planning_time_millis"), bigint("queue_time_millis"), bigint("work_units_generated_count"),
      bigint("average_execution_time_millis"), bigint("data_scanned_bytes"), bigint("work_units_executed_count"));

  QueriesTable() {
    super(NAME, "A Lake Formation query's state and statistics (GetQueryState, GetQueryStatistics);"
        + " needs WHERE query_id.", COLUMNS, QueryResultsTable.QUERY_ID, false);
  }

  /** @param keys the query IDs, never null: Lake Formation has no call that lists queries */
  @Override
  public InMemoryTable scan(Set<String> keys, long most, SystemTableContext context, List<SQLWarning> warnings)
      throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    for (String id : new TreeSet<>(keys)) {
      ServiceQuery lakeFormationQuery = context.query(id);
      QueryStatus status;
      Optional<QueryStatistics> found;
      try {
        status = lakeFormationQuery.status();
        found = Optional.empty();
        if (!EXPIRED.equals(status.state())) {
          try {
            found = lakeFormationQuery.statistics();
          } catch (LakeFormationException e) {
            // GetQueryStatistics fails with ExpiredException once the query has expired, which
            // it may have done since its state was read: then its statistics are simply gone.
            status = lakeFormationQuery.status();
            if (!EXPIRED.equals(status.state())) {
              throw e;
            }
          }
        }
      } catch (LakeFormationException e) {
        throw SqlErrors.of(e);
      }
      if (found.isEmpty()) {
        warnings.add(new SQLWarning("The statistics of query " + id + (EXPIRED.equals(status.state())
            ? " are gone: the query has expired, and Lake Formation keeps none of an expired query; they are NULL."
            : " are not ready yet; they are NULL."), "01000"));
      }
      QueryStatistics statistics = found.orElse(new QueryStatistics(null, null, null, null, null, null, null, null));
      rows.add(new Object[] {id, status.state(), status.error(), statistics.submissionTime(),
          statistics.estimatedDataToScanBytes(), statistics.planningTimeMillis(), statistics.queueTimeMillis(),
          statistics.workUnitsGeneratedCount(), statistics.averageExecutionTimeMillis(),
          statistics.dataScannedBytes(), statistics.workUnitsExecutedCount()});
    }
    return new InMemoryTable(NAME, COLUMNS, rows);
  }
}
