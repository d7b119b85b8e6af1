package dev.lakeformation.bench;

import dev.lakeformation.core.aws.AwsClients;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

  /** Reads every unit of {@code queryId}; returns {bytes, nanos}. */
  static long[] readAll(AwsClients aws, String queryId, int threads) throws Exception {
    List<Unit> units = units(aws, queryId);
    AtomicInteger next = new AtomicInteger();
    AtomicLong bytes = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(pool.submit(() -> {
          byte[] discard = new byte[1 << 16];
          int i;
          while ((i = next.getAndIncrement()) < units.size()) {
            Unit unit = units.get(i);
            try (ResponseInputStream<GetWorkUnitResultsResponse> body = aws.lakeFormation().getWorkUnitResults(
                r -> r.queryId(queryId).workUnitId(unit.id()).workUnitToken(unit.token()))) {
              InputStream in = body;
              int n;
              while ((n = in.read(discard)) > 0) {
                bytes.addAndGet(n);
              }
            }
          }
          return null;
        }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return new long[] {bytes.get(), System.nanoTime() - start};
  }
}
