package dev.lakeformation.core.query;

import dev.lakeformation.api.LakeFormationException;
import dev.lakeformation.api.QueryListener;
import dev.lakeformation.api.SqlState;
import dev.lakeformation.api.WorkUnit;
import dev.lakeformation.core.arrow.RootAllocators;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A query's rows as one sequence of record batches: its work units are read on up to
 * MaxConcurrentWorkUnits fetch threads at once, ahead of the reader, and their batches handed
 * out in order. Each unit is read by a {@link WorkUnitReader}, so a broken body is fetched again
 * and every row is delivered exactly once.
 *
 * <p><b>Memory.</b> Decoded batches waiting for the reader are bounded in bytes by the budget:
 * MaxBufferBytes, or less when the JVM's {@link MemoryCeiling} gives this stream a smaller share.
 * A fetch reads its next batch only while the buffered bytes are under the budget. One exception
 * keeps the reader from ever waiting on a unit that could be read: the fetch of the unit the
 * reader needs next may always read when the reader has nothing of that unit buffered. So memory
 * stays within the budget plus one batch per fetch, and the batch the reader holds. Bytes are
 * counted as decoded (dictionary columns expanded, compressed buffers inflated), not as sent.
 *
 * <p><b>Order.</b> In work-unit order (the default) batches are handed out unit by unit, in the
 * order GetWorkUnits listed them; in completion order, as they are decoded.
 *
 * <p><b>Threads.</b> Fetches run on the JVM's shared {@link FetchThreads}, and never wait for room
 * on one: a fetch that finds the budget full <i>parks</i> (its place, between units or in the
 * middle of one with its body open, is kept here) and gives its thread back; it is resumed, on
 * whatever thread is free, when the reader has made room or waits for that unit. So a result
 * whose reader stopped reading holds memory but no thread, and cannot starve the other queries of
 * the JVM. The reader and the fetches meet under one lock, and each side is woken only when the
 * other waits for what just changed; every wait ends at once on cancel or close, and at the
 * query's deadline.
 */
public final class ResultStream implements BatchSource {
  private static final Logger LOG = Logger.getLogger(ResultStream.class.getName());
  private static final long CLOSE_WAIT_SECONDS = 10;

  /** The batches of one unit, waiting for the reader (work-unit order only). */
  private static final class UnitSlot {
    final ArrayDeque<FetchedBatch> batches = new ArrayDeque<>();
    boolean done;
  }

  /**
   * A fetch that holds no thread while it waits for room: before its next unit (no reader), or
   * in the middle of {@code unit}, whose body {@code reader} keeps open.
   */
  private record Parked(WorkUnit unit, WorkUnitReader reader) {}

  /** What a fetch may do next. */
  private enum Turn { GO, PARK, STOP }

  private final String queryId;
  private final UnitBodies bodies;
  private final WorkUnitSource units;
  private final FetchSettings settings;
  private final RetryPolicy retry;
  /** Cancelled with the statement's execution, or by {@link #close()}. */
  private final Cancellation stop;
  private final Cancellation.Registration wakeOnStop;
  private final QueryListener listener;
  private final BufferAllocator allocator;
  private final Executor threads;
  private final MemoryCeiling ceiling;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition readerWake = lock.newCondition();
  private final Condition fetchersWake = lock.newCondition();
  // Everything below is guarded by lock.
  private final Map<Long, UnitSlot> slots = new HashMap<>();
  private final ArrayDeque<FetchedBatch> completed = new ArrayDeque<>();
  private long headIndex;
  private long unitsStarted;
  private long unitsDone;
  /** The source said there are no more units. */
  private boolean noMoreUnits;
  /**
   * Fetch threads between taking a unit from the source and recording it: until they are done,
   * "no more units" from another thread does not mean every unit was started.
   */
  private int unitsBeingTaken;
  private long bufferedBytes;
  private long peakBufferedBytes;
  /** Fetches not yet ended: queued, running or parked. */
  private int fetchersLeft;
  /** Fetches running on a thread now; close() waits for these, never for queued or parked ones. */
  private int fetchersRunning;
  /** Fetches waiting for room, holding no thread. */
  private final ArrayDeque<Parked> parked = new ArrayDeque<>();
  /**
   * Parked fetches resumed and not yet on a thread: close() closes their readers itself (so that
   * all memory is freed when it returns), and a fetch it took finds itself gone from here.
   */
  private final Set<Parked> resuming = Collections.newSetFromMap(new IdentityHashMap<>());
  /**
   * Work-unit readers not yet closed (running, parked, or resumed and waiting for a thread): they
   * hold memory of the allocator, which closes only once they are all closed.
   */
  private int readersOpen;
  private boolean readerWaiting;
  private Schema schema;
  /** The unit whose schema {@link #schema} is: the first to arrive, not always unit 0. */
  private WorkUnit schemaUnit;
  private LakeFormationException failure;
  private boolean closed;
  /** Batches delivered and not yet closed (by the reader or by close()); the allocator waits for them. */
  private int batchesAlive;
  private boolean allocatorClosed;

  ResultStream(String queryId, UnitBodies bodies, WorkUnitSource units, FetchSettings settings, RetryPolicy retry,
      Cancellation execution, QueryListener listener, BufferAllocator parentAllocator, Executor threads) {
    this(queryId, bodies, units, settings, retry, execution, listener, parentAllocator, threads, MemoryCeiling.jvm());
  }

  ResultStream(String queryId, UnitBodies bodies, WorkUnitSource units, FetchSettings settings, RetryPolicy retry,
      Cancellation execution, QueryListener listener, BufferAllocator parentAllocator, Executor threads,
      MemoryCeiling ceiling) {
    this.queryId = queryId;
    this.bodies = bodies;
    this.units = units;
    this.settings = settings;
    this.retry = retry;
    this.stop = execution.child();
    this.listener = listener;
    this.threads = threads;
    this.ceiling = ceiling;
    // A hard cap well above the budget: it stops a corrupt body that claims a huge buffer,
    // without ever limiting a well-formed result.
    this.allocator = parentAllocator.newChildAllocator("query-" + queryId, 0, settings.maxBufferBytes() * 2 + (256L << 20));
    this.wakeOnStop = stop.onCancel(this::wakeEveryone);
    ceiling.register(this);
    int fetchers = settings.maxConcurrentWorkUnits();
    this.fetchersLeft = fetchers;
    for (int i = 0; i < fetchers; i++) {
      threads.execute(() -> fetch(null));
    }
  }

  /**
   * The rows of work-unit bodies already in memory (one Arrow IPC stream per unit), read, checked
   * and decoded on the fetch threads exactly as a query's bodies are: for tests and benchmarks.
   */
  public static ResultStream ofBodies(List<byte[]> bodies, FetchSettings settings, BufferAllocator parentAllocator) {
    BodiesInMemory units = new BodiesInMemory("in-memory-" + UUID.randomUUID(), bodies);
    return new ResultStream("in memory", units, units, settings, new RetryPolicy(settings.maxRetries()),
        Cancellation.none(), QueryListener.NONE, parentAllocator, FetchThreads.shared());
  }

  /** The query whose rows these are. */
  @Override
  public String queryId() {
    return queryId;
  }

  /** The most decoded bytes that waited for the reader at one time (for budget tests and statistics). */
  public long peakBufferedBytes() {
    lock.lock();
    try {
      return peakBufferedBytes;
    } finally {
      lock.unlock();
    }
  }

  // ---------------------------------------------------------------- fetch threads

  /**
   * One fetch: reads units, one after the other, until there are none left, the stream stops,
   * or it finds no room and parks. {@code resumed} is where a parked fetch takes up again (null
   * for a new one).
   */
  private void fetch(Parked resumed) {
    WorkUnitReader closedMeanwhile = null;
    boolean run = false;
    lock.lock();
    try {
      if (resumed != null && !resuming.remove(resumed)) {
        return; // close() took this fetch and closed its reader
      }
      if (closed) {
        fetchersLeft--;
        closedMeanwhile = resumed == null ? null : resumed.reader();
        closeAllocatorIfDone();
      } else {
        fetchersRunning++;
        run = true;
      }
    } finally {
      lock.unlock();
    }
    if (closedMeanwhile != null) {
      closeReader(closedMeanwhile); // closed between close() starting and taking the parked fetches
    }
    if (!run) {
      return;
    }
    WorkUnit unit = resumed == null ? null : resumed.unit();
    WorkUnitReader reader = resumed == null ? null : resumed.reader();
    boolean parkedAgain = false;
    try {
      while (true) {
        if (reader == null) {
          Turn turn = turnForNextUnit();
          if (turn != Turn.GO) {
            parkedAgain = turn == Turn.PARK;
            return;
          }
          unit = takeUnit();
          if (!startUnit(unit)) {
            return;
          }
          reader = openReader(unit);
          acceptSchema(unit, reader.schema());
        }
        Turn turn = readUnit(unit, reader);
        if (turn != Turn.GO) {
          parkedAgain = turn == Turn.PARK;
          return;
        }
        closeReader(reader);
        reader = null;
      }
    } catch (LakeFormationException e) {
      if (!stopped()) {
        fail(e);
      }
    } catch (RuntimeException | Error e) {
      // Any failure, an Error included, is the reader's to see: a fetch that ended silently would
      // leave it with fewer rows than the query has.
      fail(new LakeFormationException(SqlState.GENERAL, "Fetching the work units of query " + queryId
          + " failed: " + e, e));
    } finally {
      if (reader != null && !parkedAgain) {
        closeReader(reader);
      }
      lock.lock();
      try {
        fetchersRunning--;
        if (!parkedAgain) {
          fetchersLeft--;
        }
        signalReader();
        fetchersWake.signalAll(); // close() may be waiting for the running ones
        closeAllocatorIfDone();
      } finally {
        lock.unlock();
      }
    }
  }

  /** A reader of {@code unit}, counted as holding memory of this stream's allocator until {@link #closeReader}. */
  private WorkUnitReader openReader(WorkUnit unit) {
    lock.lock();
    try {
      readersOpen++;
    } finally {
      lock.unlock();
    }
    return new WorkUnitReader(bodies, unit, allocator, retry, stop, listener);
  }

  /** Closes a reader from {@link #openReader}: its buffers go back, and the allocator may close now. */
  private void closeReader(WorkUnitReader reader) {
    reader.close();
    lock.lock();
    try {
      readersOpen--;
      closeAllocatorIfDone();
    } finally {
      lock.unlock();
    }
  }

  /** The next unit of the source (null: no more), counted as being taken until {@link #startUnit}. */
  private WorkUnit takeUnit() throws LakeFormationException {
    try {
      return units.next(stop);
    } catch (LakeFormationException | RuntimeException e) {
      fail(e instanceof LakeFormationException f ? f : new LakeFormationException(SqlState.GENERAL,
          "Listing the work units of query " + queryId + " failed: " + e, e));
      lock.lock();
      try {
        unitsBeingTaken--; // only now: the failure is recorded, so the reader cannot take this for the end
      } finally {
        lock.unlock();
      }
      throw e instanceof LakeFormationException f ? f : new LakeFormationException(SqlState.GENERAL, e.toString(), e);
    }
  }

  /**
   * Whether a fetch between units may take the next one: GO (then it counts as taking one), PARK
   * (the budget is full: it is parked here, and resumed when there is room), or STOP.
   */
  private Turn turnForNextUnit() {
    lock.lock();
    try {
      if (stopped()) {
        return Turn.STOP;
      }
      if (!hasRoom()) {
        parked.addLast(new Parked(null, null));
        return Turn.PARK;
      }
      unitsBeingTaken++;
      return Turn.GO;
    } finally {
      lock.unlock();
    }
  }

  /** Records that {@code unit} (null: no more units) is being read; false when there is nothing to read. */
  private boolean startUnit(WorkUnit unit) {
    lock.lock();
    try {
      unitsBeingTaken--;
      if (unit == null) {
        noMoreUnits = true;
        signalReader();
        return false;
      }
      unitsStarted++;
      if (settings.inWorkUnitOrder()) {
        slots.put(unit.index(), new UnitSlot());
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Reads {@code unit}'s batches while there is room: GO when it has read them all, PARK when it
   * parked in the middle (its reader kept open), STOP when the stream stopped.
   */
  private Turn readUnit(WorkUnit unit, WorkUnitReader reader) throws LakeFormationException {
    while (true) {
      Turn turn = turnForNextBatch(unit, reader);
      if (turn != Turn.GO) {
        return turn;
      }
      VectorSchemaRoot batch = reader.next();
      if (batch == null) {
        unitDone(unit);
        listener.workUnitRead(unit);
        return Turn.GO;
      }
      listener.batchRead(unit, batch.getRowCount(), reader.lastBatchWireBytes());
      deliver(unit, new FetchedBatch(batch, DecodedBytes.of(batch), this::released));
    }
  }

  /** Whether the fetch of {@code unit} may decode another batch now (see the class comment); parks it if not. */
  private Turn turnForNextBatch(WorkUnit unit, WorkUnitReader reader) {
    lock.lock();
    try {
      if (stopped()) {
        return Turn.STOP;
      }
      if (!hasRoom() && !readerIsWaitingFor(unit)) {
        parked.addLast(new Parked(unit, reader));
        return Turn.PARK;
      }
      return Turn.GO;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Whether this stream may buffer another batch: it holds less than its budget (its own limit, or
   * its share of the JVM's ceiling if smaller), and all streams together less than the ceiling.
   */
  private boolean hasRoom() {
    return bufferedBytes < Math.min(settings.maxBufferBytes(), ceiling.share()) && ceiling.hasRoom();
  }

  /**
   * Resumes, each on a thread of its own, the parked fetches that may go on now: all of them when
   * the budget has room, the one of the unit the reader waits for otherwise. Under the lock.
   */
  private void resumeParked() {
    if (parked.isEmpty() || stopped()) {
      return;
    }
    boolean room = hasRoom();
    for (var it = parked.iterator(); it.hasNext(); ) {
      Parked fetch = it.next();
      if (room || fetch.unit() != null && readerIsWaitingFor(fetch.unit())) {
        it.remove();
        resuming.add(fetch);
        threads.execute(() -> fetch(fetch));
      }
    }
  }

  /** The JVM's ceiling gave this stream a larger share (another stream closed). */
  void roomMayHaveGrown() {
    lock.lock();
    try {
      resumeParked();
    } finally {
      lock.unlock();
    }
  }

  private void acceptSchema(WorkUnit unit, Schema unitSchema) throws LakeFormationException {
    lock.lock();
    try {
      if (schema == null) {
        schema = unitSchema;
        schemaUnit = unit;
        signalReader();
      } else if (!schema.getFields().equals(unitSchema.getFields())) {
        throw new LakeFormationException(SqlState.DATA_EXCEPTION, unit + " has the schema " + unitSchema
            + ", which differs from " + schemaUnit + "'s " + schema + ". The service returned inconsistent work units.");
      }
    } finally {
      lock.unlock();
    }
  }

  private boolean readerIsWaitingFor(WorkUnit unit) {
    if (settings.inWorkUnitOrder()) {
      UnitSlot slot = slots.get(unit.index());
      return unit.index() == headIndex && slot != null && slot.batches.isEmpty();
    }
    return completed.isEmpty();
  }

  private void deliver(WorkUnit unit, FetchedBatch batch) {
    ceiling.took(batch.bytes());
    lock.lock();
    try {
      bufferedBytes += batch.bytes();
      batchesAlive++;
      if (closed) {
        batch.close();
        return;
      }
      peakBufferedBytes = Math.max(peakBufferedBytes, bufferedBytes);
      if (settings.inWorkUnitOrder()) {
        slots.get(unit.index()).batches.addLast(batch);
        if (unit.index() == headIndex) {
          signalReader();
        }
      } else {
        completed.addLast(batch);
        signalReader();
      }
    } finally {
      lock.unlock();
    }
  }

  private void unitDone(WorkUnit unit) {
    lock.lock();
    try {
      unitsDone++;
      if (settings.inWorkUnitOrder()) {
        UnitSlot slot = slots.get(unit.index());
        if (slot != null) {
          slot.done = true;
        }
      }
      signalReader();
    } finally {
      lock.unlock();
    }
  }

  private void fail(LakeFormationException e) {
    lock.lock();
    try {
      if (failure == null && !closed) {
        failure = e;
      }
    } finally {
      lock.unlock();
    }
    stop.cancel("a fetch failed"); // the other fetch threads stop too; the reader gets the failure
  }

  /** Called once per batch when it is closed, by the reader or by {@link #close()}. */
  private void released(long bytes) {
    ceiling.gaveBack(bytes, threads);
    lock.lock();
    try {
      bufferedBytes -= bytes;
      batchesAlive--;
      resumeParked();
      closeAllocatorIfDone();
    } finally {
      lock.unlock();
    }
  }

  // ---------------------------------------------------------------- reader

  @Override
  public Schema schema() throws LakeFormationException {
    lock.lock();
    try {
      while (schema == null) {
        throwIfFailed();
        if (allUnitsStarted() && unitsDone == unitsStarted && fetchersRunning == 0) {
          schema = new Schema(List.of()); // the query has no work units at all
          break;
        }
        if (fetchersLeft == 0) {
          throw stoppedEarly();
        }
        awaitAsReader();
      }
      return schema;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public FetchedBatch next() throws LakeFormationException {
    lock.lock();
    try {
      while (true) {
        throwIfFailed();
        if (settings.inWorkUnitOrder()) {
          UnitSlot slot = slots.get(headIndex);
          if (slot != null) {
            if (!slot.batches.isEmpty()) {
              return handOut(slot.batches.pollFirst(), slot.batches.isEmpty());
            }
            if (slot.done) {
              slots.remove(headIndex);
              headIndex++;
              continue;
            }
          } else if (allUnitsStarted() && headIndex >= unitsStarted) {
            return null;
          }
        } else {
          if (!completed.isEmpty()) {
            return handOut(completed.pollFirst(), completed.isEmpty());
          }
          if (allUnitsStarted() && unitsDone == unitsStarted) {
            return null;
          }
        }
        if (fetchersLeft == 0) {
          throw stoppedEarly();
        }
        resumeParked(); // the unit the reader waits for may now be read past the budget
        awaitAsReader();
      }
    } finally {
      lock.unlock();
    }
  }

  /** @param nothingLeft whether the reader has nothing more buffered of what it reads now */
  private FetchedBatch handOut(FetchedBatch batch, boolean nothingLeft) {
    if (nothingLeft) {
      resumeParked(); // the fetch of what the reader needs may now read past the budget
    }
    return batch;
  }

  private LakeFormationException stoppedEarly() {
    return new LakeFormationException(SqlState.GENERAL, "The fetch threads of query " + queryId
        + " stopped before every work unit was read.");
  }

  private void throwIfFailed() throws LakeFormationException {
    if (failure != null) {
      throw new LakeFormationException(failure.sqlState(), failure.getMessage(), failure);
    }
    if (closed) {
      throw new LakeFormationException(SqlState.OBJECT_CLOSED, "This result is closed.");
    }
    stop.check();
  }

  // ---------------------------------------------------------------- waiting (all under lock)

  private void awaitAsReader() throws LakeFormationException {
    readerWaiting = true;
    try {
      await(readerWake);
    } finally {
      readerWaiting = false;
    }
  }

  private void await(Condition condition) throws LakeFormationException {
    long left = stop.remainingNanos();
    try {
      if (left == Long.MAX_VALUE) {
        condition.await();
      } else if (left > 0) {
        condition.awaitNanos(left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LakeFormationException(SqlState.CANCELLED, "Interrupted while waiting for rows.", e);
    }
  }

  private void signalReader() {
    if (readerWaiting) {
      readerWake.signal();
    }
  }

  private void wakeEveryone() {
    lock.lock();
    try {
      readerWake.signalAll();
      fetchersWake.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Every unit of the source was taken and recorded (see {@link #unitsBeingTaken}). */
  private boolean allUnitsStarted() {
    return noMoreUnits && unitsBeingTaken == 0;
  }

  private boolean stopped() {
    return closed || failure != null || stop.isCancelled();
  }

  // ---------------------------------------------------------------- closing

  @Override
  public void close() {
    List<FetchedBatch> leftovers = new ArrayList<>();
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
    } finally {
      lock.unlock();
    }
    stop.cancel("the result was closed"); // aborts the bodies being read and wakes every wait
    boolean stoppedInTime = awaitFetchersStopped();
    if (!stoppedInTime) {
      // Closing the allocator under a running fetch would free memory it still reads.
      LOG.warning("fetch threads of query " + queryId + " did not stop within " + CLOSE_WAIT_SECONDS
          + " s; their memory is kept");
    }
    List<Parked> stillParked;
    lock.lock();
    try {
      slots.values().forEach(slot -> leftovers.addAll(slot.batches));
      slots.clear();
      leftovers.addAll(completed);
      completed.clear();
      stillParked = new ArrayList<>(parked);
      stillParked.addAll(resuming);
      parked.clear();
      resuming.clear();
      fetchersLeft -= stillParked.size();
    } finally {
      lock.unlock();
    }
    stillParked.stream().filter(p -> p.reader() != null).forEach(p -> closeReader(p.reader()));
    leftovers.forEach(FetchedBatch::close);
    wakeOnStop.close();
    ceiling.unregister(this, threads);
    lock.lock();
    try {
      closeAllocatorIfDone();
    } finally {
      lock.unlock();
    }
  }

  private boolean awaitFetchersStopped() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CLOSE_WAIT_SECONDS);
    lock.lock();
    try {
      while (fetchersRunning > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        fetchersWake.awaitNanos(left);
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fetchersRunning == 0;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Closes the allocator once nothing can use it: closed, no fetch running, every reader and every
   * batch closed. A batch the reader still holds (close() called from Statement.cancel on another
   * thread) is released by the reader, and a parked fetch resumed just before close() closes its
   * reader when its thread comes; the allocator closes then.
   */
  private void closeAllocatorIfDone() {
    if (closed && !allocatorClosed && fetchersRunning == 0 && readersOpen == 0 && batchesAlive == 0) {
      allocatorClosed = true;
      RootAllocators.close(allocator, "the result of query " + queryId);
    }
  }
}
