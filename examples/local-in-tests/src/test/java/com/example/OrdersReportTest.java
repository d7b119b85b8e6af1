package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.local.LakeFormationLocal;
import dev.lakeformation.local.junit.LakeFormationLocalTest;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.Column;
import software.amazon.awssdk.services.lakeformation.LakeFormationClient;

@LakeFormationLocalTest(sampleData = false)
class OrdersReportTest {

  @BeforeAll
  static void loadOrders(LakeFormationLocal local) throws SQLException {
    local.execute("sales", """
        CREATE TABLE orders (id BIGINT, region VARCHAR(10), total DECIMAL(12,2));
        INSERT INTO orders VALUES (1, 'EU', 10.50), (2, 'US', 20.00), (3, 'EU', 4.25);
        """);
  }

  @Test
  void totalsByRegionThroughTheDriver(LakeFormationLocal local) throws SQLException {
    try (Connection connection = DriverManager.getConnection(local.jdbcUrl("sales"));
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT region, SUM(total) AS total FROM orders GROUP BY region ORDER BY region")) {
      assertTrue(rows.next());
      assertEquals("EU", rows.getString("region"));
      assertEquals(new BigDecimal("14.75"), rows.getBigDecimal("total"));
      assertTrue(rows.next());
      assertEquals("US", rows.getString("region"));
      assertFalse(rows.next());
    }
  }

  @Test
  void theTableThroughAthenaWithTheAwsSdk(LakeFormationLocal local) {
    try (AthenaClient athena = AthenaClient.builder()
        .endpointOverride(local.endpoint())
        .region(Region.of(local.region()))
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(local.accessKeyId(), local.secretAccessKey())))
        .build()) {
      List<Column> columns = athena.getTableMetadata(r -> r.catalogName("AwsDataCatalog")
          .databaseName("sales").tableName("orders")).tableMetadata().columns();
      assertEquals(List.of("id bigint", "region varchar(10)", "total decimal(12,2)"),
          columns.stream().map(c -> c.name() + " " + c.type()).toList());
    }
  }

  @Test
  void aQueryPlannedWithTheAwsSdk(LakeFormationLocal local) throws InterruptedException {
    try (LakeFormationClient lakeFormation = LakeFormationClient.builder()
        .endpointOverride(local.endpoint())
        // The service has no query- and data- host prefixes on 127.0.0.1.
        .overrideConfiguration(c -> c.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
        .region(Region.of(local.region()))
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(local.accessKeyId(), local.secretAccessKey())))
        .build()) {
      String queryId = lakeFormation.startQueryPlanning(r -> r
          .queryPlanningContext(c -> c.databaseName("sales"))
          .queryString("SELECT * FROM orders WHERE region = 'EU'")).queryId();
      String state = lakeFormation.getQueryState(r -> r.queryId(queryId)).stateAsString();
      for (int i = 0; i < 100 && !state.equals("FINISHED") && !state.equals("ERROR"); i++) {
        Thread.sleep(50);
        state = lakeFormation.getQueryState(r -> r.queryId(queryId)).stateAsString();
      }
      assertEquals("FINISHED", state);
      assertEquals(1, lakeFormation.getWorkUnits(r -> r.queryId(queryId)).workUnitRanges().size());
    }
  }
}
