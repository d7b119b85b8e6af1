package dev.lakeformation.jdbc.systemtable;

import static dev.lakeformation.jdbc.systemtable.SystemColumn.bigint;
import static dev.lakeformation.jdbc.systemtable.SystemColumn.bool;
import static dev.lakeformation.jdbc.systemtable.SystemColumn.doubleColumn;
import static dev.lakeformation.jdbc.systemtable.SystemColumn.integer;
import static dev.lakeformation.jdbc.systemtable.SystemColumn.timestamp;
import static dev.lakeformation.jdbc.systemtable.SystemColumn.varchar;
import static dev.lakeformation.jdbc.systemtable.SystemColumn.varcharArray;

import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.UnprocessedQueryExecutionId;

/**
 * {@code system.query_executions}: one row per Athena query execution, every field of
 * BatchGetQueryExecution's answer as a typed column. IDs Athena could not read become
 * SQLWarnings on the result (and rows of {@code system.unprocessed_query_executions}).
 */
final class QueryExecutionsTable extends SystemTable {
  static final String NAME = "query_executions";
  static final String ID = "query_execution_id";

  /** A column and how its value is read from a QueryExecution (null when absent). */
  private record Column(SystemColumn column, Function<QueryExecution, Object> value) {}

  private static final List<Column> COLUMNS = List.of(
      new Column(varchar(ID), QueryExecution::queryExecutionId),
      new Column(varchar("query"), QueryExecution::query),
      new Column(varchar("statement_type"), QueryExecution::statementTypeAsString),
      new Column(varchar("substatement_type"), QueryExecution::substatementType),
      new Column(varchar("state"), q -> status(q).map(s -> s.stateAsString()).orElse(null)),
      new Column(varchar("state_change_reason"), q -> status(q).map(s -> s.stateChangeReason()).orElse(null)),
      new Column(timestamp("submission_date_time"), q -> status(q).map(s -> s.submissionDateTime()).orElse(null)),
      new Column(timestamp("completion_date_time"), q -> status(q).map(s -> s.completionDateTime()).orElse(null)),
      new Column(integer("error_category"), q -> error(q).map(e -> e.errorCategory()).orElse(null)),
      new Column(integer("error_type"), q -> error(q).map(e -> e.errorType()).orElse(null)),
      new Column(bool("error_retryable"), q -> error(q).map(e -> e.retryable()).orElse(null)),
      new Column(varchar("error_message"), q -> error(q).map(e -> e.errorMessage()).orElse(null)),
      new Column(bigint("engine_execution_time_millis"), q -> stats(q).map(s -> s.engineExecutionTimeInMillis())
          .orElse(null)),
      new Column(bigint("data_scanned_bytes"), q -> stats(q).map(s -> s.dataScannedInBytes()).orElse(null)),
      new Column(varchar("data_manifest_location"), q -> stats(q).map(s -> s.dataManifestLocation()).orElse(null)),
      new Column(bigint("total_execution_time_millis"), q -> stats(q).map(s -> s.totalExecutionTimeInMillis())
          .orElse(null)),
      new Column(bigint("query_queue_time_millis"), q -> stats(q).map(s -> s.queryQueueTimeInMillis()).orElse(null)),
      new Column(bigint("service_pre_processing_time_millis"),
          q -> stats(q).map(s -> s.servicePreProcessingTimeInMillis()).orElse(null)),
      new Column(bigint("query_planning_time_millis"), q -> stats(q).map(s -> s.queryPlanningTimeInMillis())
          .orElse(null)),
      new Column(bigint("service_processing_time_millis"),
          q -> stats(q).map(s -> s.serviceProcessingTimeInMillis()).orElse(null)),
      new Column(bool("reused_previous_result"), q -> stats(q).map(s -> s.resultReuseInformation())
          .map(r -> r.reusedPreviousResult()).orElse(null)),
      new Column(doubleColumn("dpu_count"), q -> stats(q).map(s -> s.dpuCount()).orElse(null)),
      new Column(varchar("work_group"), QueryExecution::workGroup),
      new Column(varchar("database"), q -> Optional.ofNullable(q.queryExecutionContext()).map(c -> c.database())
          .orElse(null)),
      new Column(varchar("catalog"), q -> Optional.ofNullable(q.queryExecutionContext()).map(c -> c.catalog())
          .orElse(null)),
      new Column(varchar("selected_engine_version"), q -> Optional.ofNullable(q.engineVersion())
          .map(v -> v.selectedEngineVersion()).orElse(null)),
      new Column(varchar("effective_engine_version"), q -> Optional.ofNullable(q.engineVersion())
          .map(v -> v.effectiveEngineVersion()).orElse(null)),
      new Column(varchar("output_location"), q -> Optional.ofNullable(q.resultConfiguration())
          .map(r -> r.outputLocation()).orElse(null)),
      new Column(varchar("encryption_option"), q -> Optional.ofNullable(q.resultConfiguration())
          .map(r -> r.encryptionConfiguration()).map(e -> e.encryptionOptionAsString()).orElse(null)),
      new Column(varchar("encryption_kms_key"), q -> Optional.ofNullable(q.resultConfiguration())
          .map(r -> r.encryptionConfiguration()).map(e -> e.kmsKey()).orElse(null)),
      new Column(varchar("expected_bucket_owner"), q -> Optional.ofNullable(q.resultConfiguration())
          .map(r -> r.expectedBucketOwner()).orElse(null)),
      new Column(varchar("s3_acl_option"), q -> Optional.ofNullable(q.resultConfiguration())
          .map(r -> r.aclConfiguration()).map(a -> a.s3AclOptionAsString()).orElse(null)),
      new Column(bool("result_reuse_by_age_enabled"), q -> Optional.ofNullable(q.resultReuseConfiguration())
          .map(r -> r.resultReuseByAgeConfiguration()).map(a -> a.enabled()).orElse(null)),
      new Column(integer("result_reuse_max_age_minutes"), q -> Optional.ofNullable(q.resultReuseConfiguration())
          .map(r -> r.resultReuseByAgeConfiguration()).map(a -> a.maxAgeInMinutes()).orElse(null)),
      new Column(bool("managed_query_results_enabled"), q -> Optional.ofNullable(q.managedQueryResultsConfiguration())
          .map(m -> m.enabled()).orElse(null)),
      new Column(varchar("managed_query_results_kms_key"), q -> Optional.ofNullable(
          q.managedQueryResultsConfiguration()).map(m -> m.encryptionConfiguration()).map(e -> e.kmsKey())
          .orElse(null)),
      new Column(bool("s3_access_grants_enabled"), q -> Optional.ofNullable(
          q.queryResultsS3AccessGrantsConfiguration()).map(g -> g.enableS3AccessGrants()).orElse(null)),
      new Column(bool("s3_access_grants_user_level_prefix"), q -> Optional.ofNullable(
          q.queryResultsS3AccessGrantsConfiguration()).map(g -> g.createUserLevelPrefix()).orElse(null)),
      new Column(varchar("s3_access_grants_authentication_type"), q -> Optional.ofNullable(
          q.queryResultsS3AccessGrantsConfiguration()).map(g -> g.authenticationTypeAsString()).orElse(null)),
      new Column(varcharArray("execution_parameters"), q -> q.hasExecutionParameters() ? q.executionParameters()
          : null));

  private static Optional<software.amazon.awssdk.services.athena.model.QueryExecutionStatus> status(QueryExecution q) {
    return Optional.ofNullable(q.status());
  }

  private static Optional<software.amazon.awssdk.services.athena.model.AthenaError> error(QueryExecution q) {
    return status(q).map(s -> s.athenaError());
  }

  private static Optional<software.amazon.awssdk.services.athena.model.QueryExecutionStatistics> stats(
      QueryExecution q) {
    return Optional.ofNullable(q.statistics());
  }




  QueryExecutionsTable() {
    super(NAME, "Athena query executions (BatchGetQueryExecution); without a query_execution_id filter, those of the"
        + " connection's workgroup (ListQueryExecutions).", COLUMNS.stream().map(Column::column).toList(), ID, true);
  }

  @Override
  public InMemoryTable scan(Set<String> keys, long most, SystemTableContext context, List<SQLWarning> warnings)
      throws SQLException {
    AthenaExecutions.Answer answer = AthenaExecutions.read(keys, most, context, warnings);
    List<Object[]> rows = new ArrayList<>();
    for (QueryExecution execution : answer.executions()) {
      Object[] row = new Object[COLUMNS.size()];
      for (int i = 0; i < row.length; i++) {
        row[i] = COLUMNS.get(i).value().apply(execution);
      }
      rows.add(row);
    }
    for (UnprocessedQueryExecutionId unprocessed : answer.unprocessed()) {
      warnings.add(new SQLWarning("Athena could not read query execution " + unprocessed.queryExecutionId() + ": "
          + unprocessed.errorCode() + ": " + unprocessed.errorMessage()
          + " (system.unprocessed_query_executions lists these)", "01000"));
    }
    return new InMemoryTable(NAME, columns(), rows);
  }
}
