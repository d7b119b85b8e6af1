package dev.lakeformation.bench;

import dev.lakeformation.api.QueryProgress;
import dev.lakeformation.core.query.ResultStream;
import dev.lakeformation.jdbc.driver.LfConnection;
import dev.lakeformation.jdbc.driver.LfStatement;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Figure 5's measured JVM (started with -Xmx256m): drains one query and prints, on one line,
 * {@code rows bytes nanos peakHeap peakArrow peakRss}.
 */
public final class MemoryDrain {
  private MemoryDrain() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String queryId = args[1];
    AtomicLong peakHeap = new AtomicLong();
    AtomicLong peakArrow = new AtomicLong();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      LfConnection lf = connection.unwrap(LfConnection.class);
      Thread sampler = new Thread(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
          peakArrow.accumulateAndGet(lf.allocatedBytes(), Math::max);
          try {
            Thread.sleep(5);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "memory-sampler");
      sampler.setDaemon(true);
      sampler.start();
      long start = System.nanoTime();
      long rows = 0;
      long bytes;
      QueryProgress progress = new QueryProgress();
      statement.unwrap(LfStatement.class).setQueryListener(progress);
      try (ResultSet rs = statement.executeQuery(
          "SELECT * FROM system.query_results WHERE query_id = '" + queryId + "'")) {
        ResultStream stream = rs.unwrap(ResultStream.class);
        while (rs.next()) {
          rows++;
          rs.getLong(1);
        }
        bytes = progress.snapshot().bytes();
        peakArrow.accumulateAndGet(stream.peakBufferedBytes(), Math::max);
      }
      long nanos = System.nanoTime() - start;
      sampler.interrupt();
      System.out.println(rows + " " + bytes + " " + nanos + " " + peakHeap.get() + " " + peakArrow.get() + " "
          + ProcessMemory.peakRss());
    }
  }
}
