package dev.lakeformation.jdbc.fetch;

import dev.lakeformation.jdbc.arrow.RootAllocators;
import dev.lakeformation.jdbc.errors.SqlErrors;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.lakeformation.LakeFormationClient;
import software.amazon.awssdk.services.lakeformation.model.GetWorkUnitResultsResponse;

/**
 * Fetches a query's work units on a bounded pool of threads, ahead of the reader, and hands
 * their record batches out as one sequence.
 *
 * <p><b>Memory.</b> Decoded batches waiting for the reader are bounded in bytes by
 * {@code maxBufferBytes}: a worker reads the next batch only while the buffered bytes are under
 * the budget. One exception keeps the reader from ever waiting on a unit that could be read:
 * the worker of the unit the reader needs next may always read when the reader has nothing of
 * that unit buffered. So memory stays within the budget plus one batch per worker.
 *
 * <p><b>Order.</b> In work-unit order (the default) batches are handed out unit by unit, in
 * the order GetWorkUnits listed them; in completion order, as they are decoded.
 *
 * <p><b>Failures.</b> A throttled or failed call is retried with jittered backoff. A body that
 * breaks off is fetched again from the start, and the batches already handed out are skipped,
 * so every row is delivered exactly once. Anything else ends the sequence with an SQLException.
 */
public final class WorkUnitFetcher implements BatchSource {
  private static final long WAIT_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
  private static final AtomicInteger FETCHER_IDS = new AtomicInteger();

  /** The batches of one unit, waiting for the reader (work-unit order only). */
  private static final class UnitSlot {
    final ArrayDeque<FetchedBatch> batches = new ArrayDeque<>();
    boolean done;
  }

  private final LakeFormationClient client;
  private final String queryId;
  private final FetchSettings settings;
  private final RetryPolicy retry;
  private final Cancellation cancellation;
  private final WorkUnitWalker walker;
  private final BufferAllocator allocator;
  private final long allocatorLimit;
  private final ExecutorService workers;
  private final Set<ResponseInputStream<?>> openBodies = ConcurrentHashMap.newKeySet();

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  // Everything below is guarded by lock.
  private final Map<Long, UnitSlot> slots = new HashMap<>();
  private final ArrayDeque<FetchedBatch> completed = new ArrayDeque<>();
  private long headIndex;
  private long unitsStarted;
  private long unitsDone;
  private boolean walkerDone;
  private long bufferedBytes;
  private long peakBufferedBytes;
  private long bytesFetched;
  private long rowsFetched;
  private int workersLeft;
  private Schema schema;
  /** The unit whose schema {@link #schema} is: the first to arrive, not always unit 0. */
  private WorkUnit schemaUnit;
  private SQLException failure;
  private boolean closed;
  /** Batches the reader holds; the allocator is closed only once they are all back. */
  private int handedOut;
  private boolean workersStopped;

  public WorkUnitFetcher(LakeFormationClient client, String queryId, FetchSettings settings, RetryPolicy retry,
      Cancellation cancellation, BufferAllocator parentAllocator) {
    this.client = client;
    this.queryId = queryId;
    this.settings = settings;
    this.retry = retry;
    this.cancellation = cancellation;
    this.walker = new WorkUnitWalker(client, queryId, settings, retry, cancellation);
    // A hard cap well above the budget: it stops a corrupt body that claims a huge buffer,
    // without ever limiting a well-formed result.
    this.allocatorLimit = settings.maxBufferBytes() * 2 + (256L << 20);
    this.allocator = parentAllocator.newChildAllocator("query-" + queryId, 0, allocatorLimit);
    int id = FETCHER_IDS.incrementAndGet();
    AtomicInteger threadIds = new AtomicInteger();
    this.workers = Executors.newFixedThreadPool(settings.maxConcurrentWorkUnits(), r -> {
      Thread thread = new Thread(r, "lakeformation-jdbc-fetch-" + id + "-" + threadIds.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    this.workersLeft = settings.maxConcurrentWorkUnits();
    for (int i = 0; i < settings.maxConcurrentWorkUnits(); i++) {
      workers.execute(this::work);
    }
  }

  /** A snapshot of the progress, for progress bars and statistics. */
  public record Progress(long unitsDone, long unitsKnown, boolean allUnitsKnown, long rowsFetched,
      long bytesFetched, long peakBufferedBytes, long retries) {}

  public Progress progress() {
    lock.lock();
    try {
      return new Progress(unitsDone, unitsStarted, walkerDone, rowsFetched, bytesFetched, peakBufferedBytes,
          retry.retriesMade());
    } finally {
      lock.unlock();
    }
  }

  // ---------------------------------------------------------------- workers

  private void work() {
    try {
      while (true) {
        WorkUnit unit;
        lock.lock();
        try {
          while (!stopped() && bufferedBytes >= settings.maxBufferBytes()) {
            changed.await(WAIT_SLICE_NANOS, TimeUnit.NANOSECONDS);
          }
          if (stopped()) {
            return;
          }
        } finally {
          lock.unlock();
        }
        unit = walker.next();
        lock.lock();
        try {
          if (unit == null) {
            walkerDone = true;
            changed.signalAll();
            return;
          }
          unitsStarted++;
          if (settings.inWorkUnitOrder()) {
            slots.put(unit.index(), new UnitSlot());
          }
        } finally {
          lock.unlock();
        }
        fetchUnit(unit);
      }
    } catch (SQLException e) {
      fail(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | OutOfMemoryError e) {
      fail(SqlErrors.of(SqlErrors.GENERAL, "Fetching the work units of query " + queryId + " failed: " + e, e));
    } finally {
      lock.lock();
      try {
        workersLeft--;
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  private boolean stopped() {
    return closed || failure != null || cancellation.isCancelled();
  }

  private void fail(SQLException e) {
    lock.lock();
    try {
      if (failure == null && !closed) {
        failure = e;
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** How many of a unit's batches were handed on, across attempts to read it. */
  private static final class DeliveredBatches {
    int count;
  }

  /** Fetches one unit, re-fetching it from the start if its body breaks off. */
  private void fetchUnit(WorkUnit unit) throws SQLException, InterruptedException {
    DeliveredBatches delivered = new DeliveredBatches();
    long backoff = 0;
    for (int attempt = 0; ; attempt++) {
      try {
        if (!readUnit(unit, delivered)) {
          return; // stopped: the reader gets the reason, not an incomplete unit
        }
        lock.lock();
        try {
          unitsDone++;
          if (settings.inWorkUnitOrder()) {
            UnitSlot slot = slots.get(unit.index());
            if (slot != null) {
              slot.done = true;
            }
          }
          changed.signalAll();
        } finally {
          lock.unlock();
        }
        return;
      } catch (BrokenBody e) {
        if (stopped()) {
          return;
        }
        if (attempt >= retry.maxRetries()) {
          throw SqlErrors.of(SqlErrors.CONNECTION_FAILURE, "The body of " + unit + " of query " + queryId
              + " broke off " + (attempt + 1) + " times: " + e.getCause().getMessage()
              + ". Raise MaxRetries or check the network.", e.getCause());
        }
        retry.countRetry();
        backoff = RetryPolicy.nextBackoffMillis(backoff);
        cancellation.sleep(backoff);
      }
    }
  }

  /** A work-unit body that ended early or could not be read: worth fetching again. */
  private static final class BrokenBody extends Exception {
    private static final long serialVersionUID = 1L;

    BrokenBody(Throwable cause) {
      super(cause);
    }
  }

  /**
   * Reads one unit's stream, skipping the batches delivered by earlier attempts; {@code delivered}
   * stays right when this throws. Returns false when the fetcher stopped before the unit's end.
   */
  private boolean readUnit(WorkUnit unit, DeliveredBatches delivered)
      throws SQLException, BrokenBody, InterruptedException {
    ResponseInputStream<GetWorkUnitResultsResponse> body = retry.call("GetWorkUnitResults", cancellation,
        () -> client.getWorkUnitResults(r -> r.queryId(queryId).workUnitId(unit.id()).workUnitToken(unit.token())));
    openBodies.add(body);
    long expectedLength = body.response().sdkHttpResponse().firstMatchingHeader("Content-Length")
        .map(Long::parseLong).orElse(-1L);
    CountingInputStream counted = new CountingInputStream(body);
    try (UnitStreamDecoder decoder = new UnitStreamDecoder(counted, allocator)) {
      Schema unitSchema;
      try {
        unitSchema = decoder.schema();
      } catch (IOException e) {
        throw broken(e, counted, expectedLength, unit, "its schema");
      }
      acceptSchema(unit, unitSchema);
      int batchNumber = 0;
      while (true) {
        awaitRoomFor(unit);
        if (stopped()) {
          return false;
        }
        long before = counted.count;
        VectorSchemaRoot batch;
        try {
          batch = decoder.next();
        } catch (IOException e) {
          throw broken(e, counted, expectedLength, unit, "a record batch");
        }
        if (batch == null) {
          break;
        }
        batchNumber++;
        if (batchNumber <= delivered.count) {
          batch.close();
          continue; // handed out before the body broke off last time
        }
        long bytes = counted.count - before;
        deliver(unit, new FetchedBatch(batch, bytes, this::batchReleased));
        delivered.count++;
      }
      try {
        byte[] rest = new byte[8192];
        while (counted.read(rest, 0, rest.length) >= 0) {
          // drain whatever follows the end-of-stream marker, to compare lengths below
        }
      } catch (IOException e) {
        throw broken(e, counted, expectedLength, unit, "the end of the stream");
      }
      if (expectedLength >= 0 && counted.count < expectedLength) {
        throw new BrokenBody(new IOException("the body ended after " + counted.count + " of "
            + expectedLength + " bytes"));
      }
      return true;
    } catch (OutOfMemoryException e) {
      throw SqlErrors.of(SqlErrors.MEMORY, unit + " of query " + queryId + " holds a record batch larger than"
          + " the memory limit of " + allocatorLimit + " bytes: raise"
          + " MaxBufferBytes, or the body is corrupt.", e);
    } catch (IOException e) {
      throw SqlErrors.of(SqlErrors.DATA_EXCEPTION, unit + " of query " + queryId
          + " is not a valid Arrow IPC stream: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      if (stopped()) {
        return false;
      }
      if (RetryPolicy.isRetryable(e)) {
        throw new BrokenBody(e);
      }
      throw SqlErrors.of(SqlErrors.DATA_EXCEPTION, unit + " of query " + queryId
          + " could not be decoded as Arrow: " + e, e);
    } finally {
      openBodies.remove(body);
      body.abort();
    }
  }

  /**
   * A read error is a broken body (worth a retry) when the bytes stopped before the
   * Content-Length; with all bytes there, it is corrupt data, and retrying would not help.
   */
  private BrokenBody broken(IOException e, CountingInputStream counted, long expectedLength, WorkUnit unit,
      String what) throws SQLException {
    if (counted.sawEnd && expectedLength >= 0 && counted.count >= expectedLength) {
      throw SqlErrors.of(SqlErrors.DATA_EXCEPTION, unit + " of query " + queryId + " holds " + what
          + " that is not valid Arrow IPC: " + e.getMessage(), e);
    }
    return new BrokenBody(e);
  }

  private void acceptSchema(WorkUnit unit, Schema unitSchema) throws SQLException {
    lock.lock();
    try {
      if (schema == null) {
        schema = unitSchema;
        schemaUnit = unit;
        changed.signalAll();
      } else if (!schema.getFields().equals(unitSchema.getFields())) {
        throw SqlErrors.of(SqlErrors.DATA_EXCEPTION, unit + " of query " + queryId + " has the schema "
            + unitSchema + ", which differs from " + schemaUnit + "'s " + schema
            + ". The service returned inconsistent work units.");
      }
    } finally {
      lock.unlock();
    }
  }

  /** Waits until this worker may decode another batch (see the class comment). */
  private void awaitRoomFor(WorkUnit unit) throws InterruptedException {
    lock.lock();
    try {
      while (!stopped() && bufferedBytes >= settings.maxBufferBytes() && !readerIsWaitingFor(unit)) {
        changed.await(WAIT_SLICE_NANOS, TimeUnit.NANOSECONDS);
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
    lock.lock();
    try {
      if (closed) {
        batch.close();
        return;
      }
      bufferedBytes += batch.bytes();
      peakBufferedBytes = Math.max(peakBufferedBytes, bufferedBytes);
      bytesFetched += batch.bytes();
      rowsFetched += batch.rowCount();
      if (settings.inWorkUnitOrder()) {
        slots.get(unit.index()).batches.addLast(batch);
      } else {
        completed.addLast(batch);
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Called once per batch when it is closed, by the reader or by {@link #close()}. */
  private void batchReleased(long bytes, boolean wasHandedOut) {
    boolean closeAllocator;
    lock.lock();
    try {
      bufferedBytes -= bytes;
      if (wasHandedOut) {
        handedOut--;
      }
      closeAllocator = closed && workersStopped && handedOut == 0;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    if (closeAllocator) {
      RootAllocators.close(allocator, "the result of query " + queryId);
    }
  }

  // ---------------------------------------------------------------- reader

  @Override
  public Schema schema() throws SQLException {
    lock.lock();
    try {
      while (schema == null) {
        throwIfFailed();
        if (walkerDone && unitsDone == unitsStarted && workersLeft == 0) {
          schema = new Schema(List.of()); // the query has no work units at all
          break;
        }
        awaitChange();
      }
      return schema;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public FetchedBatch next() throws SQLException {
    lock.lock();
    try {
      while (true) {
        throwIfFailed();
        if (settings.inWorkUnitOrder()) {
          UnitSlot slot = slots.get(headIndex);
          if (slot != null) {
            if (!slot.batches.isEmpty()) {
              FetchedBatch batch = slot.batches.pollFirst();
              handedOut++;
              batch.handOut();
              changed.signalAll();
              return batch;
            }
            if (slot.done) {
              slots.remove(headIndex);
              headIndex++;
              changed.signalAll();
              continue;
            }
          } else if (walkerDone && headIndex >= unitsStarted) {
            return null;
          }
        } else {
          if (!completed.isEmpty()) {
            FetchedBatch batch = completed.pollFirst();
            handedOut++;
            batch.handOut();
            changed.signalAll();
            return batch;
          }
          if (walkerDone && unitsDone == unitsStarted) {
            return null;
          }
        }
        if (workersLeft == 0 && failure == null) {
          throw SqlErrors.of(SqlErrors.GENERAL, "The fetch threads of query " + queryId
              + " stopped before every work unit was read.");
        }
        awaitChange();
      }
    } finally {
      lock.unlock();
    }
  }

  private void throwIfFailed() throws SQLException {
    cancellation.check();
    if (closed) {
      throw SqlErrors.closed("result");
    }
    if (failure != null) {
      SQLException copy = SqlErrors.of(failure.getSQLState(), failure.getMessage(), failure);
      throw copy;
    }
  }

  private void awaitChange() throws SQLException {
    try {
      changed.await(WAIT_SLICE_NANOS, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw SqlErrors.of(SqlErrors.CANCELLED, "Interrupted while waiting for rows.", e);
    }
  }

  @Override
  public void close() {
    List<FetchedBatch> leftovers = new ArrayList<>();
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    for (ResponseInputStream<?> body : openBodies) {
      body.abort();
    }
    workers.shutdownNow();
    boolean stopped = false;
    try {
      stopped = workers.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!stopped) {
      // Closing the allocator under a running worker would free memory it still reads.
      java.util.logging.Logger.getLogger(WorkUnitFetcher.class.getName())
          .warning("fetch threads of query " + queryId + " did not stop within 10 s; their memory is kept");
    }
    boolean closeAllocator;
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
    lock.lock();
    try {
      // A batch the reader still holds (close() called from Statement.cancel on another
      // thread) is released by the reader; the allocator closes then, in batchReleased.
      workersStopped = stopped; // only now: closing the leftovers above must not close the allocator
      closeAllocator = stopped && handedOut == 0;
    } finally {
      lock.unlock();
    }
    if (closeAllocator) {
      RootAllocators.close(allocator, "the result of query " + queryId);
    }
  }

  /** Counts the bytes read, and whether the end of the body was reached. */
  private static final class CountingInputStream extends FilterInputStream {
    long count;
    boolean sawEnd;

    CountingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      } else {
        sawEnd = true;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count += n;
      } else if (n < 0) {
        sawEnd = true;
      }
      return n;
    }
  }
}
