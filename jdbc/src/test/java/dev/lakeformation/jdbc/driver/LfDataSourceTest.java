package dev.lakeformation.jdbc.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.lakeformation.core.config.ConnectionProperty;
import dev.lakeformation.local.LakeFormationLocal;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class LfDataSourceTest {
  private static LocalFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = LocalFixture.shared();
  }

  private static LfDataSource local() {
    LfDataSource ds = new LfDataSource();
    ds.setEndpoint(fixture.local.endpoint().toString());
    ds.setRegion("us-east-1");
    ds.setAccessKeyId(LakeFormationLocal.DEFAULT_ACCESS_KEY_ID);
    ds.setSecretAccessKey(LakeFormationLocal.DEFAULT_SECRET_ACCESS_KEY);
    ds.setDatabase("tpch");
    return ds;
  }

  @Test
  void everyConnectionPropertyIsABeanPropertyAndNothingElseIs() throws Exception {
    Set<String> writable = new TreeSet<>();
    for (PropertyDescriptor d : Introspector.getBeanInfo(LfDataSource.class).getPropertyDescriptors()) {
      if (d.getWriteMethod() != null) {
        writable.add(d.getName());
      }
    }
    Set<String> expected = ConnectionProperty.ALL.stream().map(p -> Introspector.decapitalize(p.name()))
        .collect(Collectors.toCollection(TreeSet::new));
    expected.addAll(List.of("url", "logWriter", "loginTimeout"));
    assertEquals(expected, writable);
  }

  @Test
  void eachSetterReachesTheConnectionSettings() throws Exception {
    Map<ConnectionProperty<?>, Object> samples = Map.ofEntries(
        Map.entry(ConnectionProperty.REGION, "eu-west-1"), Map.entry(ConnectionProperty.DATABASE, "sales"),
        Map.entry(ConnectionProperty.MAX_CONCURRENT_WORK_UNITS, 12),
        Map.entry(ConnectionProperty.MAX_BUFFER_BYTES, 1L << 30), Map.entry(ConnectionProperty.ALLOW_HTTP, true),
        Map.entry(ConnectionProperty.ROW_ORDER, "COMPLETION"),
        Map.entry(ConnectionProperty.QUERY_AS_OF_TIME, "2024-05-06T07:08:09Z"));
    for (var sample : samples.entrySet()) {
      LfDataSource ds = new LfDataSource();
      PropertyDescriptor descriptor = new PropertyDescriptor(Introspector.decapitalize(sample.getKey().name()),
          LfDataSource.class, null, "set" + sample.getKey().name());
      descriptor.getWriteMethod().invoke(ds, sample.getValue());
      assertEquals(String.valueOf(sample.getValue()), ds.config().text(sample.getKey()));
    }
  }

  @Test
  void aBadValueFailsWhenSetAndNamesTheProperty() {
    LfDataSource ds = new LfDataSource();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ds.setMaxConcurrentWorkUnits(0));
    assertTrue(e.getMessage().startsWith("Property MaxConcurrentWorkUnits '0' is invalid"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ds.setRowOrder("sideways"));
    assertTrue(e.getMessage().contains("RowOrder"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ds.setUrl("jdbc:other://x"));
    ds.setUrl("jdbc:lakeformation://NoSuchKey=1");
    java.sql.SQLException bad = assertThrows(java.sql.SQLException.class, ds::getConnection);
    assertTrue(bad.getMessage().contains("NoSuchKey"), bad.getMessage());
  }

  @Test
  void settersWinOverTheUrlAndSecretsNeverShow() throws Exception {
    LfDataSource ds = new LfDataSource();
    ds.setUrl("jdbc:lakeformation://Region=us-east-1;Database=a;SecretAccessKey=url-secret");
    ds.setDatabase("b");
    ds.setSessionToken("token-secret");
    ds.setAccessKeyId("AKIAEXAMPLE");
    assertEquals("b", ds.config().text(ConnectionProperty.DATABASE));
    assertEquals("us-east-1", ds.config().text(ConnectionProperty.REGION));
    for (String shown : List.of(ds.toString(), ds.getUrl())) {
      assertFalse(shown.contains("secret"), shown);
      assertTrue(shown.contains("Database=b"), shown);
    }
    ds.setDatabase(null);
    assertEquals("a", ds.config().text(ConnectionProperty.DATABASE), "null removes the setter's value");
  }

  @Test
  void loginFieldsAndTimeout() throws Exception {
    LfDataSource ds = local();
    ds.setAccessKeyId(null);
    ds.setSecretAccessKey(null);
    ds.setLoginTimeout(3);
    assertEquals("3000", ds.config().text(ConnectionProperty.CONNECT_TIMEOUT_MILLIS));
    try (Connection c = ds.getConnection(LakeFormationLocal.DEFAULT_ACCESS_KEY_ID, LakeFormationLocal.DEFAULT_SECRET_ACCESS_KEY);
        ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM region")) {
      assertTrue(rs.next());
      assertEquals(5, rs.getLong(1));
    }
  }

  @Test
  void hikariPoolAndSpringJdbcTemplateRunQueries() throws Exception {
    HikariConfig pool = new HikariConfig();
    pool.setDataSourceClassName(LfDataSource.class.getName());
    pool.addDataSourceProperty("endpoint", fixture.local.endpoint().toString());
    pool.addDataSourceProperty("region", "us-east-1");
    pool.addDataSourceProperty("database", "tpch");
    pool.addDataSourceProperty("maxConcurrentWorkUnits", 4);
    pool.setUsername(LakeFormationLocal.DEFAULT_ACCESS_KEY_ID);
    pool.setPassword(LakeFormationLocal.DEFAULT_SECRET_ACCESS_KEY);
    pool.setMaximumPoolSize(3);
    pool.setReadOnly(true);
    pool.setAutoCommit(true);
    try (HikariDataSource hikari = new HikariDataSource(pool)) {
      JdbcTemplate jdbc = new JdbcTemplate(hikari);
      List<String> names = jdbc.queryForList("SELECT n_name FROM nation WHERE n_regionkey = ? ORDER BY n_name",
          String.class, 3);
      assertEquals(List.of("FRANCE", "GERMANY", "ROMANIA", "RUSSIA", "UNITED KINGDOM"), names);
      Long lines = jdbc.queryForObject("SELECT COUNT(*) FROM lineitem", Long.class);
      assertNotNull(lines);
      assertTrue(lines > 50_000, "lineitem has " + lines + " rows");
      for (int i = 0; i < 10; i++) {
        assertEquals(25, jdbc.queryForList("SELECT n_name FROM nation").size());
      }
    }
  }
}
