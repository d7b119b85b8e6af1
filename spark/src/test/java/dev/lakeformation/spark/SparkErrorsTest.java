package dev.lakeformation.spark;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.api.LakeFormationException;
import dev.lakeformation.core.arrow.IpcStreams;
import dev.lakeformation.core.config.ConnectionProperty;
import dev.lakeformation.core.query.ServiceSession;
import dev.lakeformation.local.LakeFormationLocal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.spark.SparkException;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad input: each a clear error with the driver's SQLState and message, on the Spark driver when
 * {@code load()} can know it, in the failed task's message otherwise; never with the secret.
 */
@Tag("spark")
class SparkErrorsTest {
  private static SparkFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = SparkFixture.shared();
  }

  /** The options, as {@code key=value} pairs separated by {@code &}, and the exact message. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // {properties}: every connection property of the registry, in its order.
      "query=SELECT 1&regoin=us-east-1|08001|Unknown option 'regoin' for format(\"lakeformation\"). Its options: url,"
          + " query, table, workUnitsPerPartition, and every connection property: {properties}.",
      "query=SELECT 1&queryId=0123abcd-0000-0000-0000-000000000000|08001|Give only one of the option table (a table,"
          + " database.table), query (the SQL to plan) or QueryId (the ID of a query planned elsewhere).",
      "table=tpch.orders&query=SELECT 1|08001|Give only one of the option table (a table, database.table), query (the"
          + " SQL to plan) or QueryId (the ID of a query planned elsewhere).",
      "Region=us-east-1|08001|Give the option table (a table, database.table), query (the SQL to plan) or QueryId (the"
          + " ID of a query planned elsewhere).",
      "table=tpch.orders&CatalogId=123456789012|08001|The option table reads a table of an Athena catalog"
          + " (table=catalog.database.table), and CatalogId would plan against another account's: name the Athena"
          + " catalog registered for that account, or use query with CatalogId.",
      "table=orders|08001|Invalid value for option table: 'orders' is not database.table or catalog.database.table (each"
          + " name of letters, digits, _ and -).",
      "table=tpch.orders\"; DROP TABLE x; --|08001|Invalid value for option table: 'tpch.orders\"; DROP TABLE x; --' is not"
          + " database.table or catalog.database.table (each name of letters, digits, _ and -).",
      "queryId=42|08001|Invalid value for connection property QueryId: '42' is not a query ID; a query ID is exactly"
          + " 36 characters.",
      "query=SELECT 1&workUnitsPerPartition=0|08001|Invalid value for option workUnitsPerPartition: '0' is not an"
          + " integer from 1 to 100000.",
      "query=SELECT 1&url=jdbc:postgresql://db/x|08001|Not a lakeformation-jdbc URL: it must start with"
          + " jdbc:lakeformation:// (for example jdbc:lakeformation://Region=us-east-1;Database=sales).",
      "query=SELECT 1&user=AKIA1234|28000|An access key ID is given without its secret access key (SecretAccessKey"
          + " or Password).",
  })
  void badOptionsAreRejectedWithTheDriversMessage(String options, String sqlState, String expected) {
    String message = expected.replace("{properties}", ConnectionProperty.ALL.stream().map(ConnectionProperty::name)
        .collect(Collectors.joining(", ")));
    Map<String, String> map = new HashMap<>();
    for (String pair : options.split("&")) {
      map.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
    }
    LakeFormationException parsed = assertThrows(LakeFormationException.class, () -> ReadOptions.parse(map));
    assertEquals(sqlState, parsed.sqlState());
    assertEquals(message, parsed.getMessage());

    DataFrameReader reader = fixture.spark.read().format("lakeformation");
    map.forEach(reader::option);
    LakeFormationSparkException e = assertThrows(LakeFormationSparkException.class, reader::load);
    assertEquals(sqlState, e.sqlState());
    assertEquals("[" + sqlState + "] " + message, e.getMessage());
  }

  @Test
  void aWrongSecretIsRefusedAndNotRepeated() {
    String wrong = "Wrong/Secret+Key=0987654321";
    LakeFormationSparkException e = assertThrows(LakeFormationSparkException.class,
        () -> fixture.spark.read().format("lakeformation").option("url", fixture.url("tpch"))
            .option("user", SparkFixture.ACCESS_KEY_ID).option("password", wrong)
            .option("query", "SELECT * FROM region").load());
    assertEquals("28000", e.sqlState());
    assertTrue(e.getMessage().startsWith("[28000] StartQueryPlanning failed: InvalidSignatureException: The request"
        + " signature we calculated does not match the signature you provided."), e.getMessage());
    assertFalse(e.getMessage().contains("Wrong/Secret"), e.getMessage());
  }

  @Test
  void anUnknownQueryIdIsAnErrorAtLoad() {
    LakeFormationSparkException e = assertThrows(LakeFormationSparkException.class,
        () -> fixture.read("tpch").option("queryId", "0123abcd-0000-0000-0000-000000000000").load());
    assertEquals("42000", e.sqlState());
    assertTrue(e.getMessage().startsWith("[42000] GetWorkUnits failed: InvalidInputException: Query"
        + " 0123abcd-0000-0000-0000-000000000000 not found."), e.getMessage());
  }

  @Test
  void anExpiredQueryIsAnErrorAtLoadAndInTheTasksThatReadIt() throws Exception {
    try (LakeFormationLocal shortLived = LakeFormationLocal.builder().tpchScaleFactor(0.001)
        .queryTimeToLive(Duration.ofSeconds(2)).start()) { // long enough to plan on a busy machine
      String url = "jdbc:lakeformation://Endpoint=" + shortLived.endpoint() + ";Region=us-east-1;Database=tpch;AccessKeyId="
          + LakeFormationLocal.DEFAULT_ACCESS_KEY_ID + ";SecretAccessKey=" + LakeFormationLocal.DEFAULT_SECRET_ACCESS_KEY;
      String queryId;
      try (ServiceSession session = ServiceSession.open(url, new Properties())) {
        queryId = session.plan("SELECT * FROM nation").queryId();
      }
      Dataset<Row> loaded = fixture.spark.read().format("lakeformation").option("url", url)
          .option("queryId", queryId).load();
      Thread.sleep(2_100);
      shortLived.expireOldQueries();

      SparkException inTask = assertThrows(SparkException.class, loaded::count);
      assertTrue(inTask.getMessage().contains("LakeFormationException [HY000]: GetWorkUnitResults failed:"
          + " ExpiredException"), inTask.getMessage());
      assertTrue(inTask.getMessage().contains("The query has expired on the service and its results are gone"),
          inTask.getMessage());

      LakeFormationSparkException atLoad = assertThrows(LakeFormationSparkException.class,
          () -> fixture.spark.read().format("lakeformation").option("url", url).option("queryId", queryId).load());
      assertEquals("HY000", atLoad.sqlState());
      assertTrue(atLoad.getMessage().contains("ExpiredException"), atLoad.getMessage());
    }
  }

  @Test
  void aUnitWhoseSchemaDiffersFromThePlannedOneFailsItsTask() {
    try (BufferAllocator allocator = new RootAllocator();
        VectorSchemaRoot ints = VectorSchemaRoot.create(schema(new ArrowType.Int(32, true)), allocator);
        VectorSchemaRoot texts = VectorSchemaRoot.create(schema(ArrowType.Utf8.INSTANCE), allocator)) {
      ((IntVector) ints.getVector(0)).setSafe(0, 1);
      ints.setRowCount(1);
      ((VarCharVector) texts.getVector(0)).setSafe(0, "1".getBytes(UTF_8));
      texts.setRowCount(1);
      String queryId = fixture.local.publishQuery("two schemas", List.of(IpcStreams.of(ints), IpcStreams.of(texts)));
      Dataset<Row> df = fixture.read("tpch").option("queryId", queryId).load();
      SparkException e = assertThrows(SparkException.class, df::collectAsList);
      assertTrue(e.getMessage().contains("LakeFormationException [22000]: work unit 1 of query " + queryId
          + " has the schema [n: Utf8], which differs from the schema the query was planned with: [n: Int(32, true)]."),
          e.getMessage());
    }
  }

  @Test
  void aTableChangedSinceItWasLoadedFailsItsTasksSayingWhichColumn() throws Exception {
    fixture.local.execute("changing", "CREATE TABLE prices (id INTEGER, price INTEGER); INSERT INTO prices VALUES (1, 10)");
    Dataset<Row> prices = fixture.read("changing").option("table", "changing.prices").load();
    assertEquals("int", prices.schema().apply("price").dataType().simpleString());
    fixture.local.execute("changing", "ALTER TABLE prices ALTER COLUMN price SET DATA TYPE VARCHAR(20)");
    SparkException e = assertThrows(SparkException.class, () -> prices.select("id", "price").collectAsList());
    assertTrue(e.getMessage().contains("LakeFormationException [22000]: Table changing.prices does not read as its"
        + " catalog described it when it was loaded: column price is int in the catalog, but work unit 0 of query "),
        e.getMessage());
    assertTrue(e.getMessage().contains("holds price string. Load the table again"), e.getMessage());
    assertEquals(List.of(1), fixture.read("changing").option("table", "changing.prices").load()
        .where("price = '10'").select("id").collectAsList().stream().map(r -> r.getInt(0)).toList(),
        "loaded again, the table reads with its new type");
  }

  private static Schema schema(ArrowType type) {
    return new Schema(List.of(new Field("n", FieldType.nullable(type), null)));
  }
}
