package dev.lakeformation.core.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.core.arrow.compression.IpcCompression;
import dev.lakeformation.core.arrow.compression.Resources;
import dev.lakeformation.core.aws.AwsClients;
import dev.lakeformation.local.LakeFormationLocal;
import dev.lakeformation.local.LocalClients;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.lakeformation.LakeFormationClient;
import software.amazon.awssdk.services.lakeformation.model.GetWorkUnitResultsResponse;
import software.amazon.awssdk.services.lakeformation.model.WorkUnitRange;

/**
 * Through the driver, by public JDBC only: LakeFormation Local compressing its work units with
 * each codec answers exactly what it answers uncompressed, and a corrupt compressed unit is
 * SQLState 22000.
 */
class CompressedResultsJdbcTest {
  private static final Map<IpcCompression, LakeFormationLocal> SERVICES = new EnumMap<>(IpcCompression.class);

  @BeforeAll
  static void start() throws Exception {
    for (IpcCompression compression : IpcCompression.values()) {
      SERVICES.put(compression, LakeFormationLocal.builder().compression(compression).start());
    }
  }

  @AfterAll
  static void stop() {
    SERVICES.values().forEach(LakeFormationLocal::close);
  }

  private static Connection connect(IpcCompression compression, String database) throws SQLException {
    LakeFormationLocal local = SERVICES.get(compression);
    return DriverManager.getConnection("jdbc:lakeformation://Endpoint=" + local.endpoint()
        + ";Region=us-east-1;Database=" + database + ";AccessKeyId=" + LakeFormationLocal.DEFAULT_ACCESS_KEY_ID
        + ";SecretAccessKey=" + LakeFormationLocal.DEFAULT_SECRET_ACCESS_KEY);
  }

  /** Every row of {@code sql}, each value as getString and getObject give it. */
  private static List<List<String>> rows(IpcCompression compression, String database, String sql)
      throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Connection connection = connect(compression, database); Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int c = 1; c <= columns; c++) {
          Object value = rs.getObject(c);
          row.add(rs.getString(c) + " | " + (value instanceof byte[] bytes ? java.util.HexFormat.of().formatHex(bytes)
              : value instanceof java.sql.Array array ? Arrays.asList((Object[]) array.getArray()).toString()
              : String.valueOf(value)));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  @ParameterizedTest
  @EnumSource(value = IpcCompression.class, names = {"LZ4_FRAME", "ZSTD"})
  void everySampleTypeAndEveryLineitemRowAsUncompressed(IpcCompression compression) throws SQLException {
    String types = "SELECT * FROM all_types ORDER BY id";
    List<List<String>> expected = rows(IpcCompression.NONE, "types", types);
    assertTrue(expected.size() >= 4);
    assertEquals(expected, rows(compression, "types", types));
    String lineitem = "SELECT * FROM lineitem ORDER BY l_orderkey, l_linenumber";
    expected = rows(IpcCompression.NONE, "tpch", lineitem);
    assertEquals(60_175, expected.size());
    assertEquals(expected, rows(compression, "tpch", lineitem));
  }

  @ParameterizedTest
  @EnumSource(IpcCompression.class)
  void theServiceSendsBodiesCompressedAsConfigured(IpcCompression compression) throws Exception {
    AwsClients aws = LocalClients.connect(SERVICES.get(compression));
    LakeFormationClient lf = aws.lakeFormation();
    String id = LocalClients.planAndFinish(lf, "tpch", "SELECT * FROM orders");
    WorkUnitRange range = lf.getWorkUnits(r -> r.queryId(id)).workUnitRanges().get(0);
    byte[] body;
    try (ResponseInputStream<GetWorkUnitResultsResponse> in = lf.getWorkUnitResults(
        r -> r.queryId(id).workUnitId(range.workUnitIdMin()).workUnitToken(range.workUnitToken()))) {
      body = in.readAllBytes();
    }
    Set<String> codecs = new HashSet<>(CompressedStreams.codecs(body));
    String expected = compression == IpcCompression.NONE ? "R-" : "R" + (compression.ordinal() - 1);
    assertEquals(Set.of(expected), codecs);
    aws.close();
  }

  /**
   * A unit whose bytes all arrive but do not decode is corrupt data: 22000 at once, with the
   * decoder's reason, not fetched again as if its connection had broken.
   */
  @Test
  void aCorruptCompressedUnitFailsTheQueryWithTheDecodersReason() throws Exception {
    byte[] stream = Resources.bytes("pyarrow-types-zstd.arrows");
    byte[] corrupt = stream.clone();
    corrupt[corrupt.length - 40] ^= 0x10; // inside the last buffer's compressed bytes
    LakeFormationLocal local = SERVICES.get(IpcCompression.NONE);
    String id = local.publishQuery("corrupt compressed unit", List.of(stream, corrupt));
    long fetchesBefore = local.requestCount("GetWorkUnitResults");
    try (Connection connection = connect(IpcCompression.NONE, "tpch;MaxRetries=1");
        Statement statement = connection.createStatement()) {
      ResultSet rs = statement.executeQuery("SELECT * FROM system.query_results WHERE query_id = '" + id + "'");
      SQLException e = assertThrows(SQLException.class, () -> {
        while (rs.next()) {
          rs.getObject(1);
        }
      });
      assertTrue(e.getMessage().contains("corrupt Zstandard data"), e.getMessage());
      assertEquals("22000", e.getSQLState(), e.toString());
      // The failure stops the query: the good unit may not have been asked for yet, but no unit is
      // fetched again as if its connection had broken.
      long fetches = local.requestCount("GetWorkUnitResults") - fetchesBefore;
      assertTrue(fetches >= 1 && fetches <= 2, "each unit fetched at most once, got " + fetches + " fetches");
    }
  }
}
