package dev.lakeformation.jdbc.systemtable;

import static dev.lakeformation.jdbc.systemtable.SystemColumn.bigint;
import static dev.lakeformation.jdbc.systemtable.SystemColumn.timestamp;
import static dev.lakeformation.jdbc.systemtable.SystemColumn.varchar;

import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.lakeformation.model.GetQueryStateResponse;
import software.amazon.awssdk.services.lakeformation.model.GetQueryStatisticsResponse;
import software.amazon.awssdk.services.lakeformation.model.StatisticsNotReadyYetException;

/**
 * {@code system.queries}: a Lake Formation query's state (GetQueryState) and statistics
 * (GetQueryStatistics), one row per query ID named in the WHERE clause. Statistics that are not
 * ready yet are NULL, with a warning.
 */
final class QueriesTable implements SystemTable {
  static final String NAME = "queries";
  private static final List<SystemColumn> COLUMNS = List.of(varchar(LakeFormationQueryIds.COLUMN), varchar("state"),
      varchar("error"), timestamp("query_submission_time"), bigint("estimated_data_to_scan_bytes"),
      bigint("planning_time_millis"), bigint("queue_time_millis"), bigint("work_units_generated_count"),
      bigint("average_execution_time_millis"), bigint("data_scanned_bytes"), bigint("work_units_executed_count"));

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "A Lake Formation query's state and statistics (GetQueryState, GetQueryStatistics); needs WHERE query_id.";
  }

  @Override
  public List<SystemColumn> columns() {
    return COLUMNS;
  }

  @Override
  public InMemoryTable scan(SystemQuery query, SystemTableContext context, List<SQLWarning> warnings)
      throws SQLException {
    var lakeFormation = context.aws().lakeFormation();
    List<Object[]> rows = new ArrayList<>();
    for (String id : LakeFormationQueryIds.of(query)) {
      GetQueryStateResponse state = context.retry().call("GetQueryState", context.cancellation(),
          () -> lakeFormation.getQueryState(r -> r.queryId(id)));
      GetQueryStatisticsResponse statistics = null;
      try {
        statistics = context.retry().call("GetQueryStatistics", context.cancellation(),
            () -> lakeFormation.getQueryStatistics(r -> r.queryId(id)));
      } catch (SQLException e) {
        if (!(e.getCause() instanceof StatisticsNotReadyYetException
            || e.getCause() instanceof AwsServiceException a && a.statusCode() == 420)) {
          throw e;
        }
        warnings.add(new SQLWarning("The statistics of query " + id + " are not ready yet; they are NULL.",
            "01000"));
      }
      var planning = statistics == null ? null : statistics.planningStatistics();
      var execution = statistics == null ? null : statistics.executionStatistics();
      rows.add(new Object[] {id, state.stateAsString(), state.error(),
          statistics == null ? null : statistics.querySubmissionTime(),
          planning == null ? null : planning.estimatedDataToScanBytes(),
          planning == null ? null : planning.planningTimeMillis(),
          planning == null ? null : planning.queueTimeMillis(),
          planning == null ? null : planning.workUnitsGeneratedCount(),
          execution == null ? null : execution.averageExecutionTimeMillis(),
          execution == null ? null : execution.dataScannedBytes(),
          execution == null ? null : execution.workUnitsExecutedCount()});
    }
    return new InMemoryTable(NAME, COLUMNS, rows);
  }
}
