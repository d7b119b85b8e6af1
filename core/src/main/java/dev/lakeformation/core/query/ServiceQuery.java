package dev.lakeformation.core.query;

import dev.lakeformation.api.LakeFormationException;
import dev.lakeformation.api.LakeFormationQuery;
import dev.lakeformation.api.QueryListener;
import dev.lakeformation.api.QueryStatistics;
import dev.lakeformation.api.QueryStatus;
import dev.lakeformation.api.WorkUnit;
import dev.lakeformation.api.WorkUnitRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import software.amazon.awssdk.services.lakeformation.model.GetQueryStateResponse;
import software.amazon.awssdk.services.lakeformation.model.GetQueryStatisticsResponse;
import software.amazon.awssdk.services.lakeformation.model.StatisticsNotReadyYetException;

/**
 * The query layer's {@link LakeFormationQuery}, planned or attached through a
 * {@link ServiceSession}: besides the public API, all of its rows in order as one stream
 * ({@link #stream}), which the driver's result sets read. Thread-safe.
 *
 * <p>Every call of this query waits under its {@link Cancellation}: {@link #cancel()} (from any
 * thread) or the deadline stops them, and they throw {@link LakeFormationException} with SQLState
 * HY008 or HYT00.
 */
public final class ServiceQuery implements LakeFormationQuery {
  private final ServiceSession session;
  private final String queryId;
  private final Cancellation cancellation;
  private final QueryListener listener;

  ServiceQuery(ServiceSession session, String queryId, Cancellation cancellation, QueryListener listener) {
    this.session = session;
    this.queryId = queryId;
    this.cancellation = cancellation;
    this.listener = listener;
  }

  @Override
  public String queryId() {
    return queryId;
  }

  @Override
  public void cancel() {
    cancellation.cancel("the query was cancelled");
  }

  @Override
  public List<WorkUnit> workUnits() throws LakeFormationException {
    WorkUnitWalker walker = walker();
    List<WorkUnit> units = new ArrayList<>();
    for (WorkUnit unit = walker.next(cancellation); unit != null; unit = walker.next(cancellation)) {
      units.add(unit);
    }
    return units;
  }

  @Override
  public List<WorkUnitRange> workUnitRanges() throws LakeFormationException {
    WorkUnitWalker walker = walker();
    List<WorkUnitRange> ranges = new ArrayList<>();
    for (WorkUnitRange range = walker.nextRange(cancellation); range != null;
        range = walker.nextRange(cancellation)) {
      ranges.add(range);
    }
    return ranges;
  }

  @Override
  public ArrowReader openWorkUnit(WorkUnit unit, BufferAllocator allocator) throws LakeFormationException {
    return session.openWorkUnit(unit, allocator, cancellation, listener);
  }

  /**
   * Every row of the query as one stream of record batches, fetched ahead on the session's fetch
   * settings (MaxConcurrentWorkUnits, MaxBufferBytes, RowOrder) into a child of the session's
   * allocator. The caller closes it.
   */
  public ResultStream stream() throws LakeFormationException {
    session.checkOpen();
    return new ResultStream(queryId, session.bodies(), walker(), session.fetchSettings(), session.retryPolicy(),
        cancellation, listener, session.allocator(), FetchThreads.shared());
  }

  @Override
  public QueryStatus status() throws LakeFormationException {
    GetQueryStateResponse state = session.retryPolicy().call("GetQueryState", cancellation, listener,
        () -> session.aws().lakeFormation().getQueryState(r -> r.queryId(queryId)));
    return new QueryStatus(state.stateAsString(), state.error());
  }

  @Override
  public Optional<QueryStatistics> statistics() throws LakeFormationException {
    GetQueryStatisticsResponse statistics;
    try {
      statistics = session.retryPolicy().call("GetQueryStatistics", cancellation, listener,
          () -> session.aws().lakeFormation().getQueryStatistics(r -> r.queryId(queryId)));
    } catch (LakeFormationException e) {
      if (e.getCause() instanceof StatisticsNotReadyYetException) {
        return Optional.empty();
      }
      throw e;
    }
    var planning = statistics.planningStatistics();
    var execution = statistics.executionStatistics();
    return Optional.of(new QueryStatistics(statistics.querySubmissionTime(),
        planning == null ? null : planning.estimatedDataToScanBytes(),
        planning == null ? null : planning.planningTimeMillis(),
        planning == null ? null : planning.queueTimeMillis(),
        planning == null ? null : planning.workUnitsGeneratedCount(),
        execution == null ? null : execution.averageExecutionTimeMillis(),
        execution == null ? null : execution.dataScannedBytes(),
        execution == null ? null : execution.workUnitsExecutedCount()));
  }

  private WorkUnitWalker walker() throws LakeFormationException {
    session.checkOpen();
    return new WorkUnitWalker(session.aws().lakeFormation(), queryId, session.fetchSettings(), session.retryPolicy(),
        listener);
  }

  @Override
  public String toString() {
    return "query " + queryId;
  }
}
