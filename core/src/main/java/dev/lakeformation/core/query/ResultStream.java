package dev.lakeformation.core.query;

import dev.lakeformation.api.LakeFormationException;
import dev.lakeformation.api.QueryListener;
import dev.lakeformation.api.SqlState;
import dev.lakeformation.api.WorkUnit;
import dev.lakeformation.core.arrow.RootAllocators;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * <p><b>Memory.</b> Decoded batches waiting for the reader are bounded in bytes by
 * MaxBufferBytes: a fetch thread reads its next batch only while the buffered bytes are under the
 * budget. One exception keeps the reader from ever waiting on a unit that could be read: the
 * thread of the unit the reader needs next may always read when the reader has nothing of that
 * unit buffered. So memory stays within the budget plus one batch per fetch thread, and the batch
 * the reader holds. Bytes are counted as decoded (dictionary columns expanded, compressed buffers
 * inflated, and what the {@link BatchPreparer} built on the heap), not as sent.
 *
 * <p><b>Order.</b> In work-unit order (the default) batches are handed out unit by unit, in the
 * order GetWorkUnits listed them; in completion order, as they are decoded.
 *
 * <p><b>Decoding ahead.</b> A consumer's {@link BatchPreparer} runs on the fetch thread right after
 * each batch is decoded: a result set builds there the Strings, BigDecimals and dates its getters
 * will return, so that its single reading thread mostly picks up what is ready. What it holds on
 * the heap counts against the budget with the batch's Arrow memory. A batch the reader is
 * already waiting for is handed over unprepared (see {@link #readerBlockedOn}).
 *
 * <p><b>Threads.</b> Fetches run on the JVM's shared {@link FetchThreads}. The reader and the
 * fetch threads meet under one lock, and each side is signalled only when the other is waiting
 * for what just changed; every wait ends at once on cancel or close, and at the query's deadline.
 */
public final class ResultStream implements BatchSource {
  private static final Logger LOG = Logger.getLogger(ResultStream.class.getName());
  private static final long CLOSE_WAIT_SECONDS = 10;

  /** The batches of one unit, waiting for the reader (work-unit order only). */
  private static final class UnitSlot {
    final ArrayDeque<FetchedBatch> batches = new ArrayDeque<>();
    boolean done;
  }

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
  /** Work the consumer wants done on the fetch threads for each batch (decoding ahead), or null. */
  private volatile BatchPreparer preparer;

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
  /** Fetch tasks submitted and not yet ended (queued or running). */
  private int fetchersLeft;
  /** Fetch tasks running now; close() waits for these, never for queued ones. */
  private int fetchersRunning;
  private boolean readerWaiting;
  private int fetchersWaiting;
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
    this.queryId = queryId;
    this.bodies = bodies;
    this.units = units;
    this.settings = settings;
    this.retry = retry;
    this.stop = execution.child();
    this.listener = listener;
    // A hard cap well above the budget: it stops a corrupt body that claims a huge buffer,
    // without ever limiting a well-formed result.
    this.allocator = parentAllocator.newChildAllocator("query-" + queryId, 0, settings.maxBufferBytes() * 2 + (256L << 20));
    this.wakeOnStop = stop.onCancel(this::wakeEveryone);
    int fetchers = settings.maxConcurrentWorkUnits();
    this.fetchersLeft = fetchers;
    for (int i = 0; i < fetchers; i++) {
      threads.execute(this::fetch);
    }
  }

  /**
   * The rows of work-unit bodies already in memory (one Arrow IPC stream per unit), fetched,
   * checked and decoded ahead exactly as a query's: for saved units, tests and benchmarks.
   */
  public static ResultStream ofBodies(List<byte[]> bodies, FetchSettings settings, BufferAllocator parentAllocator) {
    BodiesInMemory units = new BodiesInMemory("in-memory-" + UUID.randomUUID(), bodies);
    return new ResultStream("in memory", units, units, settings, new RetryPolicy(settings.maxRetries()),
        Cancellation.none(), QueryListener.NONE, parentAllocator, FetchThreads.shared());
  }

  /** The query whose rows these are. */
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

  private void fetch() {
    lock.lock();
    try {
      if (closed) {
        fetchersLeft--;
        closeAllocatorIfDone();
        return;
      }
      fetchersRunning++;
    } finally {
      lock.unlock();
    }
    try {
      while (true) {
        if (!awaitBudget()) {
          return;
        }
        WorkUnit unit;
        try {
          unit = units.next(stop);
        } catch (LakeFormationException | RuntimeException e) {
          fail(e instanceof LakeFormationException f ? f : new LakeFormationException(SqlState.GENERAL,
              "Listing the work units of query " + queryId + " failed: " + e, e));
          lock.lock();
          try {
            unitsBeingTaken--; // only now: the failure is recorded, so the reader cannot take this for the end
          } finally {
            lock.unlock();
          }
          return;
        }
        if (!startUnit(unit)) {
          return;
        }
        readUnit(unit);
      }
    } catch (LakeFormationException e) {
      fail(e);
    } catch (RuntimeException | OutOfMemoryError e) {
      fail(new LakeFormationException(SqlState.GENERAL, "Fetching the work units of query " + queryId
          + " failed: " + e, e));
    } finally {
      lock.lock();
      try {
        fetchersRunning--;
        fetchersLeft--;
        signalReader();
        fetchersWake.signalAll(); // close() may be waiting for the running ones
        closeAllocatorIfDone();
      } finally {
        lock.unlock();
      }
    }
  }

  /** Waits until the budget has room for another unit; false when stopped. Then counts this thread as taking one. */
  private boolean awaitBudget() throws LakeFormationException {
    lock.lock();
    try {
      while (!stopped() && bufferedBytes >= settings.maxBufferBytes()) {
        awaitAsFetcher();
      }
      if (stopped()) {
        return false;
      }
      unitsBeingTaken++;
      return true;
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

  private void readUnit(WorkUnit unit) throws LakeFormationException {
    WorkUnitReader reader = new WorkUnitReader(bodies, unit, allocator, retry, stop, listener);
    try {
      acceptSchema(unit, reader.schema());
      while (awaitRoomFor(unit)) {
        VectorSchemaRoot batch = reader.next();
        if (batch == null) {
          unitDone(unit);
          listener.workUnitRead(unit);
          return;
        }
        listener.batchRead(unit, batch.getRowCount(), reader.lastBatchWireBytes());
        BatchPreparer.Prepared prepared = readerBlockedOn(unit) ? null : prepare(batch);
        long bytes = DecodedBytes.of(batch) + (prepared == null ? 0 : prepared.heapBytes());
        deliver(unit, new FetchedBatch(batch, prepared == null ? null : prepared.values(), bytes, this::released));
      }
    } catch (LakeFormationException e) {
      if (!stopped()) {
        throw e;
      }
    } finally {
      reader.close();
    }
  }

  /**
   * Whether the reader is blocked on exactly this batch. It then gets the batch at once,
   * unprepared, and builds its values itself: preparing would keep it waiting while the fetch
   * side, the slower one at that moment, does the reader's work. So preparation happens only
   * where the fetch threads are ahead, and the work settles between them and the reader (with
   * one fetch thread, or cores shared with other work, everything would otherwise land on the
   * fetch side).
   */
  private boolean readerBlockedOn(WorkUnit unit) {
    lock.lock();
    try {
      return readerWaiting && readerIsWaitingFor(unit);
    } finally {
      lock.unlock();
    }
  }

  private BatchPreparer.Prepared prepare(VectorSchemaRoot batch) {
    BatchPreparer current = preparer;
    return current == null ? null : current.prepare(batch);
  }

  @Override
  public void prepareWith(BatchPreparer batchPreparer) {
    if (settings.decodeAhead()) {
      this.preparer = batchPreparer;
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

  /** Waits until this fetch thread may decode another batch of {@code unit} (see the class comment). */
  private boolean awaitRoomFor(WorkUnit unit) throws LakeFormationException {
    lock.lock();
    try {
      while (!stopped() && bufferedBytes >= settings.maxBufferBytes() && !readerIsWaitingFor(unit)) {
        awaitAsFetcher();
      }
      return !stopped();
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
    lock.lock();
    try {
      bufferedBytes -= bytes;
      batchesAlive--;
      if (fetchersWaiting > 0) {
        fetchersWake.signalAll();
      }
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
        if (fetchersWaiting > 0) {
          fetchersWake.signalAll(); // the unit the reader waits for may now be read past the budget
        }
        awaitAsReader();
      }
    } finally {
      lock.unlock();
    }
  }

  /** @param nothingLeft whether the reader has nothing more buffered of what it reads now */
  private FetchedBatch handOut(FetchedBatch batch, boolean nothingLeft) {
    if (nothingLeft && fetchersWaiting > 0) {
      fetchersWake.signalAll(); // the fetcher of what the reader needs may now read past the budget
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

  private void awaitAsFetcher() throws LakeFormationException {
    fetchersWaiting++;
    try {
      await(fetchersWake);
    } finally {
      fetchersWaiting--;
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
    lock.lock();
    try {
      slots.values().forEach(slot -> leftovers.addAll(slot.batches));
      slots.clear();
      leftovers.addAll(completed);
      completed.clear();
    } finally {
      lock.unlock();
    }
    leftovers.forEach(FetchedBatch::close);
    wakeOnStop.close();
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
   * Closes the allocator once nothing can use it: closed, no fetch running, every batch closed. A
   * batch the reader still holds (close() called from Statement.cancel on another thread) is
   * released by the reader; the allocator closes then.
   */
  private void closeAllocatorIfDone() {
    if (closed && !allocatorClosed && fetchersRunning == 0 && batchesAlive == 0) {
      allocatorClosed = true;
      RootAllocators.close(allocator, "the result of query " + queryId);
    }
  }
}
