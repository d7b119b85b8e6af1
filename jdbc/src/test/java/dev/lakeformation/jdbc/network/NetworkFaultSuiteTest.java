package dev.lakeformation.jdbc.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.core.query.ServiceSession;
import dev.lakeformation.jdbc.driver.DriverThreads;
import dev.lakeformation.jdbc.driver.LfConnection;
import dev.lakeformation.jdbc.driver.LocalFixture;
import dev.lakeformation.jdbc.network.FaultProxy.Fault;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The network between the driver and the service misbehaving, one operation at a time: every
 * {@link Fault} of a real network (latency, a slow link, a reset in the middle of a body, a slow
 * drip, silence after some bytes, a gateway's error page, a reset before any answer) on each
 * operation the driver calls (STS, planning, query state, work units, results, Athena's catalog,
 * the system tables' executions), through a {@link FaultProxy} in front of LakeFormation Local,
 * with two result sets of a connection read at once, and six connections at once. Every case ends with every row exactly once, or with an
 * SQLException, within the bound the settings give; afterwards no driver thread is working and
 * no Arrow byte is held.
 */
class NetworkFaultSuiteTest {
  /** The operations of each part of the driver's work. */
  private static final Map<String, Set<String>> OPERATIONS = new LinkedHashMap<>();

  static {
    OPERATIONS.put("STS", Set.of("GetCallerIdentity"));
    OPERATIONS.put("planning", Set.of("StartQueryPlanning"));
    OPERATIONS.put("query state", Set.of("GetQueryState"));
    OPERATIONS.put("work units", Set.of("GetWorkUnits"));
    OPERATIONS.put("results", Set.of("GetWorkUnitResults"));
    OPERATIONS.put("Athena's catalog", Set.of("ListDataCatalogs", "ListDatabases", "ListTableMetadata",
        "GetTableMetadata"));
    OPERATIONS.put("system tables", Set.of("BatchGetQueryExecution", "GetQueryExecution", "ListQueryExecutions"));
  }

  /** What a network does to an answer; a page in a 200 answer is not the network's doing (see its own test). */
  private static final List<Fault> NETWORK_FAULTS = List.of(Fault.LATENCY, Fault.BANDWIDTH, Fault.RESET_MID_BODY,
      Fault.SLOW_DRIP, Fault.BLACKHOLE_AFTER_BYTES, Fault.HTML_502, Fault.RESET_BEFORE_ANSWER);
  private static final String QUERY = "SELECT c_custkey, c_name, c_acctbal FROM customer";
  /** Four tries of at most 0.8 s of silence each, and the backoff between them, per call. */
  private static final String SETTINGS = "Database=tpch;MaxRetries=3;SocketTimeoutMillis=800;ConnectTimeoutMillis=1000"
      + ";PollIntervalMillis=10;MaxConcurrentWorkUnits=4";
  private static final long CASE_BOUND_MILLIS = 60_000;

  static LocalFixture fixture;
  static ExecutorService threads;
  static long[] expected;
  static final AtomicLong rowsChecked = new AtomicLong();
  static final AtomicLong faultsInjected = new AtomicLong();
  static final AtomicLong cases = new AtomicLong();

  @BeforeAll
  static void start() throws Exception {
    fixture = LocalFixture.shared();
    threads = Executors.newCachedThreadPool();
    try (Connection h2 = fixture.h2("tpch"); Statement s = h2.createStatement(); ResultSet rs = s.executeQuery(QUERY)) {
      expected = countAndChecksum(rs);
    }
  }

  @AfterAll
  static void stop() {
    System.out.printf("network fault suite: %d cases, %d faults injected, %d rows checked%n", cases.get(),
        faultsInjected.get(), rowsChecked.get());
    threads.shutdownNow();
  }

  private static String url(FaultProxy proxy) {
    return "jdbc:lakeformation://Endpoint=" + proxy.endpoint() + ";Region=us-east-1;AccessKeyId=AKIALAKEFORMATIONLOCAL"
        + ";SecretAccessKey=lakeformation-local-secret;" + SETTINGS;
  }

  private static long[] countAndChecksum(ResultSet rs) throws SQLException {
    long rows = 0;
    long sum = 0;
    while (rs.next()) {
      rows++;
      sum += rs.getLong(1) * 31 + rs.getString(2).hashCode() + rs.getBigDecimal(3).unscaledValue().longValue();
    }
    return new long[] {rows, sum};
  }

  /** One case: a fault on some operations, and how many workloads run through it at once. */
  private record Case(String name, Fault fault, Set<String> operations, boolean everyExchange, int connections) {}

  @Test
  void everyFaultOnEveryOperationIsGotPast() throws Exception {
    List<Case> all = new ArrayList<>();
    for (Fault fault : NETWORK_FAULTS) {
      for (Map.Entry<String, Set<String>> part : OPERATIONS.entrySet()) {
        all.add(new Case(fault + " on " + part.getKey(), fault, part.getValue(), false, 1));
      }
    }
    // Each request meets the fault once: a retry gets past it.
    assertEquals(Map.of(), unexpected(run(all), outcome -> outcome.equals("rows")));
  }

  @Test
  void aFaultOnEveryExchangeEndsInAnSqlExceptionUnlessItOnlySlowsDown() throws Exception {
    List<Case> all = new ArrayList<>();
    for (Fault fault : NETWORK_FAULTS) {
      for (String part : List.of("planning", "results")) {
        all.add(new Case(fault + " on every " + part + " exchange", fault, OPERATIONS.get(part), true, 1));
      }
    }
    Map<Case, String> outcomes = run(all);
    assertEquals(Map.of(), unexpected(outcomes, outcome -> outcome.startsWith("SQLException")),
        "destroyed answers, every time");
    Map<Case, String> slowed = new LinkedHashMap<>();
    outcomes.forEach((c, outcome) -> {
      if (Set.of(Fault.LATENCY, Fault.BANDWIDTH, Fault.SLOW_DRIP).contains(c.fault()) && !outcome.equals("rows")) {
        slowed.put(c, outcome);
      }
    });
    assertEquals(Map.of(), slowed, "answers slowed down, every time, still give every row");
  }

  @Test
  void manyConnectionsAndOpenResultsAtOnceThroughTheFaults() throws Exception {
    Set<String> dataPath = Set.of("GetWorkUnitResults", "GetWorkUnits", "StartQueryPlanning");
    List<Case> all = List.of(new Case("six connections, bodies cut", Fault.RESET_MID_BODY, dataPath, false, 6),
        new Case("six connections, gateway pages", Fault.HTML_502, dataPath, false, 6),
        new Case("six connections, silence", Fault.BLACKHOLE_AFTER_BYTES, dataPath, false, 6));
    assertEquals(Map.of(), unexpected(run(all), outcome -> outcome.equals("rows")));
  }

  @Test
  void aPageInPlaceOfAWorkUnitsBodyIsReportedAsTextNotArrow() throws Exception {
    try (FaultProxy proxy = new FaultProxy(fixture.local.endpoint())) {
      proxy.inject(Fault.PAGE_IN_A_200, Set.of("GetWorkUnitResults"), true);
      String outcome = workload(proxy);
      assertTrue(outcome.startsWith("SQLException [22000]") && outcome.contains("The body is text, not Arrow: it"
          + " starts with '<html><head><title>502 Bad Gateway") && outcome.contains("check Endpoint"), outcome);
    }
    assertEquals(List.of(), DriverThreads.awaitIdle(15_000), "no driver thread working after close");
    assertEquals(0, ServiceSession.allocatedBytesOfAllSessions(), "no Arrow byte held after close");
  }

  /** The cases whose outcome is not {@code wanted}, with what it was. */
  private static Map<Case, String> unexpected(Map<Case, String> outcomes, java.util.function.Predicate<String> wanted) {
    Map<Case, String> wrong = new LinkedHashMap<>();
    outcomes.forEach((c, outcome) -> {
      boolean destroys = !Set.of(Fault.LATENCY, Fault.BANDWIDTH, Fault.SLOW_DRIP).contains(c.fault());
      if ((c.everyExchange() ? destroys : true) && !wanted.test(outcome)) {
        wrong.put(c, outcome);
      }
    });
    return wrong;
  }

  /**
   * Runs the cases, four at a time, each through a proxy of its own; each case's outcome is
   * "rows" when every workload read all its rows exactly once, else the first other outcome (an
   * SQLException, or what went wrong). Then checks that nothing is left behind.
   */
  private static Map<Case, String> run(List<Case> all) throws Exception {
    ExecutorService caseThreads = Executors.newFixedThreadPool(4);
    Map<Case, Future<String>> running = new LinkedHashMap<>();
    try {
      for (Case c : all) {
        running.put(c, caseThreads.submit(() -> runCase(c)));
      }
      Map<Case, String> outcomes = new LinkedHashMap<>();
      for (Map.Entry<Case, Future<String>> outcome : running.entrySet()) {
        outcomes.put(outcome.getKey(), outcome.getValue().get(CASE_BOUND_MILLIS * 4, TimeUnit.MILLISECONDS));
      }
      assertEquals(List.of(), DriverThreads.awaitIdle(15_000), "no driver thread working after close");
      assertEquals(0, ServiceSession.allocatedBytesOfAllSessions(), "no Arrow byte held after close");
      return outcomes;
    } finally {
      caseThreads.shutdownNow();
    }
  }

  private static String runCase(Case c) throws Exception {
    cases.incrementAndGet();
    try (FaultProxy proxy = new FaultProxy(fixture.local.endpoint())) {
      proxy.inject(c.fault(), c.operations(), c.everyExchange());
      long start = System.nanoTime();
      List<Future<String>> workloads = new ArrayList<>();
      for (int i = 0; i < c.connections(); i++) {
        workloads.add(threads.submit(() -> workload(proxy)));
      }
      String outcome = "rows";
      for (Future<String> workload : workloads) {
        String result = workload.get(CASE_BOUND_MILLIS * 2, TimeUnit.MILLISECONDS);
        if (!result.equals("rows") && outcome.equals("rows")) {
          outcome = result;
        }
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      faultsInjected.addAndGet(proxy.faultsInjected());
      return millis < CASE_BOUND_MILLIS ? outcome : "took " + millis + " ms: " + outcome;
    }
  }

  /** Connect (with the connect check), read the query twice at once, browse the catalog, read the query's execution. */
  private static String workload(FaultProxy proxy) {
    try (Connection connection = DriverManager.getConnection(url(proxy));
        Statement first = connection.createStatement();
        Statement second = connection.createStatement();
        ResultSet a = first.executeQuery(QUERY);
        ResultSet b = second.executeQuery(QUERY)) {
      for (ResultSet rs : List.of(a, b)) {
        long[] read = countAndChecksum(rs);
        if (read[0] != expected[0] || read[1] != expected[1]) {
          return "wrong rows: " + read[0] + " rows, checksum " + read[1];
        }
        rowsChecked.addAndGet(read[0]);
      }
      try (ResultSet tables = connection.getMetaData().getTables(null, "tpch", "%", null)) {
        int count = 0;
        while (tables.next()) {
          count++;
        }
        if (count != 8) {
          return "wrong tables: " + count;
        }
      }
      String queryId = connection.unwrap(LfConnection.class).recentQueryIds().get(0);
      try (Statement s = connection.createStatement();
          ResultSet execution = s.executeQuery("SELECT state FROM system.query_executions WHERE query_execution_id = '"
              + queryId + "'")) {
        if (!execution.next()) {
          return "no execution for " + queryId;
        }
      }
      return "rows";
    } catch (SQLException e) {
      return "SQLException [" + e.getSQLState() + "]: " + e.getMessage();
    } catch (RuntimeException e) {
      return "a RuntimeException: " + e;
    }
  }
}
