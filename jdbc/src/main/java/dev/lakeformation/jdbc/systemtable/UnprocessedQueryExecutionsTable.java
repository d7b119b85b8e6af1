package dev.lakeformation.jdbc.systemtable;

import static dev.lakeformation.jdbc.systemtable.SystemColumn.varchar;

import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.athena.model.UnprocessedQueryExecutionId;

/**
 * {@code system.unprocessed_query_executions}: the IDs BatchGetQueryExecution could not read,
 * with Athena's error code and message; read for the same IDs as query_executions.
 */
final class UnprocessedQueryExecutionsTable extends SystemTable {
  static final String NAME = "unprocessed_query_executions";
  private static final List<SystemColumn> COLUMNS = List.of(varchar(QueryExecutionsTable.ID),
      varchar("error_code"), varchar("error_message"));

  UnprocessedQueryExecutionsTable() {
    super(NAME, "Query execution IDs Athena could not read (BatchGetQueryExecution's"
        + " UnprocessedQueryExecutionIds).", COLUMNS, QueryExecutionsTable.ID, true);
  }

  @Override
  public InMemoryTable scan(Set<String> keys, long most, SystemTableContext context, List<SQLWarning> warnings)
      throws SQLException {
    AthenaExecutions.Answer answer = AthenaExecutions.read(keys, most, context, warnings);
    List<Object[]> rows = new ArrayList<>();
    for (UnprocessedQueryExecutionId unprocessed : answer.unprocessed()) {
      rows.add(new Object[] {unprocessed.queryExecutionId(), unprocessed.errorCode(), unprocessed.errorMessage()});
    }
    return new InMemoryTable(NAME, COLUMNS, rows);
  }
}
