package dev.lakeformation.core.query;

import dev.lakeformation.api.LakeFormationException;
import dev.lakeformation.api.QueryListener;
import dev.lakeformation.api.SqlState;
import software.amazon.awssdk.services.lakeformation.LakeFormationClient;
import software.amazon.awssdk.services.lakeformation.model.GetQueryStateResponse;
import software.amazon.awssdk.services.lakeformation.model.QueryStateString;

/** Starts a query (StartQueryPlanning) and waits, polling GetQueryState, until it has work units. */
final class QueryPlanner {
  private final LakeFormationClient client;
  private final FetchSettings settings;
  private final RetryPolicy retry;

  QueryPlanner(LakeFormationClient client, FetchSettings settings, RetryPolicy retry) {
    this.client = client;
    this.settings = settings;
    this.retry = retry;
  }

  /**
   * Starts planning and returns the query ID. A retried call can leave behind a query the
   * service did start; it is never read and expires on its own.
   */
  String start(String sql, PlanningContext context, Cancellation cancellation, QueryListener listener)
      throws LakeFormationException {
    return retry.call("StartQueryPlanning", cancellation, listener, () -> client.startQueryPlanning(r -> r
        .queryString(sql)
        .queryPlanningContext(c -> c.databaseName(context.database())
            .catalogId(context.catalogId())
            .transactionId(context.transactionId())
            .queryAsOfTime(context.asOfTime())))).queryId();
  }

  /**
   * Polls until the query has work units (WORKUNITS_AVAILABLE or FINISHED), with waits doubling
   * from PollIntervalMillis to PollMaxIntervalMillis. ERROR and EXPIRED become exceptions.
   */
  void awaitWorkUnits(String queryId, Cancellation cancellation, QueryListener listener)
      throws LakeFormationException {
    long deadline = System.nanoTime() + settings.planningTimeout().toNanos();
    long wait = settings.pollInterval().toMillis();
    while (true) {
      GetQueryStateResponse state = retry.call("GetQueryState", cancellation, listener,
          () -> client.getQueryState(r -> r.queryId(queryId)));
      QueryStateString value = state.state();
      if (value == QueryStateString.WORKUNITS_AVAILABLE || value == QueryStateString.FINISHED) {
        return;
      }
      if (value == QueryStateString.ERROR) {
        cancellation.check(); // a query this caller cancelled (and so stopped) ended for that reason
        throw new LakeFormationException(SqlState.SYNTAX_OR_ACCESS, "Query " + queryId + " failed: "
            + (state.error() == null ? "the service gave no reason" : state.error()));
      }
      if (value == QueryStateString.EXPIRED) {
        throw new LakeFormationException(SqlState.GENERAL, "Query " + queryId + " has expired on the service;"
            + " its results are gone. Run the query again.");
      }
      if (value != QueryStateString.PENDING) {
        throw new LakeFormationException(SqlState.GENERAL, "Query " + queryId + " is in state "
            + state.stateAsString() + ", which this driver does not know.");
      }
      if (System.nanoTime() - deadline > 0) {
        throw new LakeFormationException(SqlState.TIMEOUT, "Query " + queryId + " was still planning after "
            + settings.planningTimeout().toSeconds() + " s; raise PlanningTimeoutSeconds to wait longer.");
      }
      cancellation.sleep(wait);
      wait = Math.min(wait * 2, settings.pollMaxInterval().toMillis());
    }
  }
}
