package dev.lakeformation.jdbc.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.lakeformation.local.LakeFormationLocal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sixteen threads share a pool of four connections, run queries, and cancel some of them
 * mid-stream from another thread: no deadlock, no statement sees another's rows, and once
 * everything is closed no Arrow byte is held and no driver thread is left.
 */
class ConcurrencyTest {
  private static LocalFixture fixture;
  private static final String[] QUERIES = {"SELECT * FROM orders", "SELECT * FROM customer",
      "SELECT n_nationkey, n_name FROM nation", "SELECT * FROM lineitem WHERE l_orderkey < 20000"};

  @BeforeAll
  static void start() throws Exception {
    fixture = LocalFixture.shared();
  }

  private static long[] countAndSum(ResultSet rs) throws SQLException {
    long rows = 0;
    long sum = 0;
    while (rs.next()) {
      rows++;
      sum += rs.getString(1).hashCode() + 31L * rs.getString(2).hashCode();
    }
    return new long[] {rows, sum};
  }

  @Test
  void sixteenThreadsOnFourPooledConnectionsWithCancelsLeaveNothingBehind() throws Exception {
    Map<String, long[]> expected = new ConcurrentHashMap<>();
    try (Connection h2 = fixture.h2("tpch"); Statement s = h2.createStatement()) {
      for (String sql : QUERIES) {
        try (ResultSet rs = s.executeQuery(sql)) {
          expected.put(sql, countAndSum(rs));
        }
      }
    }
    HikariConfig config = new HikariConfig();
    config.setDataSourceClassName(LfDataSource.class.getName());
    config.addDataSourceProperty("endpoint", fixture.local.endpoint().toString());
    config.addDataSourceProperty("region", "us-east-1");
    config.addDataSourceProperty("database", "tpch");
    config.addDataSourceProperty("maxConcurrentWorkUnits", 3);
    config.setUsername(LakeFormationLocal.DEFAULT_ACCESS_KEY_ID);
    config.setPassword(LakeFormationLocal.DEFAULT_SECRET_ACCESS_KEY);
    config.setMaximumPoolSize(4);
    config.setConnectionTimeout(60_000);
    AtomicInteger completed = new AtomicInteger();
    AtomicInteger cancelled = new AtomicInteger();
    List<String> problems = new ArrayList<>();
    ExecutorService threads = Executors.newFixedThreadPool(16);
    ExecutorService cancellers = Executors.newFixedThreadPool(4);
    try (HikariDataSource pool = new HikariDataSource(config)) {
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        int thread = t;
        work.add(threads.submit(() -> {
          for (int i = 0; i < 5; i++) {
            String sql = QUERIES[(thread + i) % QUERIES.length];
            boolean cancel = (thread + i) % 3 == 0;
            try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
              if (cancel) {
                rs.next();
                cancellers.submit(() -> {
                  Thread.sleep(ThreadLocalRandom.current().nextInt(5));
                  s.cancel();
                  return null;
                }).get();
                try {
                  while (rs.next()) {
                    rs.getString(1);
                  }
                  // the statement may have finished before the cancel arrived: that is fine
                } catch (SQLException e) {
                  if (!"HY008".equals(e.getSQLState())) {
                    synchronized (problems) {
                      problems.add("cancel gave " + e.getSQLState() + ": " + e.getMessage());
                    }
                  }
                }
                cancelled.incrementAndGet();
              } else {
                long[] actual = countAndSum(rs);
                if (actual[0] != expected.get(sql)[0] || actual[1] != expected.get(sql)[1]) {
                  synchronized (problems) {
                    problems.add(sql + ": " + actual[0] + " rows, expected " + expected.get(sql)[0]);
                  }
                }
                completed.incrementAndGet();
              }
            } catch (Exception e) {
              synchronized (problems) {
                problems.add(sql + ": " + e);
              }
            }
          }
          return null;
        }));
      }
      for (Future<?> f : work) {
        f.get(5, TimeUnit.MINUTES); // a deadlock fails here instead of hanging the build
      }
    } finally {
      threads.shutdownNow();
      cancellers.shutdownNow();
    }
    assertEquals(List.of(), problems);
    assertEquals(80, completed.get() + cancelled.get());
    assertTrue(cancelled.get() > 10);
    assertEquals(0, LfConnection.allocatedBytesOfAllConnections(), "Arrow memory left after every close");
    assertEquals(List.of(), DriverThreads.awaitIdle(10_000), "driver threads still working after every close");
  }
}
