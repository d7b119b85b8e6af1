package dev.lakeformation.jdbc.systemtable;

import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import software.amazon.awssdk.services.athena.model.BatchGetQueryExecutionResponse;
import software.amazon.awssdk.services.athena.model.ListQueryExecutionsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.UnprocessedQueryExecutionId;

/**
 * Reads Athena query executions: by ID with BatchGetQueryExecution in chunks of {@value #BATCH},
 * the most the API takes, or, without IDs, the newest IDs ListQueryExecutions gives for the
 * workgroup (page by page, at most {@value #MOST_LISTED}) and then those.
 */
final class AthenaExecutions {
  static final int BATCH = 50;
  /**
   * The most executions a statement without IDs reads: a busy workgroup keeps tens of thousands,
   * and every 50 of them cost two calls, so a row count or a GROUP BY over "all" of them would
   * otherwise take minutes. Reaching the bound is a warning on the result, never silent.
   */
  static final int MOST_LISTED = 1_000;

  /** The executions read and the IDs Athena could not read. */
  record Answer(List<QueryExecution> executions, List<UnprocessedQueryExecutionId> unprocessed) {}

  /** The IDs listed, and whether the workgroup has more than were taken. */
  private record Listing(List<String> ids, boolean more) {}

  private AthenaExecutions() {}

  /**
   * @param ids the IDs to read, or null for the workgroup's newest
   * @param most how many listed executions the statement needs at most
   * @param warnings where a listing cut at {@value #MOST_LISTED} says so
   */
  static Answer read(Collection<String> ids, long most, SystemTableContext context, List<SQLWarning> warnings)
      throws SQLException {
    List<String> wanted = new ArrayList<>();
    List<UnprocessedQueryExecutionId> unprocessed = new ArrayList<>();
    if (ids != null) {
      for (String id : ids) {
        if (possibleId(id)) {
          wanted.add(id);
        } else {
          // Athena would refuse the whole batch: this ID alone is answered as it answers an unknown one.
          unprocessed.add(UnprocessedQueryExecutionId.builder().queryExecutionId(id).errorCode("INVALID_INPUT")
              .errorMessage("Not a query execution ID (Athena's are 1 to 128 characters, not all white space);"
                  + " it was not sent to Athena.").build());
        }
      }
    } else {
      Listing listing = list(Math.min(most, MOST_LISTED), context);
      if (listing.more() && most > MOST_LISTED) {
        warnings.add(new SQLWarning("Only the newest " + MOST_LISTED + " query executions of workgroup "
            + (context.workGroup() == null ? "primary" : context.workGroup()) + " were read; name"
            + " older ones with WHERE query_execution_id = '…' or IN ('…', …).", "01000"));
      }
      wanted.addAll(listing.ids());
    }
    List<QueryExecution> executions = new ArrayList<>();
    for (int from = 0; from < wanted.size(); from += BATCH) {
      List<String> chunk = wanted.subList(from, Math.min(wanted.size(), from + BATCH));
      BatchGetQueryExecutionResponse response = context.callAthena("BatchGetQueryExecution",
          () -> context.session().aws().athena().batchGetQueryExecution(r -> r.queryExecutionIds(chunk)));
      executions.addAll(response.queryExecutions());
      unprocessed.addAll(response.unprocessedQueryExecutionIds());
    }
    return new Answer(executions, unprocessed);
  }

  /**
   * Whether {@code id} is within the bounds Athena's model sets a QueryExecutionId: 1 to 128
   * characters, one of them at least not white space (the model's pattern is not anchored), as
   * LakeFormation Local checks them too.
   */
  private static boolean possibleId(String id) {
    if (id == null) {
      return false;
    }
    int characters = id.codePointCount(0, id.length());
    return characters >= 1 && characters <= 128 && !id.isBlank();
  }

  private static Listing list(long most, SystemTableContext context) throws SQLException {
    List<String> ids = new ArrayList<>();
    if (most == 0) {
      return new Listing(ids, false);
    }
    String token = null;
    do {
      String pageToken = token;
      ListQueryExecutionsResponse page = context.callAthena("ListQueryExecutions",
          () -> context.session().aws().athena().listQueryExecutions(r -> r.workGroup(context.workGroup())
              .nextToken(pageToken).maxResults(BATCH)));
      for (String id : page.queryExecutionIds()) {
        if (ids.size() >= most) {
          return new Listing(ids, true);
        }
        ids.add(id);
      }
      token = page.nextToken();
    } while (token != null);
    return new Listing(ids, false);
  }
}
