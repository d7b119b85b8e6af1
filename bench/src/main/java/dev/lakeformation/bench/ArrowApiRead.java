package dev.lakeformation.bench;

import dev.lakeformation.api.LakeFormationQuery;
import dev.lakeformation.api.QuerySession;
import dev.lakeformation.api.WorkUnit;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * A query read through the public Arrow API: its work units shared out to P threads, each
 * opened with {@code openWorkUnit}, and every value of every batch read ({@link VectorValues}).
 */
final class ArrowApiRead {
  private ArrowApiRead() {}

  /**
   * Reads every unit of {@code queryId} on {@code threads} threads; returns {rows, bytes, nanos,
   * the reading threads' CPU nanos}.
   */
  static long[] readAll(String url, String queryId, int threads) throws Exception {
    AtomicInteger threadIds = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads,
        task -> new Thread(task, "arrow-reader-" + threadIds.incrementAndGet()));
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    AtomicLong readersCpu = new AtomicLong();
    try (QuerySession session = QuerySession.open(url, new Properties());
        BufferAllocator allocator = new RootAllocator()) {
      long start = System.nanoTime();
      LakeFormationQuery query = session.attach(queryId);
      List<WorkUnit> units = query.workUnits();
      AtomicInteger next = new AtomicInteger();
      AtomicLong rows = new AtomicLong();
      AtomicLong bytes = new AtomicLong();
      AtomicLong hash = new AtomicLong();
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(pool.submit(() -> {
          long cpuStart = cpu.getCurrentThreadCpuTime();
          int i;
          while ((i = next.getAndIncrement()) < units.size()) {
            try (ArrowReader reader = query.openWorkUnit(units.get(i), allocator)) {
              long h = 0;
              while (reader.loadNextBatch()) {
                VectorSchemaRoot batch = reader.getVectorSchemaRoot();
                int count = batch.getRowCount();
                for (FieldVector vector : batch.getFieldVectors()) {
                  h = h * 31 + VectorValues.checksum(vector, count);
                }
                rows.addAndGet(count);
              }
              bytes.addAndGet(reader.bytesRead());
              hash.addAndGet(h);
            }
          }
          readersCpu.addAndGet(cpu.getCurrentThreadCpuTime() - cpuStart);
          return null;
        }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
      long nanos = System.nanoTime() - start;
      if (hash.get() == 42) {
        System.out.print(""); // keeps the hashes alive
      }
      return new long[] {rows.get(), bytes.get(), nanos, readersCpu.get()};
    } finally {
      pool.shutdownNow();
    }
  }
}
