package dev.lakeformation.jdbc.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Athena's catalogs as the model allows them, from a scripted Athena over real HTTP: a catalog
 * whose creation failed is listed by getCatalogs, and left out of what a metadata call that
 * names no catalog browses, where ListDatabases fails on it (MetadataException).
 */
class CatalogStatusTest {
  private static HttpServer athena;

  @BeforeAll
  static void start() throws Exception {
    athena = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    athena.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
      int status = 200;
      String answer;
      if (target.endsWith(".ListDataCatalogs")) {
        answer = "{\"DataCatalogsSummary\":[{\"CatalogName\":\"AwsDataCatalog\",\"Type\":\"GLUE\","
            + "\"Status\":\"CREATE_COMPLETE\"},{\"CatalogName\":\"broken\",\"Type\":\"LAMBDA\","
            + "\"Status\":\"CREATE_FAILED\",\"Error\":\"the Lambda function does not exist\"},"
            + "{\"CatalogName\":\"older\",\"Type\":\"HIVE\"}]}";
      } else if (target.endsWith(".ListDatabases") && body.contains("\"broken\"")) {
        status = 400;
        answer = "{\"__type\":\"MetadataException\",\"Message\":\"catalog broken is not usable\"}";
      } else if (target.endsWith(".ListDatabases")) {
        answer = "{\"DatabaseList\":[{\"Name\":\"sales\"}]}";
      } else {
        status = 400;
        answer = "{\"__type\":\"InvalidRequestException\",\"Message\":\"not scripted: " + target + "\"}";
      }
      byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    athena.start();
  }

  @AfterAll
  static void stop() {
    athena.stop(0);
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:lakeformation://Endpoint=http://127.0.0.1:" + athena.getAddress()
        .getPort() + ";Region=us-east-1;AccessKeyId=AKIAEXAMPLE;SecretAccessKey=example-secret;VerifyCredentials=false"
        + ";MaxRetries=0");
  }

  private static List<String> rows(ResultSet rs, String... columns) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (String column : columns) {
          row.append(row.isEmpty() ? "" : ".").append(rs.getString(column));
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }

  @Test
  void aCatalogThatFailedIsListedButNotBrowsedWhenNoCatalogIsNamed() throws Exception {
    try (Connection c = connect()) {
      DatabaseMetaData metaData = c.getMetaData();
      assertEquals(List.of("AwsDataCatalog", "broken", "older"), rows(metaData.getCatalogs(), "TABLE_CAT"));
      // A catalog without a Status (older answers) is browsed; the failed one is not.
      List<String> schemas = rows(metaData.getSchemas(null, "sales"), "TABLE_CATALOG", "TABLE_SCHEM");
      assertEquals(List.of("AwsDataCatalog.sales", "older.sales"), schemas);
      // Named, it is asked for, and Athena's answer is the caller's.
      SQLException e = assertThrows(SQLException.class, () -> metaData.getSchemas("broken", "%").close());
      assertTrue(e.getMessage().contains("not usable"), e.getMessage());
    }
  }
}
