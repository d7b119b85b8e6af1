package dev.lakeformation.local.queries;

import dev.lakeformation.core.arrow.RootAllocators;
import dev.lakeformation.core.h2.H2Messages;
import dev.lakeformation.local.faults.Faults;
import dev.lakeformation.local.protocol.LocalThreads;
import dev.lakeformation.local.protocol.ServiceError;
import dev.lakeformation.local.sql.AthenaSql;
import dev.lakeformation.local.sql.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The queries LakeFormation Local knows: it plans each one on a background thread (running its
 * SQL on H2 and encoding the rows into work units as they arrive) and expires it after the
 * configured time to live, freeing its units.
 */
public final class QueryRegistry implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(QueryRegistry.class.getName());

  private final H2Backend h2;
  private final QuerySettings config;
  private final Faults faults;
  private final Clock clock;
  private final WorkUnitStore.HeapBudget heapBudget;
  private final Map<String, ServedQuery> queries = new ConcurrentHashMap<>();
  private final ExecutorService planners;
  private final ScheduledExecutorService sweeper;
  private final BufferAllocator allocator = RootAllocators.create();

  public QueryRegistry(H2Backend h2, QuerySettings config, Faults faults, Clock clock) {
    this.h2 = h2;
    this.config = config;
    this.faults = faults;
    this.clock = clock;
    this.heapBudget = new WorkUnitStore.HeapBudget(config.heapLimitBytes());
    this.planners = Executors.newFixedThreadPool(config.plannerThreads(),
        LocalThreads.named("lakeformation-local-planner"));
    this.sweeper = Executors.newSingleThreadScheduledExecutor(
        LocalThreads.named("lakeformation-local-expiry"));
    long sweepMillis = Math.max(50, Math.min(5_000, config.queryTimeToLive().toMillis() / 4));
    sweeper.scheduleWithFixedDelay(this::expireOld, sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
  }

  /** Starts planning {@code sql} in {@code database}; unknown databases are InvalidInput. */
  ServedQuery start(String database, String catalogId, String sql, Map<String, String> parameters) {
    String schema;
    try {
      schema = h2.schemaNamed(database);
    } catch (SQLException e) {
      throw ServiceError.internal("could not read the catalog: " + e.getMessage());
    }
    if (schema == null) {
      throw ServiceError.invalidInput("Database " + database + " not found.");
    }
    ServedQuery query = new ServedQuery(UUID.randomUUID().toString(), schema, catalogId, sql,
        parameters, clock.instant(), new WorkUnitStore(heapBudget), config.unitsPerRange(),
        faults.notReadyAnswersPerQuery());
    queries.put(query.id, query);
    planners.execute(() -> plan(query));
    return query;
  }

  private void plan(ServedQuery query) {
    query.startPlanning(clock.instant());
    long delay = faults.planningDelayMillis();
    if (delay > 0) {
      try {
        Thread.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return; // the service is closing
      }
    }
    if (query.cancelled()) {
      return;
    }
    try (Connection connection = h2.openForQueries(query.database);
        BufferAllocator planAllocator = allocator.newChildAllocator("plan-" + query.id, 0, Long.MAX_VALUE);
        Statement statement = connection.createStatement()) {
      statement.setFetchSize(config.rowsPerBatch());
      query.planningWith(statement);
      try (ResultSet rs = statement.executeQuery(AthenaSql.toH2(query.queryText))) {
        ResultEncoder encoder = new ResultEncoder(planAllocator, config.rowsPerBatch(), config.rowsPerWorkUnit(),
            config.compression());
        encoder.encode(rs, bytes -> {
          query.store.append(bytes);
          query.unitAdded();
        });
        query.finish(clock.instant());
      }
    } catch (Exception | OutOfMemoryError e) {
      if (!query.cancelled()) {
        failed(query, e);
      }
    } finally {
      query.planningWith(null);
    }
  }

  /** Athena's StopQueryExecution: stops {@code queryId}, if it is still running. */
  public void stop(String queryId) {
    ServedQuery query = queries.get(queryId);
    if (query == null) {
      throw ServiceError.athenaInvalidRequest("QueryExecution " + queryId + " was not found");
    }
    query.cancel(clock.instant());
  }

  /**
   * Ends {@code query} in ERROR with a message its user can act on, logged as one line: at FINE
   * when the query was at fault (its client gets the message; a terminal running lfsql should
   * not get it twice), at WARNING otherwise. The stack trace is logged at FINER.
   */
  private void failed(ServedQuery query, Throwable failure) {
    String message = PlanningFailure.message(failure);
    boolean queryAtFault = PlanningFailure.causedByQuery(failure);
    LOG.log(queryAtFault ? Level.FINE : Level.WARNING, () -> "Query " + query.id + " failed in planning: "
        + (queryAtFault ? message : H2Messages.oneLine(failure.toString())));
    LOG.log(Level.FINER, failure, () -> "Query " + query.id + " failed in planning");
    query.fail(message, clock.instant());
  }

  /**
   * Registers a query whose work units are {@code unitStreams}, served byte for byte as given:
   * planned already (FINISHED), in the {@code published} database, with {@code description} as
   * its query text.
   */
  public ServedQuery publish(String description, List<byte[]> unitStreams) {
    Instant now = clock.instant();
    ServedQuery query = new ServedQuery(UUID.randomUUID().toString(), "published", null, description,
        Map.of(), now, new WorkUnitStore(heapBudget), config.unitsPerRange(), faults.notReadyAnswersPerQuery());
    query.startPlanning(now);
    try {
      for (byte[] unit : unitStreams) {
        query.store.append(unit);
        query.unitAdded();
      }
    } catch (IOException e) {
      query.store.close();
      throw new UncheckedIOException(e);
    }
    query.finish(now);
    queries.put(query.id, query);
    return query;
  }

  /** The query with this ID; InvalidInput when there is none. */
  ServedQuery get(String queryId) {
    ServedQuery query = queries.get(queryId);
    if (query == null) {
      throw ServiceError.invalidInput("Query " + queryId + " not found.");
    }
    return query;
  }

  public ServedQuery find(String queryId) {
    return queries.get(queryId);
  }

  /** Every query, newest first. */
  public List<ServedQuery> newestFirst() {
    List<ServedQuery> all = new ArrayList<>(queries.values());
    all.sort(Comparator.comparing((ServedQuery q) -> q.submitted).thenComparing(q -> q.id).reversed());
    return all;
  }

  public void expireOld() {
    Instant cutoff = clock.instant().minus(config.queryTimeToLive());
    for (ServedQuery query : queries.values()) {
      if (query.state() != ServedQuery.State.EXPIRED && query.submitted.isBefore(cutoff)) {
        query.expire();
      }
    }
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
    planners.shutdownNow();
    try {
      planners.awaitTermination(10, TimeUnit.SECONDS);
      sweeper.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    queries.values().forEach(q -> q.store.close());
    allocator.close();
  }
}
