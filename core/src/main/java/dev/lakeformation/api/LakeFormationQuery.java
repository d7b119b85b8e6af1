package dev.lakeformation.api;

import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * A Lake Formation query that was planned ({@link QuerySession#plan}) or attached to by its ID
 * ({@link QuerySession#attach}): its work units, each read from any thread
 * ({@link #openWorkUnit}), its state and its statistics. Thread-safe.
 *
 * <p>Every call waits under the query's own stop signal: {@link #cancel()}, from any thread,
 * ends them with a {@link LakeFormationException} of SQLState HY008.
 */
public interface LakeFormationQuery {
  /** The service's 36-character query ID. */
  String queryId();

  /** Stops every wait and read of this query, now and later. */
  void cancel();

  /**
   * Every work unit of the query, in its order: every GetWorkUnits page read, every range
   * expanded, waiting while the service is still planning. Small serializable values, to hand to
   * other threads or machines.
   */
  List<WorkUnit> workUnits() throws LakeFormationException;

  /** The query's work-unit ranges as GetWorkUnits lists them, every page. */
  List<WorkUnitRange> workUnitRanges() throws LakeFormationException;

  /**
   * Opens one work unit of this query as an Arrow reader on {@code allocator} (see
   * {@link QuerySession#openWorkUnit}); nothing is fetched before its first batch is asked for.
   */
  ArrowReader openWorkUnit(WorkUnit unit, BufferAllocator allocator) throws LakeFormationException;

  /** The query's state now (GetQueryState). */
  QueryStatus status() throws LakeFormationException;

  /** The query's statistics (GetQueryStatistics), or empty while the service has none ready yet. */
  Optional<QueryStatistics> statistics() throws LakeFormationException;
}
