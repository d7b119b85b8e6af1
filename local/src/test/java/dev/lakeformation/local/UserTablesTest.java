package dev.lakeformation.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.core.aws.AwsClients;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test's own tables: created with SQL or loaded from CSV into databases the test names, then
 * served to real SDK clients as any table is: listed by Athena's catalog calls and planned into
 * work units by Lake Formation's.
 */
class UserTablesTest {
  static LakeFormationLocal local;
  static AwsClients aws;

  @BeforeAll
  static void start() throws Exception {
    local = LakeFormationLocal.builder().sampleData(false).start();
    aws = LocalClients.connect(local, local.accessKeyId(), local.secretAccessKey());
  }

  @AfterAll
  static void stop() {
    aws.close();
    local.close();
  }

  @Test
  void tablesCreatedWithSqlArePlannedAndListedLikeAnyOther() throws Exception {
    local.execute("Sales", """
        CREATE TABLE orders (id BIGINT, customer VARCHAR(40), total DECIMAL(12,2), placed DATE);
        INSERT INTO orders VALUES (1, 'Ada', 9.50, DATE '2026-01-02'), (2, 'Grace', 120.00, DATE '2026-01-03');
        """);
    PlannedRows rows = PlannedRows.plan(aws.lakeFormation(), "sales",
        "SELECT id, customer, total FROM orders ORDER BY id");
    assertEquals(List.of(List.of(1L, "Ada", new BigDecimal("9.50")), List.of(2L, "Grace", new BigDecimal("120.00"))),
        rows.rows());
    List<String> databases = aws.athena().listDatabases(r -> r.catalogName("AwsDataCatalog")).databaseList()
        .stream().map(d -> d.name()).toList();
    assertTrue(databases.contains("sales") && !databases.contains("tpch") && !databases.contains("types"),
        "without sample data, only the tests' own databases: " + databases);
    var columns = aws.athena().getTableMetadata(r -> r.catalogName("AwsDataCatalog").databaseName("sales")
        .tableName("orders")).tableMetadata().columns();
    assertEquals(List.of("id bigint", "customer varchar(40)", "total decimal(12,2)", "placed date"),
        columns.stream().map(c -> c.name() + " " + c.type()).toList());
  }

  @Test
  void csvRowsAreAppendedWithTheTablesTypesAndEmptyFieldsAsNull(@TempDir Path dir) throws Exception {
    local.execute("inventory", "CREATE TABLE stock (sku VARCHAR(10), quantity INTEGER, price DECIMAL(8,2))");
    Path csv = dir.resolve("stock.csv");
    Files.writeString(csv, "sku,quantity,price\nA-1,3,1.25\nB-2,,2.50\n\"C,3\",7,\n", StandardCharsets.UTF_8);
    assertEquals(3, local.loadCsv("inventory", "stock", csv));
    PlannedRows rows = PlannedRows.plan(aws.lakeFormation(), "inventory", "SELECT * FROM stock ORDER BY sku");
    assertEquals(List.of(Arrays.asList("A-1", 3, new BigDecimal("1.25")), Arrays.asList("B-2", null,
        new BigDecimal("2.50")), Arrays.asList("C,3", 7, null)), rows.rows());
  }

  @Test
  void badNamesAndMissingFilesSayWhatIsWrong(@TempDir Path dir) {
    IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
        () -> local.execute("sales; DROP ALL OBJECTS", "SELECT 1"));
    assertTrue(name.getMessage().contains("letters, digits and underscores"), name.getMessage());
    SQLException missing = assertThrows(SQLException.class,
        () -> local.loadCsv("sales", "orders", dir.resolve("none.csv")));
    assertTrue(missing.getMessage().contains("none.csv"), missing.getMessage());
    assertThrows(SQLException.class, () -> local.execute("sales", "CREATE TABLE broken (x NOSUCHTYPE)"));
  }

  @Test
  void theDriverUrlNamesTheEndpointKeysAndDatabase() {
    assertEquals("jdbc:lakeformation://Endpoint=" + local.endpoint() + ";Region=us-east-1;AccessKeyId="
        + LakeFormationLocal.DEFAULT_ACCESS_KEY_ID + ";SecretAccessKey=" + LakeFormationLocal.DEFAULT_SECRET_ACCESS_KEY
        + ";Database=sales", local.jdbcUrl("sales"));
    assertThrows(IllegalArgumentException.class,
        () -> LakeFormationLocal.builder().credentials("AKIA;X", "secret"));
  }
}
