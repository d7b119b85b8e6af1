package com.example.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.lakeformation.local.LakeFormationLocal;
import java.math.BigDecimal;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application as configured in application.properties (the driver's URL and class name),
 * with the URL pointed at LakeFormation Local instead of AWS.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SalesApplicationTest {
  static final LakeFormationLocal LOCAL = startWithOrders();

  @DynamicPropertySource
  static void lakeFormationLocal(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> LOCAL.jdbcUrl("sales"));
  }

  @AfterAll
  static void stop() {
    LOCAL.close();
  }

  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Autowired OrderRepository orders;
  @Autowired TestRestTemplate http;

  @Test
  void theDataSourceIsAHikariPoolOfTheDriver() {
    HikariDataSource pool = (HikariDataSource) dataSource;
    assertEquals("dev.lakeformation.jdbc.driver.LakeFormationDriver", pool.getDriverClassName());
  }

  @Test
  void jdbcTemplateAndNamedParametersReadTheOrders() {
    assertEquals(3, orders.count());
    assertEquals(List.of(1L, 3L), orders.idsInRegion("EU"));
    assertEquals(List.of(), orders.idsInRegion("it's nowhere"));
    assertEquals(new BigDecimal("30.50"), orders.totalAbove(new BigDecimal("5")));
  }

  @Test
  void badSqlBecomesSpringsBadSqlGrammarException() {
    assertThrows(BadSqlGrammarException.class, () -> jdbc.queryForList("SELECT no_such_column FROM orders"));
  }

  @Test
  void theHealthEndpointChecksTheDatabase() {
    ResponseEntity<String> health = http.getForEntity("/actuator/health", String.class);
    assertEquals(200, health.getStatusCode().value(), health.getBody());
    assertTrue(health.getBody().contains("\"db\":{\"status\":\"UP\""), health.getBody());
  }

  private static LakeFormationLocal startWithOrders() {
    try {
      LakeFormationLocal local = LakeFormationLocal.builder().sampleData(false).start();
      local.execute("sales", """
          CREATE TABLE orders (id BIGINT, region VARCHAR(10), total DECIMAL(12,2));
          INSERT INTO orders VALUES (1, 'EU', 10.50), (2, 'US', 20.00), (3, 'EU', 4.25);
          """);
      return local;
    } catch (Exception e) {
      throw new IllegalStateException("LakeFormation Local could not start", e);
    }
  }
}
