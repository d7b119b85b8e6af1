package dev.lakeformation.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.core.arrow.ArrowIpc;
import dev.lakeformation.core.aws.AwsClients;
import dev.lakeformation.local.faults.Faults;
import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.athena.model.AthenaException;
import software.amazon.awssdk.services.athena.model.InvalidRequestException;
import software.amazon.awssdk.services.athena.model.MetadataException;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.lakeformation.LakeFormationClient;
import software.amazon.awssdk.services.lakeformation.model.AccessDeniedException;
import software.amazon.awssdk.services.lakeformation.model.GetWorkUnitResultsResponse;
import software.amazon.awssdk.services.lakeformation.model.GetWorkUnitsResponse;
import software.amazon.awssdk.services.lakeformation.model.InternalServiceException;
import software.amazon.awssdk.services.lakeformation.model.InvalidInputException;
import software.amazon.awssdk.services.lakeformation.model.ThrottledException;
import software.amazon.awssdk.services.lakeformation.model.WorkUnitRange;
import software.amazon.awssdk.services.lakeformation.model.WorkUnitsNotReadyYetException;

/** LakeFormation Local driven by the real AWS SDK clients over real HTTP, operation by operation. */
class LakeFormationLocalTest {
  static LakeFormationLocal local;
  static AwsClients aws;
  static LakeFormationClient lf;

  @BeforeAll
  static void start() throws Exception {
    local = LakeFormationLocal.builder().tpchScaleFactor(0.001).rowsPerWorkUnit(100).rowsPerBatch(40)
        .unitsPerRange(3).defaultPageSize(4).start();
    aws = LocalClients.connect(local);
    lf = aws.lakeFormation();
  }

  @AfterAll
  static void stop() {
    aws.close();
    local.close();
  }

  @AfterEach
  void noFaults() {
    local.faults().clear();
  }

  private static List<WorkUnitRange> allRanges(String id, Integer pageSize) {
    List<WorkUnitRange> ranges = new ArrayList<>();
    String token = null;
    do {
      String next = token;
      GetWorkUnitsResponse page = lf.getWorkUnits(r -> r.queryId(id).pageSize(pageSize).nextToken(next));
      assertEquals(id, page.queryId());
      if (pageSize != null) {
        assertTrue(page.workUnitRanges().size() <= pageSize);
      }
      ranges.addAll(page.workUnitRanges());
      token = page.nextToken();
    } while (token != null);
    return ranges;
  }

  private static long readUnit(String id, long unitId, String token, BufferAllocator allocator,
      List<BigDecimal> prices) throws Exception {
    long rows = 0;
    try (ResponseInputStream<GetWorkUnitResultsResponse> body = lf.getWorkUnitResults(r -> r.queryId(id)
            .workUnitId(unitId).workUnitToken(token));
        ArrowStreamReader reader = ArrowIpc.openStream(body, allocator)) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      while (reader.loadNextBatch()) {
        DecimalVector price = (DecimalVector) root.getVector("l_extendedprice");
        for (int i = 0; i < root.getRowCount(); i++) {
          prices.add(price.getObject(i));
        }
        rows += root.getRowCount();
      }
    }
    return rows;
  }

  @Test
  void everyWorkUnitReadWithPlainArrowAddsUpToH2sAnswer() throws Exception {
    String id = LocalClients.planAndFinish(lf, "tpch", "SELECT * FROM lineitem");
    List<WorkUnitRange> ranges = allRanges(id, null);
    List<BigDecimal> prices = new ArrayList<>();
    long rows = 0;
    long units = 0;
    try (BufferAllocator allocator = new RootAllocator()) {
      for (WorkUnitRange range : ranges) {
        for (long unit = range.workUnitIdMin(); unit <= range.workUnitIdMax(); unit++) {
          rows += readUnit(id, unit, range.workUnitToken(), allocator, prices);
          units++;
        }
      }
      assertEquals(0, allocator.getAllocatedMemory());
    }
    try (Connection h2 = local.openH2(); Statement s = h2.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(l_extendedprice) FROM tpch.lineitem")) {
      rs.next();
      assertEquals(rs.getLong(1), rows);
      assertEquals(0, rs.getBigDecimal(2).compareTo(prices.stream().reduce(BigDecimal.ZERO, BigDecimal::add)));
    }
    assertTrue(units > 10, "the sample query should span many units, got " + units);
    var statistics = lf.getQueryStatistics(r -> r.queryId(id));
    assertEquals(units, statistics.planningStatistics().workUnitsGeneratedCount());
    assertEquals(units, statistics.executionStatistics().workUnitsExecutedCount());
    assertTrue(statistics.executionStatistics().dataScannedBytes() > 0);
    assertEquals(statistics.planningStatistics().estimatedDataToScanBytes(),
        statistics.executionStatistics().dataScannedBytes());
    assertNotNull(statistics.querySubmissionTime());
  }

  @Test
  void everyUnitHoldsRowsPerWorkUnitRowsButTheLast() throws Exception {
    // 100 rows per unit in batches of 40: 40 + 40 + 20, whatever the batch size.
    String id = LocalClients.planAndFinish(lf, "tpch", "SELECT * FROM lineitem");
    List<Long> rowsPerUnit = new ArrayList<>();
    try (BufferAllocator allocator = new RootAllocator()) {
      for (WorkUnitRange range : allRanges(id, null)) {
        for (long unit = range.workUnitIdMin(); unit <= range.workUnitIdMax(); unit++) {
          rowsPerUnit.add(readUnit(id, unit, range.workUnitToken(), allocator, new ArrayList<>()));
        }
      }
    }
    long total = rowsPerUnit.stream().mapToLong(Long::longValue).sum();
    for (int i = 0; i < rowsPerUnit.size() - 1; i++) {
      assertEquals(100L, rowsPerUnit.get(i), "unit " + i);
    }
    assertEquals(total % 100 == 0 ? 100 : total % 100, rowsPerUnit.get(rowsPerUnit.size() - 1));
  }

  @Test
  void pagesHonourPageSizeAndRangesCoverEveryUnitOnceWithTheirOwnTokens() {
    String id;
    try {
      id = LocalClients.planAndFinish(lf, "tpch", "SELECT * FROM orders");
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
    List<WorkUnitRange> ranges = allRanges(id, 1);
    List<WorkUnitRange> byDefaultPage = allRanges(id, null);
    assertEquals(ranges, byDefaultPage);
    long next = 0;
    Set<String> tokens = new HashSet<>();
    for (WorkUnitRange range : ranges) {
      assertEquals(next, range.workUnitIdMin());
      assertTrue(range.workUnitIdMax() >= range.workUnitIdMin());
      next = range.workUnitIdMax() + 1;
      tokens.add(range.workUnitToken());
    }
    assertEquals(ranges.size(), tokens.size(), "every range has a token of its own");
    assertTrue(ranges.size() > 4, "several pages at the default page size");
  }

  @Test
  void aPageAsLargeAsAnIntegerHoldsTheRestAndEndsTheListing() throws Exception {
    String id = LocalClients.planAndFinish(lf, "tpch", "SELECT * FROM orders");
    List<WorkUnitRange> all = allRanges(id, null);
    GetWorkUnitsResponse first = lf.getWorkUnits(r -> r.queryId(id).pageSize(1));
    // The model sets no upper bound on PageSize: the next index plus it must not wrap around.
    GetWorkUnitsResponse rest = lf.getWorkUnits(r -> r.queryId(id).pageSize(Integer.MAX_VALUE)
        .nextToken(first.nextToken()));
    assertEquals(all.subList(1, all.size()), rest.workUnitRanges());
    assertNull(rest.nextToken());
  }

  @Test
  void workUnitResultsCheckTheTokenAndTheRange() throws Exception {
    String id = LocalClients.planAndFinish(lf, "tpch", "SELECT * FROM orders");
    String other = LocalClients.planAndFinish(lf, "tpch", "SELECT * FROM orders");
    List<WorkUnitRange> ranges = allRanges(id, null);
    WorkUnitRange first = ranges.get(0);
    WorkUnitRange second = ranges.get(1);
    String otherToken = allRanges(other, null).get(0).workUnitToken();
    long past = ranges.get(ranges.size() - 1).workUnitIdMax() + 1;
    for (var call : List.<Runnable>of(
        () -> lf.getWorkUnitResults(r -> r.queryId(id).workUnitId(first.workUnitIdMin()).workUnitToken("wrong")),
        () -> lf.getWorkUnitResults(r -> r.queryId(id).workUnitId(first.workUnitIdMin())
            .workUnitToken(second.workUnitToken())),
        () -> lf.getWorkUnitResults(r -> r.queryId(id).workUnitId(first.workUnitIdMin()).workUnitToken(otherToken)),
        () -> lf.getWorkUnitResults(r -> r.queryId(id).workUnitId(past).workUnitToken(first.workUnitToken())),
        () -> lf.getWorkUnitResults(r -> r.queryId(id).workUnitId(-1L).workUnitToken(first.workUnitToken())))) {
      InvalidInputException e = assertThrows(InvalidInputException.class, call::run);
      assertEquals(400, e.statusCode());
    }
  }

  @Test
  void aFailingQueryEndsInErrorWithH2sMessage() throws Exception {
    String id = lf.startQueryPlanning(r -> r.queryPlanningContext(c -> c.databaseName("tpch"))
        .queryString("SELECT no_such_column FROM lineitem")).queryId();
    assertEquals("ERROR", LocalClients.awaitState(lf, id, "ERROR", "FINISHED"));
    assertTrue(lf.getQueryState(r -> r.queryId(id)).error().contains("no_such_column"));
    assertThrows(InvalidInputException.class, () -> lf.getWorkUnits(r -> r.queryId(id)));
  }

  @Test
  void badIdsAndUnknownDatabasesAreInvalidInput() {
    InvalidInputException unknownDatabase = assertThrows(InvalidInputException.class, () -> lf.startQueryPlanning(
        r -> r.queryPlanningContext(c -> c.databaseName("nowhere")).queryString("SELECT 1")));
    assertEquals("Database nowhere not found.", unknownDatabase.awsErrorDetails().errorMessage());
    assertThrows(InvalidInputException.class, () -> lf.getQueryState(r -> r.queryId("short")));
    assertThrows(InvalidInputException.class,
        () -> lf.getQueryState(r -> r.queryId("00000000-0000-0000-0000-000000000000")));
    assertThrows(InvalidInputException.class, () -> lf.getWorkUnits(r -> r.queryId(
        "00000000-0000-0000-0000-000000000000").nextToken("not-a-token")));
  }

  @Test
  void workUnitsNotReadyYetIsStatus420AndThenTheUnitsCome() throws Exception {
    local.faults().notReadyAnswersPerQuery(2);
    String id = LocalClients.planAndFinish(lf, "tpch", "SELECT * FROM region");
    for (int i = 0; i < 2; i++) {
      WorkUnitsNotReadyYetException e = assertThrows(WorkUnitsNotReadyYetException.class,
          () -> lf.getWorkUnits(r -> r.queryId(id)));
      assertEquals(420, e.statusCode());
    }
    assertFalse(lf.getWorkUnits(r -> r.queryId(id)).workUnitRanges().isEmpty());
  }

  @Test
  void injectedThrottlingAndInternalErrorsHaveTheirModelledStatus() {
    local.faults().throttleProbability(1);
    ThrottledException throttled = assertThrows(ThrottledException.class,
        () -> lf.getQueryState(r -> r.queryId("00000000-0000-0000-0000-000000000000")));
    assertEquals(429, throttled.statusCode());
    assertTrue(throttled.isThrottlingException());
    local.faults().clear().internalErrorProbability(1);
    InternalServiceException internal = assertThrows(InternalServiceException.class,
        () -> lf.getQueryState(r -> r.queryId("00000000-0000-0000-0000-000000000000")));
    assertEquals(500, internal.statusCode());
    local.faults().clear().throttleProbability(1);
    AthenaException athena = assertThrows(AthenaException.class, () -> aws.athena().listDataCatalogs(r -> {}));
    assertEquals("TooManyRequestsException", athena.awsErrorDetails().errorCode());
  }

  @Test
  void aCutBodyEndsBeforeItsContentLengthAndLatencyDelaysUnits() throws Exception {
    String id = LocalClients.planAndFinish(lf, "tpch", "SELECT * FROM lineitem");
    WorkUnitRange range = allRanges(id, null).get(0);
    local.faults().truncateProbability(1);
    long cutBefore = local.faults().injected(Faults.Kind.TRUNCATED_BODY);
    try (ResponseInputStream<GetWorkUnitResultsResponse> body = lf.getWorkUnitResults(r -> r.queryId(id)
        .workUnitId(range.workUnitIdMin()).workUnitToken(range.workUnitToken()))) {
      long declared = Long.parseLong(body.response().sdkHttpResponse().firstMatchingHeader("Content-Length").get());
      long read = 0;
      try {
        read = drain(body);
      } catch (java.io.IOException | RuntimeException expected) {
        // the connection was dropped: what a network failure looks like
      }
      assertTrue(read < declared, "read " + read + " of " + declared);
    }
    assertEquals(cutBefore + 1, local.faults().injected(Faults.Kind.TRUNCATED_BODY));
    local.faults().clear().workUnitLatencyMillis(300);
    long start = System.nanoTime();
    try (InputStream body = lf.getWorkUnitResults(r -> r.queryId(id).workUnitId(range.workUnitIdMin())
        .workUnitToken(range.workUnitToken()))) {
      drain(body);
    }
    assertTrue((System.nanoTime() - start) / 1_000_000 >= 300);
  }

  private static long drain(InputStream in) throws java.io.IOException {
    long total = 0;
    byte[] buffer = new byte[8192];
    for (int n; (n = in.read(buffer)) >= 0; ) {
      total += n;
    }
    return total;
  }

  @Test
  void wrongCredentialsAreRefusedWithTheCodesAwsAnswers() {
    try (AwsClients stranger = LocalClients.connect(local, "AKIASTRANGER", LakeFormationLocal.DEFAULT_SECRET_ACCESS_KEY);
        AwsClients wrongSecret = LocalClients.connect(local, LakeFormationLocal.DEFAULT_ACCESS_KEY_ID, "not-the-secret")) {
      AwsServiceException unknownKey = assertThrows(AwsServiceException.class,
          () -> stranger.lakeFormation().getQueryState(r -> r.queryId("00000000-0000-0000-0000-000000000000")));
      assertEquals(403, unknownKey.statusCode());
      assertEquals("UnrecognizedClientException", unknownKey.awsErrorDetails().errorCode());
      AwsServiceException badSignature = assertThrows(AwsServiceException.class,
          () -> wrongSecret.lakeFormation().getQueryState(r -> r.queryId("00000000-0000-0000-0000-000000000000")));
      assertEquals("InvalidSignatureException", badSignature.awsErrorDetails().errorCode());
      assertTrue(badSignature.awsErrorDetails().errorMessage().contains("signature"));
      AwsServiceException athena = assertThrows(AwsServiceException.class,
          () -> stranger.athena().listDataCatalogs(r -> {}));
      assertEquals("UnrecognizedClientException", athena.awsErrorDetails().errorCode());
      assertEquals(400, athena.statusCode());
    }
  }

  // ---- Athena ----

  @Test
  void plannedQueriesAreAthenaExecutionsAndUnknownIdsComeBackUnprocessed() throws Exception {
    String id = LocalClients.planAndFinish(lf, "tpch", "SELECT * FROM nation");
    var response = aws.athena().batchGetQueryExecution(r -> r.queryExecutionIds(id, "no-such-execution"));
    assertEquals(1, response.queryExecutions().size());
    QueryExecution execution = response.queryExecutions().get(0);
    assertEquals(id, execution.queryExecutionId());
    assertEquals("SELECT * FROM nation", execution.query());
    assertEquals("SUCCEEDED", execution.status().stateAsString());
    assertEquals("tpch", execution.queryExecutionContext().database());
    assertEquals("primary", execution.workGroup());
    assertNotNull(execution.status().submissionDateTime());
    assertNotNull(execution.status().completionDateTime());
    assertTrue(execution.statistics().dataScannedInBytes() > 0);
    assertEquals(1, response.unprocessedQueryExecutionIds().size());
    assertEquals("no-such-execution", response.unprocessedQueryExecutionIds().get(0).queryExecutionId());
    assertEquals("INVALID_INPUT", response.unprocessedQueryExecutionIds().get(0).errorCode());
    assertEquals(id, aws.athena().getQueryExecution(r -> r.queryExecutionId(id)).queryExecution().queryExecutionId());
    assertThrows(InvalidRequestException.class, () -> aws.athena().getQueryExecution(r -> r.queryExecutionId("nope")));
  }

  @Test
  void batchesAreLimitedToFiftyIds() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 51; i++) {
      ids.add("id-" + i);
    }
    InvalidRequestException e = assertThrows(InvalidRequestException.class,
        () -> aws.athena().batchGetQueryExecution(r -> r.queryExecutionIds(ids)));
    assertEquals("INVALID_INPUT", e.athenaErrorCode());
    assertEquals(400, e.statusCode());
  }

  @Test
  void executionIdsOutsideTheModelsBoundsAreRefusedWholeWhereUnknownOnesAreNotFound() throws Exception {
    String id = LocalClients.planAndFinish(lf, "tpch", "SELECT * FROM nation");
    for (String impossible : List.of("", "   ", "x".repeat(129))) {
      InvalidRequestException e = assertThrows(InvalidRequestException.class,
          () -> aws.athena().batchGetQueryExecution(r -> r.queryExecutionIds(id, impossible)), impossible);
      assertEquals(400, e.statusCode());
      assertThrows(InvalidRequestException.class, () -> aws.athena().getQueryExecution(r -> r.queryExecutionId(
          impossible)));
      assertThrows(InvalidRequestException.class, () -> aws.athena().stopQueryExecution(r -> r.queryExecutionId(
          impossible)));
    }
    // The model's pattern (\S+) is not anchored: an ID with a space inside is possible, and merely unknown.
    var response = aws.athena().batchGetQueryExecution(r -> r.queryExecutionIds(id, "a b", "x".repeat(128)));
    assertEquals(1, response.queryExecutions().size());
    assertEquals(List.of("a b", "x".repeat(128)), response.unprocessedQueryExecutionIds().stream()
        .map(u -> u.queryExecutionId()).toList());
  }

  @Test
  void aPageOfZeroExecutionsIsAPageOfTheDefaultSizeAndStoppingAnEndedOneDoesNothing() throws Exception {
    LocalClients.planAndFinish(lf, "tpch", "SELECT * FROM region");
    // MaxResults may be 0 in the model; an empty page with a token would send a paginator round forever.
    var page = aws.athena().listQueryExecutions(r -> r.maxResults(0));
    assertFalse(page.queryExecutionIds().isEmpty());
    List<String> all = new ArrayList<>();
    String token = null;
    do {
      String next = token;
      var more = aws.athena().listQueryExecutions(r -> r.nextToken(next));
      all.addAll(more.queryExecutionIds());
      token = more.nextToken();
    } while (token != null);
    for (String seeded : all.subList(all.size() - 3, all.size())) {
      QueryExecution before = aws.athena().getQueryExecution(r -> r.queryExecutionId(seeded)).queryExecution();
      aws.athena().stopQueryExecution(r -> r.queryExecutionId(seeded));
      assertEquals(before, aws.athena().getQueryExecution(r -> r.queryExecutionId(seeded)).queryExecution());
    }
  }

  @Test
  void listQueryExecutionsPagesThroughPlannedAndSeededExecutions() throws Exception {
    String id = LocalClients.planAndFinish(lf, "tpch", "SELECT * FROM region");
    List<String> all = new ArrayList<>();
    String token = null;
    do {
      String next = token;
      var page = aws.athena().listQueryExecutions(r -> r.maxResults(2).nextToken(next).workGroup("primary"));
      assertTrue(page.queryExecutionIds().size() <= 2);
      all.addAll(page.queryExecutionIds());
      token = page.nextToken();
    } while (token != null);
    assertTrue(all.contains(id));
    assertEquals(all.size(), new HashSet<>(all).size(), "no execution listed twice");
    var seeded = aws.athena().batchGetQueryExecution(r -> r.queryExecutionIds(all.subList(all.size() - 3, all.size())))
        .queryExecutions();
    Set<String> states = new HashSet<>();
    for (QueryExecution execution : seeded) {
      states.add(execution.status().stateAsString());
      if (execution.status().stateAsString().equals("FAILED")) {
        assertEquals(2, execution.status().athenaError().errorCategory());
        assertNotNull(execution.status().athenaError().errorMessage());
      }
    }
    assertEquals(Set.of("SUCCEEDED", "FAILED", "CANCELLED"), states);
  }

  @Test
  void theCatalogIsReadFromH2WithGlueTypeNames() {
    var athena = aws.athena();
    assertEquals("AwsDataCatalog", athena.listDataCatalogs(r -> {}).dataCatalogsSummary().get(0).catalogName());
    List<String> databases = athena.listDatabases(r -> r.catalogName("AwsDataCatalog")).databaseList().stream()
        .map(d -> d.name()).toList();
    assertEquals(List.of("tpch", "types"), databases);
    var table = athena.getTableMetadata(r -> r.catalogName("AwsDataCatalog").databaseName("types")
        .tableName("all_types")).tableMetadata();
    var types = table.columns().stream().collect(java.util.stream.Collectors.toMap(c -> c.name(), c -> c.type()));
    assertEquals("decimal(5,2)", types.get("c_decimal_5_2"));
    assertEquals("array<int>", types.get("c_int_array"));
    assertEquals("timestamp with time zone", types.get("c_timestamp_tz"));
    assertEquals("varchar(100)", types.get("c_varchar"));
    assertEquals("bigint", types.get("c_bigint"));
    var page = athena.listTableMetadata(r -> r.catalogName("AwsDataCatalog").databaseName("tpch").maxResults(3));
    assertEquals(3, page.tableMetadataList().size());
    assertNotNull(page.nextToken());
    var filtered = athena.listTableMetadata(r -> r.catalogName("AwsDataCatalog").databaseName("tpch")
        .expression("line*"));
    assertEquals(List.of("lineitem"), filtered.tableMetadataList().stream().map(t -> t.name()).toList());
    assertNull(filtered.nextToken());
    assertThrows(MetadataException.class, () -> athena.getTableMetadata(r -> r.catalogName("AwsDataCatalog")
        .databaseName("tpch").tableName("missing")));
    assertThrows(MetadataException.class, () -> athena.listDatabases(r -> r.catalogName("OtherCatalog")));
  }

  @Test
  void theEmbeddedServiceNeverKeepsTheJvmAlive() {
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().startsWith("HTTP-Dispatcher") || thread.getName().startsWith("lakeformation-local")) {
        assertTrue(thread.isDaemon(), thread.getName() + " is not a daemon thread");
      }
    }
    assertNotEquals(0, local.endpoint().getPort());
  }

  @Test
  void statisticsAreNotReadyWhilePlanningGoesOn() throws Exception {
    local.faults().planningDelayMillis(1_500);
    try {
      String id = lf.startQueryPlanning(r -> r.queryPlanningContext(c -> c.databaseName("tpch"))
          .queryString("SELECT * FROM region")).queryId();
      var e = org.junit.jupiter.api.Assertions.assertThrows(
          software.amazon.awssdk.services.lakeformation.model.StatisticsNotReadyYetException.class,
          () -> lf.getQueryStatistics(r -> r.queryId(id)));
      org.junit.jupiter.api.Assertions.assertEquals(420, e.statusCode());
      LocalClients.awaitState(lf, id, "FINISHED");
      org.junit.jupiter.api.Assertions.assertEquals(1L,
          lf.getQueryStatistics(r -> r.queryId(id)).planningStatistics().workUnitsGeneratedCount());
    } finally {
      local.faults().clear();
    }
  }
}
