package dev.lakeformation.core.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.api.LakeFormationException;
import dev.lakeformation.api.QueryProgress;
import dev.lakeformation.api.WorkUnit;
import dev.lakeformation.jdbc.driver.LocalFixture;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The query layer without JDBC: a session from connection properties, planning and attaching,
 * the work units as values, and each unit read as an Arrow reader from any thread.
 */
class QuerySessionTest {
  static LocalFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = LocalFixture.shared();
  }

  @AfterEach
  void noFaults() {
    fixture.local.faults().clear();
  }

  private static ServiceSession session(String extra) throws LakeFormationException {
    return ServiceSession.open(fixture.url("Database=tpch" + (extra.isEmpty() ? "" : ";" + extra)), new Properties());
  }

  /** {rows, sum of l_orderkey, sum of l_extendedprice} from H2. */
  private static Object[] expectedLineitem() throws Exception {
    try (Connection h2 = fixture.h2("tpch"); Statement s = h2.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(l_orderkey), SUM(l_extendedprice) FROM lineitem")) {
      rs.next();
      return new Object[] {rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3)};
    }
  }

  /** Reads every unit on {@code threads} threads through openWorkUnit; {rows, sum of l_orderkey, sum of price}. */
  private static Object[] readInParallel(ServiceQuery query, List<WorkUnit> units, int threads)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (BufferAllocator allocator = new RootAllocator()) {
      List<Future<Object[]>> parts = new ArrayList<>();
      for (WorkUnit unit : units) {
        parts.add(pool.submit(() -> {
          long rows = 0;
          long keys = 0;
          BigDecimal prices = BigDecimal.ZERO;
          try (ArrowReader reader = query.openWorkUnit(unit, allocator)) {
            while (reader.loadNextBatch()) {
              VectorSchemaRoot root = reader.getVectorSchemaRoot();
              BigIntVector key = (BigIntVector) root.getVector("l_orderkey");
              DecimalVector price = (DecimalVector) root.getVector("l_extendedprice");
              for (int r = 0; r < root.getRowCount(); r++) {
                keys += key.get(r);
                prices = prices.add(price.getObject(r));
              }
              rows += root.getRowCount();
            }
          }
          return new Object[] {rows, keys, prices};
        }));
      }
      long rows = 0;
      long keys = 0;
      BigDecimal prices = BigDecimal.ZERO;
      for (Future<Object[]> part : parts) {
        Object[] p = part.get();
        rows += (Long) p[0];
        keys += (Long) p[1];
        prices = prices.add((BigDecimal) p[2]);
      }
      assertEquals(0, allocator.getAllocatedMemory(), "every reader returned its buffers");
      return new Object[] {rows, keys, prices};
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aQueryPlannedFromConnectionPropertiesIsReadUnitByUnitOnManyThreads() throws Exception {
    try (ServiceSession session = session("")) {
      ServiceQuery query = session.plan("SELECT * FROM lineitem");
      List<WorkUnit> units = query.workUnits();
      assertEquals(61, units.size(), "60,175 rows in units of 1,000");
      for (int i = 0; i < units.size(); i++) {
        assertEquals(i, units.get(i).index());
        assertEquals(query.queryId(), units.get(i).queryId());
      }
      Object[] actual = readInParallel(query, units, 8);
      Object[] expected = expectedLineitem();
      assertEquals(expected[0], actual[0]);
      assertEquals(expected[1], actual[1]);
      assertEquals(0, ((BigDecimal) expected[2]).compareTo((BigDecimal) actual[2]));
      assertEquals(0, session.allocatedBytes());
    }
  }

  @Test
  void unitsReadInReverseOrderUnderCutBodiesAndThrottlingGiveEveryRowOnce() throws Exception {
    try (ServiceSession session = session("MaxRetries=20")) {
      ServiceQuery query = session.plan("SELECT * FROM lineitem");
      List<WorkUnit> units = new ArrayList<>(query.workUnits());
      java.util.Collections.reverse(units);
      QueryProgress progress = new QueryProgress();
      ServiceQuery counted = session.attach(query.queryId(), Cancellation.none(), progress);
      fixture.local.faults().truncateProbability(0.3).throttleProbability(0.1).internalErrorProbability(0.05);
      Object[] actual = readInParallel(counted, units, 4);
      fixture.local.faults().clear();
      Object[] expected = expectedLineitem();
      assertEquals(expected[0], actual[0]);
      assertEquals(expected[1], actual[1]);
      QueryProgress.Snapshot counts = progress.snapshot();
      assertTrue(counts.retries() > 0, "faults were injected and retried");
      // The listener hears of every unit and row once, whatever was fetched again.
      assertEquals(units.size(), counts.unitsRead());
      assertEquals(expected[0], counts.rows());
      assertTrue(counts.bytes() > 0, "bytes read");
    }
  }

  @Test
  void workUnitsAreSmallSerializableValuesWithoutTheirTokenInText() throws Exception {
    WorkUnit unit = new WorkUnit("0123abcd-0000-0000-0000-000000000000", 3, 42, "secret-looking-token");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(unit);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertEquals(unit, in.readObject());
    }
    assertTrue(bytes.size() < 400, bytes.size() + " bytes");
    assertFalse(unit.toString().contains("secret-looking-token"));
  }

  @Test
  void attachingReadsAQueryPlannedElsewhereWithoutPlanningAgain() throws Exception {
    try (ServiceSession session = session("")) {
      String queryId = session.plan("SELECT * FROM region").queryId();
      long before = fixture.local.requestCount("StartQueryPlanning");
      ServiceQuery attached = session.attach(queryId);
      assertEquals("FINISHED", attached.status().state());
      assertTrue(attached.statistics().isPresent());
      long rows = 0;
      try (ResultStream stream = attached.stream()) {
        for (FetchedBatch batch = stream.next(); batch != null; batch = stream.next()) {
          rows += batch.rowCount();
          batch.close();
        }
      }
      assertEquals(5, rows);
      assertEquals(before, fixture.local.requestCount("StartQueryPlanning"));
    }
  }

  @Test
  void badInputIsALakeFormationExceptionWithItsSqlState() throws Exception {
    assertEquals("08001", assertThrows(LakeFormationException.class,
        () -> ServiceSession.open("jdbc:lakeformation://Region=Mars", new Properties())).sqlState());
    try (ServiceSession session = session("")) {
      assertEquals("22023", assertThrows(LakeFormationException.class, () -> session.attach("short")).sqlState());
      LakeFormationException failed = assertThrows(LakeFormationException.class,
          () -> session.plan("SELECT * FROM no_such_table"));
      assertEquals("42000", failed.sqlState());
      assertTrue(failed.getMessage().contains("no_such_table"), failed.getMessage());
      session.close();
      assertEquals("08006", assertThrows(LakeFormationException.class, () -> session.plan("SELECT 1")).sqlState());
    }
  }

  @Test
  void cancellingAQueryStopsAReadInProgress() throws Exception {
    try (ServiceSession session = session(""); BufferAllocator allocator = new RootAllocator()) {
      ServiceQuery query = session.plan("SELECT * FROM lineitem");
      WorkUnit unit = query.workUnits().get(0);
      fixture.local.faults().workUnitLatencyMillis(5_000);
      Thread canceller = new Thread(() -> {
        try {
          Thread.sleep(300);
        } catch (InterruptedException e) {
          return;
        }
        query.cancel();
      });
      canceller.start();
      long start = System.nanoTime();
      try (ArrowReader reader = query.openWorkUnit(unit, allocator)) {
        LakeFormationException e = assertThrows(LakeFormationException.class, reader::loadNextBatch);
        assertEquals("HY008", e.sqlState());
      }
      assertTrue(System.nanoTime() - start < 4_000_000_000L, "the read stopped before the unit's latency ended");
      canceller.join();
      assertEquals(0, allocator.getAllocatedMemory());
    }
  }

  @Test
  void fetchThreadsAreSharedBetweenQueries() throws Exception {
    int before = FetchThreads.liveThreads();
    try (ServiceSession session = session("MaxConcurrentWorkUnits=4")) {
      for (int i = 0; i < 20; i++) {
        try (ResultStream stream = session.plan("SELECT * FROM nation").stream()) {
          for (FetchedBatch batch = stream.next(); batch != null; batch = stream.next()) {
            batch.close();
          }
        }
      }
    }
    // Twenty queries of four fetches each, one after the other, reuse the same few threads.
    assertTrue(FetchThreads.liveThreads() <= before + 4, FetchThreads.liveThreads() + " fetch threads after 20"
        + " queries of 4, " + before + " before");
  }
}
