package dev.lakeformation.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lakeformation.core.arrow.ArrowIpc;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.Text;
import software.amazon.awssdk.services.lakeformation.LakeFormationClient;
import software.amazon.awssdk.services.lakeformation.model.WorkUnitRange;

/**
 * A query planned on LakeFormation Local through the SDK, every work unit read back with plain
 * Arrow: the schema of the units and each row's values as the vectors' own {@code getObject}
 * gives them (Arrow's Text turned into String, lists and structs copied), so tests can compare
 * them after the vectors are freed.
 */
public record PlannedRows(Schema schema, List<List<Object>> rows) {

  /** Plans {@code sql} and reads all of its rows; fails the test if planning ends in ERROR. */
  public static PlannedRows plan(LakeFormationClient lf, String database, String sql) throws Exception {
    String id = LocalClients.planAndFinish(lf, database, sql);
    var state = lf.getQueryState(r -> r.queryId(id));
    assertEquals("FINISHED", state.stateAsString(), () -> "query failed: " + state.error());
    Schema schema = null;
    List<List<Object>> rows = new ArrayList<>();
    try (BufferAllocator allocator = new RootAllocator()) {
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
              VectorSchemaRoot root = reader.getVectorSchemaRoot();
              schema = root.getSchema();
              while (reader.loadNextBatch()) {
                for (int i = 0; i < root.getRowCount(); i++) {
                  List<Object> row = new ArrayList<>();
                  for (FieldVector vector : root.getFieldVectors()) {
                    row.add(plain(vector.getObject(i)));
                  }
                  rows.add(row);
                }
              }
            }
          }
        }
        token = page.nextToken();
      } while (token != null);
    }
    return new PlannedRows(schema, rows);
  }

  /** Plans {@code sql}, expects planning to fail, and returns GetQueryState's error. */
  public static String error(LakeFormationClient lf, String database, String sql) throws Exception {
    String id = LocalClients.planAndFinish(lf, database, sql);
    var state = lf.getQueryState(r -> r.queryId(id));
    assertEquals("ERROR", state.stateAsString(), "the query should have failed: " + sql);
    return state.error();
  }

  /** The only value of a one-row, one-column result. */
  public Object single() {
    assertEquals(1, rows.size(), "rows");
    assertEquals(1, rows.get(0).size(), "columns");
    return rows.get(0).get(0);
  }

  private static Object plain(Object value) {
    if (value instanceof Text text) {
      return text.toString();
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(element -> copy.add(plain(element)));
      return copy;
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(plain(k), plain(v)));
      return copy;
    }
    return value;
  }
}
