package dev.lakeformation.bench;

import dev.lakeformation.core.aws.AwsClients;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.lakeformation.model.GetWorkUnitResultsResponse;
import software.amazon.awssdk.services.lakeformation.model.WorkUnitRange;

/**
 * The transport limit: every work-unit body of a query read with the AWS SDK and thrown away,
 * on P threads, with nothing decoded. What no driver can beat on this machine.
 */
final class TransportBaseline {
  /** A work unit as GetWorkUnitResults names it. */
  record Unit(long id, String token) {}

  private TransportBaseline() {}

  /** Every work unit of {@code queryId}, page after page of GetWorkUnits. */
  static List<Unit> units(AwsClients aws, String queryId) {
    List<Unit> units = new ArrayList<>();
    String token = null;
    do {
      String pageToken = token;
      var page = aws.lakeFormation().getWorkUnits(r -> r.queryId(queryId).nextToken(pageToken));
      for (WorkUnitRange range : page.workUnitRanges()) {
        for (long id = range.workUnitIdMin(); id <= range.workUnitIdMax(); id++) {
          units.add(new Unit(id, range.workUnitToken()));
        }
      }
      token = page.nextToken();
    } while (token != null && !token.isEmpty());
    return units;
  }

  /** What is done with each body: returns what it counted (bytes, or rows). */
  interface BodyReader {
    long read(InputStream body) throws Exception;
  }

  /**
   * Reads every unit of {@code queryId} and throws the bytes away; returns {bytes, nanos, CPU
   * nanos of the reading threads}.
   */
  static long[] readAll(AwsClients aws, String queryId, int threads) throws Exception {
    return readAll(aws, queryId, threads, TransportBaseline::discard);
  }

  /** Reads a body to its end, keeping nothing. */
  private static long discard(InputStream body) throws Exception {
    byte[] discard = new byte[1 << 16];
    long bytes = 0;
    int n;
    while ((n = body.read(discard)) > 0) {
      bytes += n;
    }
    return bytes;
  }

  /**
   * Hands every unit's body of {@code queryId} to {@code reader}, on {@code threads} threads;
   * returns {count, nanos, CPU nanos of those threads}.
   */
  static long[] readAll(AwsClients aws, String queryId, int threads, BodyReader reader) throws Exception {
    List<Unit> units = units(aws, queryId);
    AtomicInteger next = new AtomicInteger();
    AtomicLong bytes = new AtomicLong();
    AtomicLong cpu = new AtomicLong();
    List<Thread> started = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
      Thread thread = new Thread(task, "transport-baseline-" + started.size());
      started.add(thread);
      return thread;
    });
    long start = System.nanoTime();
    long nanos;
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(pool.submit(() -> {
          try {
            int i;
            while ((i = next.getAndIncrement()) < units.size()) {
              Unit unit = units.get(i);
              try (ResponseInputStream<GetWorkUnitResultsResponse> body = aws.lakeFormation().getWorkUnitResults(
                  r -> r.queryId(queryId).workUnitId(unit.id()).workUnitToken(unit.token()))) {
                bytes.addAndGet(reader.read(body));
              }
            }
          } finally {
            cpu.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
          }
          return null;
        }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
      nanos = System.nanoTime() - start;
    } finally {
      pool.shutdownNow();
      // Ended before this returns, so that a measurement taken afterwards finds none of them alive
      // and counts their CPU once, as returned here.
      for (Thread thread : started) {
        thread.join(TimeUnit.MINUTES.toMillis(1));
        if (thread.isAlive()) {
          throw new IllegalStateException(thread.getName() + " did not end");
        }
      }
    }
    return new long[] {bytes.get(), nanos, cpu.get()};
  }
}
