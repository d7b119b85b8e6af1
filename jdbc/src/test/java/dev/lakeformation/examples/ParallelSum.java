package dev.lakeformation.examples;

import dev.lakeformation.api.LakeFormationQuery;
import dev.lakeformation.api.QuerySession;
import dev.lakeformation.api.WorkUnit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * Reads one query on N threads and sums a DECIMAL column: the example of docs/arrow-api.md.
 * Usage: {@code ParallelSum URL SQL COLUMN THREADS}.
 */
public final class ParallelSum {
  private ParallelSum() {}

  public static void main(String[] args) throws Exception {
    System.out.println(sum(args[0], args[1], args[2], Integer.parseInt(args[3])));
  }

  static BigDecimal sum(String url, String sql, String column, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (QuerySession session = QuerySession.open(url, new Properties());
        BufferAllocator allocator = new RootAllocator()) {
      LakeFormationQuery query = session.plan(sql);
      List<Future<BigDecimal>> parts = new ArrayList<>();
      for (WorkUnit unit : query.workUnits()) {           // small serializable values
        parts.add(pool.submit(() -> {
          BigDecimal part = BigDecimal.ZERO;
          try (ArrowReader reader = query.openWorkUnit(unit, allocator)) {
            while (reader.loadNextBatch()) {
              VectorSchemaRoot batch = reader.getVectorSchemaRoot();
              DecimalVector values = (DecimalVector) batch.getVector(column);
              for (int row = 0; row < batch.getRowCount(); row++) {
                if (!values.isNull(row)) {
                  part = part.add(values.getObject(row));
                }
              }
            }
          }
          return part;
        }));
      }
      BigDecimal total = BigDecimal.ZERO;
      for (Future<BigDecimal> part : parts) {
        total = total.add(part.get());
      }
      return total;
    } finally {
      pool.shutdownNow();
    }
  }
}
