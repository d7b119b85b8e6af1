package dev.lakeformation.core.query;

import dev.lakeformation.api.LakeFormationException;
import dev.lakeformation.api.QueryListener;
import dev.lakeformation.api.SqlState;
import dev.lakeformation.api.WorkUnit;
import dev.lakeformation.core.arrow.UnitStreamDecoder;
import dev.lakeformation.core.arrow.UnsupportedArrowException;
import dev.lakeformation.core.aws.AwsErrors;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Reads one work unit as a sequence of record batches, exactly once each, whatever happens to
 * its body on the way: every consumer of work units (the result stream behind a ResultSet, the
 * Arrow API, the Spark connector) reads through this class, so they share its rules.
 *
 * <ul>
 *   <li>A body that breaks off (the connection drops, or fewer bytes than the Content-Length
 *       arrive) is fetched again from the start after a jittered wait, up to MaxRetries times;
 *       the batches already returned are decoded again and skipped, so no row is lost or doubled.
 *   <li>A body whose bytes all arrived but do not decode is corrupt: retrying cannot help, and it
 *       fails at once with SQLState 22000. A batch larger than the allocator allows is HY001.
 *   <li>The schema must not change between attempts, nor between units of one query (the caller
 *       checks the latter).
 * </ul>
 *
 * <p>Not thread-safe, except {@link #abort()}, which stops a read from another thread; a cancel
 * of the reader's {@link Cancellation} aborts it too.
 */
final class WorkUnitReader implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(WorkUnitReader.class.getName());
  private final UnitBodies bodies;
  private final WorkUnit unit;
  private final BufferAllocator allocator;
  private final RetryPolicy retry;
  private final Cancellation cancellation;
  private final QueryListener listener;
  /** A cancel aborts the body being read, so that a reader blocked in it stops at once. */
  private final Cancellation.Registration abortOnCancel;

  private volatile UnitBodies.UnitBody body;
  private volatile boolean aborted;
  private CountingInputStream counted;
  private UnitStreamDecoder decoder;
  private Schema schema;
  /** Batches returned to the caller, across attempts. */
  private int returned;
  /** Batches decoded in the current attempt. */
  private int decodedThisAttempt;
  /** When the last attempt's body was asked for. */
  private long openedNanos;
  private int attempt;
  private long backoffMillis;
  private boolean finished;
  private long lastBatchWireBytes;

  WorkUnitReader(UnitBodies bodies, WorkUnit unit, BufferAllocator allocator, RetryPolicy retry,
      Cancellation cancellation, QueryListener listener) {
    this.bodies = bodies;
    this.unit = unit;
    this.allocator = allocator;
    this.retry = retry;
    this.cancellation = cancellation;
    this.listener = listener;
    this.abortOnCancel = cancellation.onCancel(this::abort);
  }

  WorkUnit unit() {
    return unit;
  }

  /** The unit's schema (dictionary-encoded columns as their decoded type); opens the body if needed. */
  Schema schema() throws LakeFormationException {
    while (schema == null) {
      try {
        open();
      } catch (BrokenBody e) {
        retryAfter(e);
      }
    }
    return schema;
  }

  /**
   * The next record batch, validated and owned by the caller (who closes it), or null once the
   * whole body was read and found complete.
   */
  VectorSchemaRoot next() throws LakeFormationException {
    if (finished) {
      return null;
    }
    while (true) {
      try {
        if (decoder == null) {
          open();
        }
        while (true) {
          long before = counted.count;
          VectorSchemaRoot batch = decodeNext();
          if (batch == null) {
            checkComplete();
            finished = true;
            logFetched();
            closeBody(true);
            return null;
          }
          if (++decodedThisAttempt <= returned) {
            batch.close(); // returned before the body broke off last time
            continue;
          }
          returned++;
          lastBatchWireBytes = counted.count - before;
          return batch;
        }
      } catch (BrokenBody e) {
        retryAfter(e);
      }
    }
  }

  /** The unit's size and time at DEBUG: the log's "units fetched with sizes and times". */
  private void logFetched() {
    if (LOG.isLoggable(Level.FINE)) {
      LOG.fine(unit + ": " + returned + " record batches, " + counted.count + " bytes in "
          + (System.nanoTime() - openedNanos) / 1_000_000 + " ms" + (attempt > 0 ? ", " + attempt + " retries" : ""));
    }
  }

  /** Bytes of the body the last batch took on the wire (compressed size, for compressed bodies). */
  long lastBatchWireBytes() {
    return lastBatchWireBytes;
  }

  /** Stops the read from any thread: the body is dropped, and the reading thread fails quickly. */
  void abort() {
    aborted = true;
    UnitBodies.UnitBody open = body;
    if (open != null) {
      open.abort();
    }
  }

  @Override
  public void close() {
    abortOnCancel.close();
    closeBody(false);
  }

  // ---------------------------------------------------------------- attempts

  private void open() throws LakeFormationException, BrokenBody {
    closeBody(false);
    checkStopped();
    openedNanos = System.nanoTime();
    UnitBodies.UnitBody opened = bodies.open(unit, cancellation, listener);
    body = opened;
    if (aborted) {
      opened.abort();
    }
    counted = new CountingInputStream(opened.stream());
    decoder = new UnitStreamDecoder(counted, allocator);
    decodedThisAttempt = 0;
    Schema unitSchema;
    try {
      unitSchema = decoder.schema();
    } catch (IOException e) {
      throw broken(e, "its schema");
    } catch (RuntimeException e) {
      throw undecodable(e);
    } catch (AssertionError e) {
      throw inconsistent(e);
    }
    if (schema == null) {
      schema = unitSchema;
    } else if (!schema.equals(unitSchema)) {
      throw new LakeFormationException(SqlState.DATA_EXCEPTION, unit + " sent the schema " + unitSchema
          + " when fetched again, where it first sent " + schema + ". The service returned inconsistent data.");
    }
  }

  private VectorSchemaRoot decodeNext() throws LakeFormationException, BrokenBody {
    try {
      return decoder.next();
    } catch (IOException e) {
      throw broken(e, "a record batch");
    } catch (RuntimeException e) {
      throw undecodable(e);
    } catch (AssertionError e) {
      throw inconsistent(e);
    }
  }

  /**
   * Arrow checks some of a batch's sizes with Java assertions, which fail only where assertions are
   * on (tests, or a JVM run with -ea); the batch is corrupt either way.
   */
  private LakeFormationException inconsistent(AssertionError e) throws LakeFormationException {
    checkStopped();
    return new LakeFormationException(SqlState.DATA_EXCEPTION, unit + " holds a record batch whose sizes do not"
        + " agree with each other (Arrow: " + e + "); the body is corrupt." + textInstead(), e);
  }

  /** After the end-of-stream marker: whatever follows is read, and the length compared with Content-Length. */
  private void checkComplete() throws LakeFormationException, BrokenBody {
    try {
      byte[] rest = new byte[8192];
      while (counted.read(rest, 0, rest.length) >= 0) {
        // drained, to compare lengths below
      }
    } catch (IOException e) {
      throw broken(e, "the end of the stream");
    }
    long expected = body.expectedLength();
    if (expected >= 0 && counted.count < expected) {
      throw new BrokenBody(new IOException("the body ended after " + counted.count + " of " + expected + " bytes"));
    }
  }

  private void retryAfter(BrokenBody e) throws LakeFormationException {
    closeBody(false);
    checkStopped();
    if (attempt >= retry.maxRetries()) {
      throw new LakeFormationException(SqlState.CONNECTION_FAILURE, "The body of " + unit + " broke off "
          + (attempt + 1) + " times: " + e.getCause().getMessage() + ". Raise MaxRetries or check the network.",
          e.getCause());
    }
    attempt++;
    listener.retried("GetWorkUnitResults", e.getCause());
    int retryNumber = attempt;
    LOG.fine(() -> "The body of " + unit + " broke off (" + e.getCause().getMessage() + "): fetching it again, try "
        + retryNumber + " of " + retry.maxRetries());
    backoffMillis = RetryPolicy.nextBackoffMillis(backoffMillis);
    cancellation.sleep(backoffMillis);
  }

  private void checkStopped() throws LakeFormationException {
    cancellation.check();
    if (aborted) {
      throw new LakeFormationException(SqlState.CANCELLED, "Reading " + unit + " was stopped.");
    }
  }

  // ---------------------------------------------------------------- the one error mapping

  /**
   * A read error is a broken body (worth a retry) when the connection failed underneath, or the
   * bytes stopped before the Content-Length; when the bytes that did arrive do not parse, it is
   * corrupt data, and fetching the same bytes again would not help.
   */
  private BrokenBody broken(IOException e, String what) throws LakeFormationException {
    checkStopped();
    if (e instanceof UnsupportedArrowException) {
      throw new LakeFormationException(SqlState.FEATURE_NOT_SUPPORTED, unit + " uses " + e.getMessage()
          + ", which this driver cannot read; no row of it was read as anything else.", e);
    }
    LakeFormationException timedOut = AwsErrors.networkTimeoutExceeded("Reading " + unit, e);
    if (timedOut != null) {
      throw timedOut;
    }
    long expected = body.expectedLength();
    if (counted.failure != null || counted.sawEnd && expected >= 0 && counted.count < expected) {
      return new BrokenBody(e);
    }
    throw new LakeFormationException(SqlState.DATA_EXCEPTION, unit + " holds " + what
        + " that is not valid Arrow IPC: " + e.getMessage() + textInstead(), e);
  }

  /**
   * When the body is text rather than Arrow (an Arrow stream starts with a binary message
   * header), what it starts with: a proxy's or a gateway's page, answered with status 200 in place
   * of the service's body. Empty otherwise.
   */
  private String textInstead() {
    if (counted.count < CountingInputStream.START) {
      try {
        counted.readNBytes((int) (CountingInputStream.START - counted.count)); // the parser stopped early: see more
      } catch (IOException e) {
        // quote what there is
      }
    }
    int length = (int) Math.min(counted.count, CountingInputStream.START);
    if (length == 0) {
      return "";
    }
    String start = new String(counted.start, 0, length, StandardCharsets.UTF_8);
    if (!start.chars().allMatch(c -> c >= 0x20 && c < 0x7f || c == '\n' || c == '\r' || c == '\t')) {
      return "";
    }
    return ". The body is text, not Arrow: it starts with '" + start.replaceAll("\\s+", " ").strip() + "'."
        + " Something other than the service answered (a proxy or gateway?): check Endpoint and the proxy settings";
  }

  /** Messages that decode to something invalid, or a failure of the connection underneath. */
  private LakeFormationException undecodable(RuntimeException e) throws LakeFormationException, BrokenBody {
    checkStopped();
    if (e instanceof OutOfMemoryException) {
      return new LakeFormationException(SqlState.MEMORY, unit + " holds a record batch larger than the memory"
          + " limit of " + effectiveLimit() + " bytes: raise MaxBufferBytes, or the body is corrupt.", e);
    }
    if (AwsErrors.isRetryable(e)) {
      throw new BrokenBody(e);
    }
    LakeFormationException timedOut = AwsErrors.networkTimeoutExceeded("Reading " + unit, e);
    if (timedOut != null) {
      return timedOut;
    }
    return new LakeFormationException(SqlState.DATA_EXCEPTION, unit + " could not be decoded as Arrow: " + e
        + textInstead(), e);
  }

  // ---------------------------------------------------------------- plumbing

  /** The smallest limit of the allocator and its parents: the one a batch ran into. */
  private long effectiveLimit() {
    long limit = Long.MAX_VALUE;
    for (BufferAllocator a = allocator; a != null; a = a.getParentAllocator()) {
      limit = Math.min(limit, a.getLimit());
    }
    return limit;
  }

  private void closeBody(boolean readToEnd) {
    UnitStreamDecoder openDecoder = decoder;
    UnitBodies.UnitBody openBody = body;
    decoder = null;
    body = null;
    if (openBody != null) {
      if (readToEnd) {
        openBody.close();
      } else {
        openBody.abort();
      }
    }
    if (openDecoder != null) {
      try {
        openDecoder.close();
      } catch (IOException | RuntimeException e) {
        // the body was dropped already; nothing is left to release
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

  /** Counts the bytes read, and records whether the body ended or its connection failed. */
  private static final class CountingInputStream extends FilterInputStream {
    /** How much of the body's start is kept, to quote a body that is text rather than Arrow. */
    private static final int START = 80;

    long count;
    boolean sawEnd;
    final byte[] start = new byte[START];
    /** What the body's own stream threw (as opposed to the parser reading it), or null. */
    IOException failure;

    CountingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b;
      try {
        b = super.read();
      } catch (IOException e) {
        failure = e;
        throw e;
      }
      if (b >= 0) {
        if (count < START) {
          start[(int) count] = (byte) b;
        }
        count++;
      } else {
        sawEnd = true;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n;
      try {
        n = super.read(buffer, offset, length);
      } catch (IOException e) {
        failure = e;
        throw e;
      }
      if (n > 0) {
        if (count < START) {
          System.arraycopy(buffer, offset, start, (int) count, (int) Math.min(n, START - count));
        }
        count += n;
      } else if (n < 0) {
        sawEnd = true;
      }
      return n;
    }
  }
}
