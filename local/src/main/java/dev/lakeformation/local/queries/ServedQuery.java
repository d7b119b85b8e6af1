package dev.lakeformation.local.queries;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One query planned through StartQueryPlanning: its state machine, its work units and their
 * ranges, and the figures GetQueryStatistics and Athena report for it.
 *
 * <p>States follow the service: PENDING until the first range of units exists,
 * WORKUNITS_AVAILABLE while planning goes on, FINISHED once every unit exists, ERROR if the
 * query failed, EXPIRED once its time to live has passed.
 */
public final class ServedQuery {
  public enum State { PENDING, WORKUNITS_AVAILABLE, ERROR, FINISHED, EXPIRED }

  /** A run of consecutive work-unit IDs, inclusive at both ends, all with one token. */
  record Range(long min, long max, String token) {}

  private static final SecureRandom TOKENS = new SecureRandom();

  public final String id;
  public final String database;
  final String catalogId;
  public final String queryText;
  public final Map<String, String> parameters;
  public final Instant submitted;
  public final WorkUnitStore store;
  private final int unitsPerRange;
  private final AtomicInteger notReadyAnswersLeft;

  private final List<Range> ranges = new ArrayList<>();
  private final BitSet unitsServed = new BitSet();
  private volatile State state = State.PENDING;
  private volatile boolean cancelled;
  private Statement runningStatement;
  private volatile String error;
  private volatile Instant planningStarted;
  private volatile Instant planningEnded;
  private final AtomicLong bytesServed = new AtomicLong();
  private final AtomicLong servingMillis = new AtomicLong();
  private final AtomicLong servings = new AtomicLong();

  ServedQuery(String id, String database, String catalogId, String queryText,
      Map<String, String> parameters, Instant submitted, WorkUnitStore store, int unitsPerRange,
      int notReadyAnswers) {
    this.id = id;
    this.database = database;
    this.catalogId = catalogId;
    this.queryText = queryText;
    this.parameters = parameters;
    this.submitted = submitted;
    this.store = store;
    this.unitsPerRange = unitsPerRange;
    this.notReadyAnswersLeft = new AtomicInteger(notReadyAnswers);
  }

  public State state() {
    return state;
  }

  public String error() {
    return error;
  }

  public Instant planningStarted() {
    return planningStarted;
  }

  public Instant planningEnded() {
    return planningEnded;
  }

  void startPlanning(Instant now) {
    planningStarted = now;
  }

  /** Called by the planner after each unit is stored: closes a range once it is full. */
  synchronized void unitAdded() {
    long units = store.size();
    long covered = ranges.isEmpty() ? 0 : ranges.get(ranges.size() - 1).max() + 1;
    if (units - covered >= unitsPerRange) {
      addRange(covered, covered + unitsPerRange - 1);
      if (state == State.PENDING) {
        state = State.WORKUNITS_AVAILABLE;
      }
    }
  }

  /**
   * Stops the query (Athena's StopQueryExecution): it ends in ERROR, its planning is cancelled
   * and its work units are dropped. A query that ended already keeps its state.
   */
  void cancel(Instant now) {
    Statement planning;
    synchronized (this) {
      if (state != State.PENDING && state != State.WORKUNITS_AVAILABLE) {
        return;
      }
      cancelled = true;
      planning = runningStatement;
    }
    fail("Query " + id + " was cancelled (StopQueryExecution).", now);
    if (planning != null) {
      try {
        planning.cancel();
      } catch (SQLException e) {
        // it ended meanwhile; the state is set either way
      }
    }
  }

  /** Whether the query was stopped by StopQueryExecution (it is then in ERROR). */
  public boolean cancelled() {
    return cancelled;
  }

  /** The H2 statement planning the query, which a cancel stops; null when none runs. */
  synchronized void planningWith(Statement statement) {
    this.runningStatement = statement;
  }

  synchronized void finish(Instant now) {
    long units = store.size();
    long covered = ranges.isEmpty() ? 0 : ranges.get(ranges.size() - 1).max() + 1;
    if (units > covered) {
      addRange(covered, units - 1);
    }
    planningEnded = now;
    if (state == State.PENDING || state == State.WORKUNITS_AVAILABLE) {
      state = State.FINISHED;
    }
  }

  synchronized void fail(String message, Instant now) {
    if (state == State.ERROR || state == State.EXPIRED) {
      return; // the first ending stays (a cancel, then the planner's failure because of it)
    }
    error = message;
    planningEnded = now;
    state = State.ERROR;
    store.close();
  }

  void expire() {
    state = State.EXPIRED;
    store.close();
  }

  private void addRange(long min, long max) {
    byte[] token = new byte[16];
    TOKENS.nextBytes(token);
    ranges.add(new Range(min, max, HexFormat.of().formatHex(token)));
  }

  /** The ranges known so far, from index {@code from}, at most {@code limit} of them. */
  synchronized List<Range> ranges(int from, int limit) {
    // In long: a page size near Integer.MAX_VALUE (the model sets no upper bound) must not wrap.
    int to = (int) Math.min(ranges.size(), (long) from + limit);
    return from >= to ? List.of() : List.copyOf(ranges.subList(from, to));
  }

  synchronized int rangeCount() {
    return ranges.size();
  }

  /** The range that holds unit {@code id}, or null when no listed range does. */
  synchronized Range rangeOf(long id) {
    for (Range range : ranges) {
      if (id >= range.min() && id <= range.max()) {
        return range;
      }
    }
    return null;
  }

  /** True while the fault injector still wants this query's GetWorkUnits answered "not ready". */
  boolean takeNotReadyAnswer() {
    return notReadyAnswersLeft.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
  }

  synchronized void recordServed(long unitId, long bytes, long millis) {
    unitsServed.set((int) unitId);
    bytesServed.addAndGet(bytes);
    servingMillis.addAndGet(millis);
    servings.incrementAndGet();
  }

  synchronized long unitsExecuted() {
    return unitsServed.cardinality();
  }

  long bytesServed() {
    return bytesServed.get();
  }

  long averageExecutionMillis() {
    long n = servings.get();
    return n == 0 ? 0 : servingMillis.get() / n;
  }
}
