package dev.lakeformation.jdbc.fetch;

import dev.lakeformation.jdbc.errors.SqlErrors;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import software.amazon.awssdk.services.lakeformation.LakeFormationClient;
import software.amazon.awssdk.services.lakeformation.model.GetWorkUnitsResponse;
import software.amazon.awssdk.services.lakeformation.model.WorkUnitRange;
import software.amazon.awssdk.services.lakeformation.model.WorkUnitsNotReadyYetException;

/**
 * Walks a query's GetWorkUnits pages lazily and hands out its work units one by one, in order:
 * every range expanded from WorkUnitIdMin to WorkUnitIdMax inclusive, each unit with the token
 * of its own range. "Not ready yet" answers are waited out with growing pauses.
 */
public final class WorkUnitWalker {
  private final LakeFormationClient client;
  private final String queryId;
  private final FetchSettings settings;
  private final RetryPolicy retry;
  private final Cancellation cancellation;
  private final Deque<WorkUnitRange> ranges = new ArrayDeque<>();
  private String nextToken;
  private boolean lastPageSeen;
  private long nextIdInRange = -1;
  private long nextIndex;

  public WorkUnitWalker(LakeFormationClient client, String queryId, FetchSettings settings, RetryPolicy retry,
      Cancellation cancellation) {
    this.client = client;
    this.queryId = queryId;
    this.settings = settings;
    this.retry = retry;
    this.cancellation = cancellation;
  }

  /** The next work unit, or null after the last one. Callers serialise their calls. */
  public synchronized WorkUnit next() throws SQLException {
    WorkUnitRange range = peekRange();
    if (range == null) {
      return null;
    }
    if (nextIdInRange < 0) {
      nextIdInRange = range.workUnitIdMin();
    }
    WorkUnit unit = new WorkUnit(nextIndex++, nextIdInRange, range.workUnitToken());
    if (nextIdInRange >= range.workUnitIdMax()) {
      ranges.removeFirst();
      nextIdInRange = -1;
    } else {
      nextIdInRange++;
    }
    return unit;
  }

  /**
   * The next whole range, as the service listed it, or null after the last one: for callers
   * that want the ranges, not the units (not to be mixed with {@link #next}).
   */
  public synchronized WorkUnitRange nextRange() throws SQLException {
    WorkUnitRange range = peekRange();
    if (range != null) {
      ranges.removeFirst();
    }
    return range;
  }

  private WorkUnitRange peekRange() throws SQLException {
    while (ranges.isEmpty()) {
      if (lastPageSeen) {
        return null;
      }
      readPage();
    }
    return ranges.peekFirst();
  }

  private void readPage() throws SQLException {
    long wait = settings.pollInterval().toMillis();
    long deadline = System.nanoTime() + settings.planningTimeout().toNanos();
    while (true) {
      try {
        GetWorkUnitsResponse page = retry.call("GetWorkUnits", cancellation, () -> client.getWorkUnits(r -> r
            .queryId(queryId).pageSize(settings.pageSize()).nextToken(nextToken)));
        for (WorkUnitRange range : page.workUnitRanges()) {
          if (range.workUnitIdMin() == null || range.workUnitIdMax() == null || range.workUnitToken() == null
              || range.workUnitIdMin() < 0 || range.workUnitIdMax() < range.workUnitIdMin()) {
            throw SqlErrors.of(SqlErrors.DATA_EXCEPTION, "GetWorkUnits returned an invalid range ["
                + range.workUnitIdMin() + ", " + range.workUnitIdMax() + "] for query " + queryId + ".");
          }
          ranges.addLast(range);
        }
        nextToken = page.nextToken();
        lastPageSeen = nextToken == null || nextToken.isEmpty();
        return;
      } catch (SQLException e) {
        if (!(e.getCause() instanceof WorkUnitsNotReadyYetException)) {
          throw e;
        }
        if (System.nanoTime() - deadline > 0) {
          throw SqlErrors.of(SqlErrors.TIMEOUT, "Work units of query " + queryId + " were still not ready after "
              + settings.planningTimeout().toSeconds() + " s; raise PlanningTimeoutSeconds to wait longer.", e);
        }
        cancellation.sleep(wait);
        wait = Math.min(wait * 2, settings.pollMaxInterval().toMillis());
      }
    }
  }
}
