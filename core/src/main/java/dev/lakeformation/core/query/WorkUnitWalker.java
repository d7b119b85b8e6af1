package dev.lakeformation.core.query;

import dev.lakeformation.api.LakeFormationException;
import dev.lakeformation.api.QueryListener;
import dev.lakeformation.api.SqlState;
import dev.lakeformation.api.WorkUnit;
import dev.lakeformation.api.WorkUnitRange;
import java.util.ArrayDeque;
import java.util.Deque;
import software.amazon.awssdk.services.lakeformation.LakeFormationClient;
import software.amazon.awssdk.services.lakeformation.model.GetWorkUnitsResponse;
import software.amazon.awssdk.services.lakeformation.model.WorkUnitsNotReadyYetException;

/**
 * Walks a query's GetWorkUnits pages lazily and hands out its work units one by one, in order:
 * every range expanded from WorkUnitIdMin to WorkUnitIdMax inclusive, each unit with the token
 * of its own range. "Not ready yet" answers, and empty pages that go on, are waited out with
 * growing pauses, up to the planning timeout. Thread-safe: callers may share one walker.
 */
final class WorkUnitWalker implements WorkUnitSource {
  private final LakeFormationClient client;
  private final String queryId;
  private final FetchSettings settings;
  private final RetryPolicy retry;
  private final QueryListener listener;
  private final Deque<WorkUnitRange> ranges = new ArrayDeque<>();
  private String nextToken;
  private boolean lastPageSeen;
  private long nextIdInRange = -1;
  private long nextIndex;
  private long unitsListed;

  WorkUnitWalker(LakeFormationClient client, String queryId, FetchSettings settings, RetryPolicy retry,
      QueryListener listener) {
    this.client = client;
    this.queryId = queryId;
    this.settings = settings;
    this.retry = retry;
    this.listener = listener;
  }

  /** The next work unit, or null after the last one. */
  @Override
  public synchronized WorkUnit next(Cancellation cancellation) throws LakeFormationException {
    WorkUnitRange range = peekRange(cancellation);
    if (range == null) {
      return null;
    }
    if (nextIdInRange < 0) {
      nextIdInRange = range.idMin();
    }
    WorkUnit unit = new WorkUnit(queryId, nextIndex++, nextIdInRange, range.token());
    if (nextIdInRange >= range.idMax()) {
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
  synchronized WorkUnitRange nextRange(Cancellation cancellation) throws LakeFormationException {
    WorkUnitRange range = peekRange(cancellation);
    if (range != null) {
      ranges.removeFirst();
    }
    return range;
  }

  private WorkUnitRange peekRange(Cancellation cancellation) throws LakeFormationException {
    while (ranges.isEmpty()) {
      if (lastPageSeen) {
        return null;
      }
      readPage(cancellation);
    }
    return ranges.peekFirst();
  }

  private void readPage(Cancellation cancellation) throws LakeFormationException {
    long wait = settings.pollInterval().toMillis();
    long deadline = System.nanoTime() + settings.planningTimeout().toNanos();
    while (true) {
      GetWorkUnitsResponse page;
      try {
        page = retry.call("GetWorkUnits", cancellation, listener, () -> client.getWorkUnits(r -> r
            .queryId(queryId).pageSize(settings.pageSize()).nextToken(nextToken)));
      } catch (LakeFormationException e) {
        if (!(e.getCause() instanceof WorkUnitsNotReadyYetException)) {
          throw e;
        }
        wait = pause(cancellation, deadline, wait, e);
        continue;
      }
      for (var range : page.workUnitRanges()) {
        if (range.workUnitIdMin() == null || range.workUnitIdMax() == null || range.workUnitToken() == null
            || range.workUnitIdMin() < 0 || range.workUnitIdMax() < range.workUnitIdMin()) {
          throw new LakeFormationException(SqlState.DATA_EXCEPTION, "GetWorkUnits returned an invalid range ["
              + range.workUnitIdMin() + ", " + range.workUnitIdMax() + "] for query " + queryId + ".");
        }
        ranges.addLast(new WorkUnitRange(range.workUnitIdMin(), range.workUnitIdMax(), range.workUnitToken()));
        unitsListed += range.workUnitIdMax() - range.workUnitIdMin() + 1;
      }
      nextToken = page.nextToken();
      lastPageSeen = nextToken == null || nextToken.isEmpty();
      listener.workUnitsListed(unitsListed, lastPageSeen);
      if (lastPageSeen || !page.workUnitRanges().isEmpty()) {
        return;
      }
      // The model allows a page with no range and a token to go on (more ranges still being
      // planned): asked again at once, it would be asked in a busy loop, so it is waited out as a
      // "not ready yet" answer is, up to the same timeout.
      wait = pause(cancellation, deadline, wait, null);
    }
  }

  /** Sleeps {@code wait} ms and returns the next, longer pause, or fails once {@code deadline} has passed. */
  private long pause(Cancellation cancellation, long deadline, long wait, LakeFormationException cause)
      throws LakeFormationException {
    if (System.nanoTime() - deadline > 0) {
      throw new LakeFormationException(SqlState.TIMEOUT, "Work units of query " + queryId
          + " were still not ready after " + settings.planningTimeout().toSeconds()
          + " s; raise PlanningTimeoutSeconds to wait longer.", cause);
    }
    cancellation.sleep(wait);
    return Math.min(wait * 2, settings.pollMaxInterval().toMillis());
  }
}
