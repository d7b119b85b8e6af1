package dev.lakeformation.local.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lakeformation.core.arrow.ArrowIpc;
import dev.lakeformation.core.aws.AwsClients;
import dev.lakeformation.local.LakeFormationLocal;
import dev.lakeformation.local.LocalClients;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lakeformation.model.ExpiredException;
import software.amazon.awssdk.services.lakeformation.model.WorkUnitRange;

/** Expiry and spilling: what happens to a query's units over time and beyond the heap budget. */
class QueryLifecycleTest {
  @Test
  void unitsBeyondTheHeapBudgetAreSpilledToDiskAndServedAlike() throws Exception {
    try (LakeFormationLocal local = LakeFormationLocal.builder().tpchScaleFactor(0.001).rowsPerWorkUnit(200).heapLimitBytes(0)
            .start();
        AwsClients aws = LocalClients.connect(local);
        BufferAllocator allocator = new RootAllocator()) {
      var lf = aws.lakeFormation();
      String id = LocalClients.planAndFinish(lf, "tpch", "SELECT * FROM lineitem");
      long rows = 0;
      String token = null;
      do {
        String next = token;
        var page = lf.getWorkUnits(r -> r.queryId(id).nextToken(next));
        for (WorkUnitRange range : page.workUnitRanges()) {
          for (long unit = range.workUnitIdMin(); unit <= range.workUnitIdMax(); unit++) {
            long unitId = unit;
            try (var body = lf.getWorkUnitResults(r -> r.queryId(id).workUnitId(unitId)
                    .workUnitToken(range.workUnitToken()));
                ArrowStreamReader reader = ArrowIpc.openStream(body, allocator)) {
              while (reader.loadNextBatch()) {
                rows += reader.getVectorSchemaRoot().getRowCount();
              }
            }
          }
        }
        token = page.nextToken();
      } while (token != null);
      try (Connection h2 = local.openH2(); Statement s = h2.createStatement();
          ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM tpch.lineitem")) {
        rs.next();
        assertEquals(rs.getLong(1), rows);
      }
    }
  }

  @Test
  void aQueryExpiresAfterItsTimeToLive() throws Exception {
    try (LakeFormationLocal local = LakeFormationLocal.builder().tpchScaleFactor(0.001).queryTimeToLive(Duration.ofSeconds(2))
            .start();
        AwsClients aws = LocalClients.connect(local)) {
      var lf = aws.lakeFormation();
      String id = LocalClients.planAndFinish(lf, "tpch", "SELECT * FROM region");
      WorkUnitRange range = lf.getWorkUnits(r -> r.queryId(id)).workUnitRanges().get(0);
      Thread.sleep(2_100);
      local.expireOldQueries();
      assertEquals("EXPIRED", lf.getQueryState(r -> r.queryId(id)).stateAsString());
      ExpiredException e = assertThrows(ExpiredException.class, () -> lf.getWorkUnits(r -> r.queryId(id)));
      assertEquals(410, e.statusCode());
      assertThrows(ExpiredException.class, () -> lf.getWorkUnitResults(r -> r.queryId(id)
          .workUnitId(range.workUnitIdMin()).workUnitToken(range.workUnitToken())));
      assertThrows(ExpiredException.class, () -> lf.getQueryStatistics(r -> r.queryId(id)));
    }
  }
}
