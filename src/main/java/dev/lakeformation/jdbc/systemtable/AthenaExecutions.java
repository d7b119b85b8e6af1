package dev.lakeformation.jdbc.systemtable;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import software.amazon.awssdk.services.athena.model.BatchGetQueryExecutionResponse;
import software.amazon.awssdk.services.athena.model.ListQueryExecutionsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.UnprocessedQueryExecutionId;

/**
 * Reads Athena query executions: by ID with BatchGetQueryExecution in chunks of
 * {@value #BATCH}, the most the API takes, or, without IDs, every ID ListQueryExecutions gives
 * for the workgroup (newest first, page by page) and then those.
 */
final class AthenaExecutions {
  static final int BATCH = 50;

  /** The executions read and the IDs Athena could not read. */
  record Answer(List<QueryExecution> executions, List<UnprocessedQueryExecutionId> unprocessed) {}

  private AthenaExecutions() {}

  /** @param ids the IDs to read, or null for the workgroup's; @param most stop listing after this many */
  static Answer read(Collection<String> ids, long most, SystemTableContext context) throws SQLException {
    List<String> wanted = ids != null ? List.copyOf(ids) : list(most, context);
    List<QueryExecution> executions = new ArrayList<>();
    List<UnprocessedQueryExecutionId> unprocessed = new ArrayList<>();
    for (int from = 0; from < wanted.size(); from += BATCH) {
      List<String> chunk = wanted.subList(from, Math.min(wanted.size(), from + BATCH));
      BatchGetQueryExecutionResponse response = context.callAthena("BatchGetQueryExecution",
          () -> context.session().aws().athena().batchGetQueryExecution(r -> r.queryExecutionIds(chunk)));
      executions.addAll(response.queryExecutions());
      unprocessed.addAll(response.unprocessedQueryExecutionIds());
    }
    return new Answer(executions, unprocessed);
  }

  private static List<String> list(long most, SystemTableContext context) throws SQLException {
    List<String> ids = new ArrayList<>();
    String token = null;
    do {
      String pageToken = token;
      ListQueryExecutionsResponse page = context.callAthena("ListQueryExecutions",
          () -> context.session().aws().athena().listQueryExecutions(r -> r.workGroup(context.workGroup())
              .nextToken(pageToken).maxResults(BATCH)));
      for (String id : page.queryExecutionIds()) {
        if (ids.size() >= most) {
          return ids;
        }
        ids.add(id);
      }
      token = page.nextToken();
    } while (token != null);
    return ids;
  }
}
