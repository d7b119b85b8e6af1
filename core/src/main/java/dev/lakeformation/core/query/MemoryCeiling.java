package dev.lakeformation.core.query;

import dev.lakeformation.core.config.ConnectionProperty;
import dev.lakeformation.core.config.JvmProperty;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * The memory every result stream of the JVM may fill ahead of its reader, together, and each
 * one's fair share of it. A stream reads ahead while it buffers less than the smaller of its own
 * MaxBufferBytes and {@link #share()} (the ceiling divided among the streams open now) and while
 * all of them together buffer less than the ceiling: the more results are open, the less each
 * reads ahead, and the sum stays under the ceiling (plus one batch per fetch in flight, and the
 * batch each reader holds). Memory a stream took under a larger share is not taken back; it keeps
 * the others from reading ahead until its reader has used it. The batch a reader waits for is
 * always read, so a new stream always starts, and none fails because others hold memory: they
 * slow down instead.
 *
 * <p>The ceiling is the system property {@code lakeformation.maxTotalBufferBytes} (bytes, with an
 * optional KB, MB or GB suffix) or, by default, half of the JVM's maximum heap: the share of memory the operator gave
 * the JVM that rows fetched ahead may take. Arrow's buffers live outside the heap, so the heap's
 * size only measures what the JVM was meant to use.
 */
final class MemoryCeiling {
  static final String PROPERTY = JvmProperty.MAX_TOTAL_BUFFER_BYTES.name();
  private static final Logger LOG = Logger.getLogger(MemoryCeiling.class.getName());
  private static final long FLOOR = 16L << 20;
  private static final MemoryCeiling JVM = new MemoryCeiling(limitFrom(System.getProperty(PROPERTY),
      Runtime.getRuntime().maxMemory()));

  private final long limit;
  private final Set<ResultStream> streams = ConcurrentHashMap.newKeySet();
  private final AtomicLong buffered = new AtomicLong();

  MemoryCeiling(long limit) {
    this.limit = limit;
  }

  /** The JVM's ceiling, shared by every result stream. */
  static MemoryCeiling jvm() {
    return JVM;
  }

  long limit() {
    return limit;
  }

  /** What each open stream may buffer now. */
  long share() {
    return limit / Math.max(1, streams.size());
  }

  void register(ResultStream stream) {
    streams.add(stream); // the others' shares shrink: they see it at their next batch
  }

  /** The stream is closed: the others' shares grow, and their fetches that waited for room may go on. */
  void unregister(ResultStream stream, Executor threads) {
    if (streams.remove(stream)) {
      wakeAll(threads);
    }
  }

  /** Whether all streams together buffer less than the ceiling. */
  boolean hasRoom() {
    return buffered.get() < limit;
  }

  /** A stream buffered {@code bytes} more. */
  void took(long bytes) {
    buffered.addAndGet(bytes);
  }

  /**
   * A stream's reader let go of {@code bytes}. When that brings the total under the ceiling, the
   * fetches of every stream that waited for room may go on: they are resumed on the fetch threads,
   * so that no stream's lock is ever taken while another's is held.
   */
  void gaveBack(long bytes, Executor threads) {
    long after = buffered.addAndGet(-bytes);
    if (after < limit && after + bytes >= limit) {
      wakeAll(threads);
    }
  }

  /** Arrow bytes all streams buffer now. */
  long buffered() {
    return buffered.get();
  }

  private void wakeAll(Executor threads) {
    for (ResultStream stream : streams) {
      threads.execute(stream::roomMayHaveGrown);
    }
  }

  /**
   * The ceiling that {@code setting} (the system property, or null) asks for, or half of
   * {@code maxHeap}; never under 16 MB. A value that is not a size is reported and ignored.
   */
  static long limitFrom(String setting, long maxHeap) {
    long fromHeap = Math.max(FLOOR, maxHeap == Long.MAX_VALUE ? 1L << 30 : maxHeap / 2);
    if (setting == null || setting.isBlank()) {
      return fromHeap;
    }
    try {
      // Read as MaxBufferBytes is: bytes, or a number with a KB, MB or GB suffix.
      return Math.max(FLOOR, ConnectionProperty.MAX_BUFFER_BYTES.parse(setting));
    } catch (IllegalArgumentException e) {
      LOG.warning(() -> "The system property " + PROPERTY + "='" + setting + "' is not a size in bytes (such as"
          + " 536870912 or 512MB); using half the maximum heap, " + fromHeap + " bytes.");
      return fromHeap;
    }
  }
}
