package dev.lakeformation.core.query;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fetch threads of the whole JVM, shared by every query: a statement's fetch no longer starts
 * threads of its own, and the threads of a finished query serve the next one. Threads start on
 * demand and end after a minute idle, so an idle application holds none; all are daemons.
 *
 * <p>Bounded at {@value #MAX_THREADS} (MaxConcurrentWorkUnits' maximum); beyond that, fetches wait
 * their turn in the queue. A fetch never waits for room in its result's memory budget on one of
 * these threads (it parks, see {@link ResultStream}): a result set whose reader stopped reading
 * holds memory, not threads.
 */
final class FetchThreads {
  static final int MAX_THREADS = 256;
  private static final AtomicInteger THREAD_IDS = new AtomicInteger();
  private static final ThreadPoolExecutor SHARED = create();

  private FetchThreads() {}

  static Executor shared() {
    return SHARED;
  }

  /** Threads alive now (for tests of thread reuse and release). */
  static int liveThreads() {
    return SHARED.getPoolSize();
  }

  private static ThreadPoolExecutor create() {
    GrowFirstQueue queue = new GrowFirstQueue();
    ThreadPoolExecutor executor = new ThreadPoolExecutor(0, MAX_THREADS, 60, TimeUnit.SECONDS, queue, task -> {
      Thread thread = new Thread(task, "lakeformation-jdbc-fetch-" + THREAD_IDS.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }, (task, pool) -> queue.force(task)); // the pool reached its maximum between the check and the start
    queue.executor = executor;
    return executor;
  }

  /**
   * A ThreadPoolExecutor queues a task before it starts a thread beyond its core size, and starts a
   * new core thread even when one is idle. Neither suits fetches: a queued fetch waits while the
   * pool could grow, and idle threads should be reused. This queue refuses a task while every
   * thread is busy and the pool may still grow, which makes the executor start a thread; otherwise
   * an idle thread takes it from the queue.
   */
  private static final class GrowFirstQueue extends LinkedBlockingQueue<Runnable> {
    private static final long serialVersionUID = 1L;
    private transient ThreadPoolExecutor executor;

    @Override
    public boolean offer(Runnable task) {
      ThreadPoolExecutor pool = executor;
      if (pool != null && pool.getPoolSize() < pool.getMaximumPoolSize()
          && pool.getActiveCount() + size() >= pool.getPoolSize()) {
        return false;
      }
      return super.offer(task);
    }

    void force(Runnable task) {
      super.offer(task);
    }
  }
}
