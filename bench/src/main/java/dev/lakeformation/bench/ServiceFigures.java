package dev.lakeformation.bench;

import dev.lakeformation.api.LakeFormationException;
import dev.lakeformation.api.QueryProgress;
import dev.lakeformation.core.aws.AwsClients;
import dev.lakeformation.core.aws.AwsSettings;
import dev.lakeformation.core.config.ConnectionConfig;
import dev.lakeformation.jdbc.driver.LfStatement;
import dev.lakeformation.local.LakeFormationLocal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** Figures 2 to 4: the driver against LakeFormation Local over loopback HTTP. */
final class ServiceFigures {
  private ServiceFigures() {}

  static String url(LakeFormationLocal local, String extra) {
    return url(local.endpoint(), extra);
  }

  /** The URL of the LakeFormation Local at {@code endpoint}, with its default keys, and {@code extra} properties. */
  static String url(URI endpoint, String extra) {
    return "jdbc:lakeformation://Endpoint=" + endpoint + ";Region=us-east-1;AccessKeyId="
        + LakeFormationLocal.DEFAULT_ACCESS_KEY_ID + ";SecretAccessKey=" + LakeFormationLocal.DEFAULT_SECRET_ACCESS_KEY + ";"
        + extra;
  }

  static AwsClients clients(LakeFormationLocal local) {
    return clients(local.endpoint());
  }

  /** SDK clients of the LakeFormation Local at {@code endpoint}, with its default keys. */
  static AwsClients clients(URI endpoint) {
    return AwsClients.create(new AwsSettings(Region.US_EAST_1, endpoint, endpoint,
        StaticCredentialsProvider.create(AwsBasicCredentials.create(LakeFormationLocal.DEFAULT_ACCESS_KEY_ID,
            LakeFormationLocal.DEFAULT_SECRET_ACCESS_KEY)), Duration.ofSeconds(10), Duration.ofSeconds(120)));
  }

  /**
   * SDK clients of the LakeFormation Local at {@code endpoint} built as a connection with the
   * {@code extra} properties builds them (its trust store, say, for one that serves HTTPS); with
   * none, as {@link #clients(URI)} builds them.
   */
  static AwsClients clients(URI endpoint, String extra) throws LakeFormationException {
    return extra.isEmpty() ? clients(endpoint) : AwsClients.open(ConnectionConfig.parse(url(endpoint, extra), null));
  }

  /** Plans {@code sql} and waits until every unit exists, so that only fetching is timed. */
  static String planFully(AwsClients aws, String database, String sql) throws InterruptedException {
    String id = aws.lakeFormation().startQueryPlanning(r -> r.queryString(sql)
        .queryPlanningContext(c -> c.databaseName(database))).queryId();
    while (true) {
      String state = aws.lakeFormation().getQueryState(r -> r.queryId(id)).stateAsString();
      if (state.equals("FINISHED")) {
        return id;
      }
      if (!state.equals("PENDING") && !state.equals("WORKUNITS_AVAILABLE")) {
        throw new IllegalStateException("query " + id + " is " + state);
      }
      Thread.sleep(100);
    }
  }

  /** Drains a planned query through the driver; returns {rows, bytes, nanos}. */
  static long[] driverRead(LakeFormationLocal local, String queryId, int threads) throws Exception {
    return driverRead(local, queryId, threads, false);
  }

  /** @param everyValue read every column with its natural getter, not only move through the rows */
  static long[] driverRead(LakeFormationLocal local, String queryId, int threads, boolean everyValue) throws Exception {
    long start = System.nanoTime();
    try (Connection c = DriverManager.getConnection(url(local, "MaxConcurrentWorkUnits=" + threads));
        Statement s = c.createStatement()) {
      QueryProgress progress = new QueryProgress();
      s.unwrap(LfStatement.class).setQueryListener(progress);
      try (ResultSet rs = s.executeQuery("SELECT * FROM system.query_results WHERE query_id = '" + queryId + "'")) {
        long rows = everyValue ? Timing.drain(rs) : Timing.count(rs);
        return new long[] {rows, progress.snapshot().bytes(), System.nanoTime() - start};
      }
    }
  }

  /** The parallelisms the end-to-end figures are measured at. */
  private static final int[] PARALLELISMS = {1, 2, 4, 8, 16};

  /** A LakeFormation Local serving lineitem at {@code scaleFactor}, in units of 50,000 rows. */
  static LakeFormationLocal lineitemService(double scaleFactor) throws Exception {
    return LakeFormationLocal.builder().tpchScaleFactor(scaleFactor).rowsPerWorkUnit(50_000).rowsPerBatch(10_000)
        .heapLimitBytes(1L << 30).serverThreads(64).start();
  }

  /**
   * Figure 2, at P = 1…16: the driver moving through every row (Arrow decoded, rows handed over)
   * against the SDK reading the same bodies and throwing them away; and, when an older build's
   * jar is given, the driver reading every value against that build doing the same, each in a
   * fresh JVM with nothing but its jar (and the reading class) on the class path.
   *
   * @param baselineJar an older build's one-file jar, or null to leave that comparison out
   */
  static List<Figure> endToEnd(double scaleFactor, Path baselineJar) throws Exception {
    List<Figure> figures = new ArrayList<>();
    try (LakeFormationLocal local = lineitemService(scaleFactor); AwsClients aws = clients(local)) {
      String queryId = planFully(aws, "tpch", "SELECT * FROM lineitem");
      Path jar = currentJar();
      for (int threads : PARALLELISMS) {
        long[] transport = null;
        long[] rows = null;
        for (int round = 0; round < 3; round++) {
          long[] t = TransportBaseline.readAll(aws, queryId, threads);
          long[] d = driverRead(local, queryId, threads, false);
          transport = transport == null || t[1] < transport[1] ? t : transport;
          rows = rows == null || d[2] < rows[2] ? d : rows;
        }
        double transportMbPerSecond = transport[0] / 1e6 / (transport[1] / 1e9);
        String name = "End to end: lineitem SF " + scaleFactor + " (" + String.format("%,d", rows[0]) + " rows), P="
            + threads;
        figures.add(new Figure(name + ", rows", describe(rows), String.format("SDK read-and-discard %.0f MB/s",
            transportMbPerSecond), mbPerSecond(rows) / transportMbPerSecond, 0.85));
        String url = url(local, "MaxConcurrentWorkUnits=" + threads);
        if (baselineJar != null) {
          JdbcProcess.Read now = JdbcProcess.read(jar, url, queryId, true);
          JdbcProcess.Read before = JdbcProcess.read(baselineJar, url, queryId, true);
          figures.add(new Figure(name + ", every value read, this build vs " + baselineJar.getFileName(),
              Timing.rate(now.rows() / (now.bestNanos() / 1e9), "rows"), "older build "
              + Timing.rate(before.rows() / (before.bestNanos() / 1e9), "rows"),
              (double) before.bestNanos() / now.bestNanos(), threads >= 4 ? 2.5 : 0.0));
        }
      }
    }
    return figures;
  }

  /**
   * The Arrow API figure (issue 11), at P = 1…16: P threads each opening work units with
   * {@code openWorkUnit} and reading every value, against the SDK reading the same bodies and
   * throwing them away on P threads.
   */
  static List<Figure> arrowApi(double scaleFactor) throws Exception {
    List<Figure> figures = new ArrayList<>();
    try (LakeFormationLocal local = lineitemService(scaleFactor); AwsClients aws = clients(local)) {
      String queryId = planFully(aws, "tpch", "SELECT * FROM lineitem");
      for (int threads : PARALLELISMS) {
        long[] transport = null;
        long[] api = null;
        for (int round = 0; round < 3; round++) {
          long[] t = TransportBaseline.readAll(aws, queryId, threads);
          long[] a = ArrowApiRead.readAll(url(local, ""), queryId, threads);
          transport = transport == null || t[1] < transport[1] ? t : transport;
          api = api == null || a[2] < api[2] ? a : api;
        }
        double transportMbPerSecond = transport[0] / 1e6 / (transport[1] / 1e9);
        figures.add(new Figure("Arrow API: lineitem SF " + scaleFactor + ", every value read, P=" + threads,
            describe(api), String.format("SDK read-and-discard %.0f MB/s", transportMbPerSecond),
            mbPerSecond(api) / transportMbPerSecond, 0.7));
      }
    }
    return figures;
  }

  /** This build's one-file jar, which bin/bench builds before running. */
  static Path currentJar() {
    Path jar = Path.of(System.getProperty("bench.jar", "target/lakeformation-jdbc-0.1.0.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no one-file jar at " + jar + ": run bin/bench, which builds it");
    }
    return jar;
  }

  private static double mbPerSecond(long[] read) {
    return read[1] / 1e6 / (read[2] / 1e9);
  }

  private static String describe(long[] read) {
    return String.format("%s, %.0f MB/s", Timing.rate(read[0] / (read[2] / 1e9), "rows"), mbPerSecond(read));
  }

  /** Figures 3 and 4: 64 units each delayed 100 ms, for P = 1, 2, 4, 8, 16; then the first row's wait. */
  static List<Figure> parallelismAndFirstRow() throws Exception {
    List<Figure> figures = new ArrayList<>();
    // orders at scale factor 0.01 has 15,000 rows: 235 rows per unit (and per batch) make 64 units.
    try (LakeFormationLocal local = LakeFormationLocal.builder().tpchScaleFactor(0.01).rowsPerWorkUnit(235).rowsPerBatch(235)
        .start();
        AwsClients aws = clients(local)) {
      String queryId = planFully(aws, "tpch", "SELECT * FROM orders");
      long units = aws.lakeFormation().getQueryStatistics(r -> r.queryId(queryId)).planningStatistics()
          .workUnitsGeneratedCount();
      long latencyMillis = 100;
      for (int threads : new int[] {1, 2, 4, 8, 16}) {
        local.faults().clear();
        driverRead(local, queryId, threads);
        long transfer = driverRead(local, queryId, threads)[2];
        local.faults().workUnitLatencyMillis(latencyMillis);
        long measured = driverRead(local, queryId, threads)[2];
        double ideal = units * latencyMillis * 1e6 / threads + transfer;
        figures.add(new Figure("Parallelism: " + units + " units × 100 ms, P=" + threads, Timing.seconds(measured),
            "ideal " + Timing.seconds((long) ideal), ideal / measured, 0.8));
      }
      local.faults().clear().workUnitLatencyMillis(latencyMillis);
      figures.add(firstRow(local, aws, latencyMillis));
      local.faults().clear();
    }
    return figures;
  }

  /**
   * Figure 4: executeQuery to the first row, planning included, against planning (timed with the
   * SDK the same way) plus one unit's latency and transfer.
   */
  private static Figure firstRow(LakeFormationLocal local, AwsClients aws, long latencyMillis) throws Exception {
    String sql = "SELECT * FROM orders";
    long best = Long.MAX_VALUE;
    long baseline = Long.MAX_VALUE;
    for (int round = 0; round < 5; round++) {
      long start = System.nanoTime();
      String id = aws.lakeFormation().startQueryPlanning(r -> r.queryString(sql)
          .queryPlanningContext(c -> c.databaseName("tpch"))).queryId();
      String state;
      do {
        state = aws.lakeFormation().getQueryState(r -> r.queryId(id)).stateAsString();
      } while (state.equals("PENDING"));
      var range = aws.lakeFormation().getWorkUnits(r -> r.queryId(id)).workUnitRanges().get(0);
      try (var body = aws.lakeFormation().getWorkUnitResults(r -> r.queryId(id).workUnitId(range.workUnitIdMin())
          .workUnitToken(range.workUnitToken()))) {
        body.readAllBytes();
      }
      baseline = Math.min(baseline, System.nanoTime() - start);

      try (Connection c = DriverManager.getConnection(url(local, "Database=tpch"));
          Statement s = c.createStatement()) {
        long begin = System.nanoTime();
        try (ResultSet rs = s.executeQuery(sql)) {
          rs.next();
          best = Math.min(best, System.nanoTime() - begin);
        }
      }
    }
    return new Figure("Time to first row (planning + 1 unit of " + latencyMillis + " ms)", Timing.millis(best),
        "SDK plan + first unit " + Timing.millis(baseline), (double) baseline / best, 0.8);
  }
}
