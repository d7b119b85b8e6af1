package dev.lakeformation.jdbc.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.local.LakeFormationLocal;
import dev.lakeformation.local.network.TunnellingProxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every call through a real HTTP proxy (Jetty's CONNECT handler) to LakeFormation Local over TLS:
 * the connect check (STS), planning, results and Athena's catalog. A proxy that asks for a
 * password gets it; a wrong one ends in 28000 naming the proxy, never the password; NonProxyHosts
 * goes around it; without ProxyHost the JVM's https.proxyHost is followed.
 */
class ProxyTest {
  private static final String PROXY_PASSWORD = "pr0xy-s3cret";
  /** A name the open proxy tunnels to LakeFormation Local: a JVM proxy is not used for loopback. */
  private static final String NAMED_HOST = "lakeformation.test";
  private static LakeFormationLocal local;
  private static TunnellingProxy open;
  private static TunnellingProxy guarded;

  @BeforeAll
  static void start() throws Exception {
    local = LakeFormationLocal.builder().tlsHostNames(NAMED_HOST).start();
    open = new TunnellingProxy(null, Map.of(NAMED_HOST, local.port()));
    guarded = new TunnellingProxy("alice:" + PROXY_PASSWORD, Map.of());
  }

  @AfterAll
  static void stop() throws Exception {
    open.close();
    guarded.close();
    local.close();
  }

  private static String url(String extra) {
    return local.jdbcUrl("tpch") + ";MaxRetries=1" + extra;
  }

  /** Plans, reads every row of a query and lists the tables: every API of the driver. */
  private static void useEveryApi(String url) throws SQLException {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM orders")) {
      int rows = 0;
      while (rs.next()) {
        rows++;
      }
      assertEquals(15_000, rows);
      try (ResultSet tables = c.getMetaData().getTables(null, "tpch", "%", null)) {
        assertTrue(tables.next());
      }
    }
  }

  @Test
  void everyCallGoesThroughTheProxyTunnel() throws Exception {
    int before = open.tunnels().size();
    useEveryApi(url(";ProxyHost=127.0.0.1;ProxyPort=" + open.port()));
    List<String> tunnels = open.tunnels().subList(before, open.tunnels().size());
    assertFalse(tunnels.isEmpty());
    assertTrue(tunnels.stream().allMatch(t -> t.equals("127.0.0.1:" + local.port())), tunnels.toString());
    assertTrue(local.requestCount("GetCallerIdentity") > 0);
  }

  @Test
  void aProxyThatAsksForAPasswordGetsIt() throws Exception {
    int before = guarded.tunnels().size();
    useEveryApi(url(";ProxyHost=127.0.0.1;ProxyPort=" + guarded.port() + ";ProxyUsername=alice;ProxyPassword="
        + PROXY_PASSWORD));
    assertTrue(guarded.tunnels().size() > before);
  }

  @Test
  void aWrongOrMissingProxyPasswordIsSaidNamingTheProxyNotThePassword() {
    for (String credentials : new String[] {";ProxyUsername=alice;ProxyPassword=wrong-pr0xy-pass", ""}) {
      SQLException e = assertThrows(SQLException.class,
          () -> DriverManager.getConnection(url(";ProxyHost=127.0.0.1;ProxyPort=" + guarded.port() + credentials)));
      assertEquals("28000", e.getSQLState(), e.getMessage());
      String message = e.getMessage();
      assertTrue(message.contains("HTTP 407"), message);
      assertTrue(message.contains("through the proxy 127.0.0.1:" + guarded.port() + " (ProxyHost)"), message);
      assertTrue(message.contains("check ProxyUsername and ProxyPassword"), message);
      assertFalse(message.contains("wrong-pr0xy-pass") || message.contains(PROXY_PASSWORD), message);
    }
  }

  @Test
  void nonProxyHostsGoAroundTheProxy() throws Exception {
    int before = open.tunnels().size();
    useEveryApi(url(";ProxyHost=127.0.0.1;ProxyPort=" + open.port() + ";NonProxyHosts=example.com|127.0.0.*"));
    assertEquals(before, open.tunnels().size());
  }

  @Test
  void anUnreachableProxyIsSaidAsSuch() {
    SQLException e = assertThrows(SQLException.class,
        () -> DriverManager.getConnection(url(";ProxyHost=127.0.0.1;ProxyPort=1")));
    assertEquals("08006", e.getSQLState(), e.getMessage());
    assertTrue(e.getMessage().contains("through the proxy 127.0.0.1:1 (ProxyHost)"), e.getMessage());
  }

  @Test
  void withoutProxyHostTheJvmsHttpsProxySettingsAreFollowedButNotForLoopback() throws Exception {
    String named = "jdbc:lakeformation://Endpoint=https://" + NAMED_HOST + ";AccessKeyId=" + local.accessKeyId()
        + ";SecretAccessKey=" + local.secretAccessKey() + ";Database=tpch;VerifyCredentials=false;MaxRetries=1"
        + ";TrustStore={" + local.certificateFile() + "}";
    int before = open.tunnels().size();
    System.setProperty("https.proxyHost", "127.0.0.1");
    System.setProperty("https.proxyPort", Integer.toString(open.port()));
    System.setProperty("http.nonProxyHosts", "example.com");
    try {
      useEveryApi(named);
      assertTrue(open.tunnels().subList(before, open.tunnels().size()).contains(NAMED_HOST + ":443"),
          "the JVM's proxy was used: " + open.tunnels());
      before = open.tunnels().size();
      useEveryApi(url(""));
      assertEquals(before, open.tunnels().size(), "loopback goes around the JVM's proxy, as the JDK does");
    } finally {
      System.clearProperty("https.proxyHost");
      System.clearProperty("https.proxyPort");
      System.clearProperty("http.nonProxyHosts");
    }
  }

  @Test
  void proxySettingsAreCheckedTogether() {
    SQLException noPort = assertThrows(SQLException.class, () -> DriverManager.getConnection(url(";ProxyHost=proxy.example.com")));
    assertTrue(noPort.getMessage().contains("ProxyHost is given without ProxyPort"), noPort.getMessage());
    SQLException noHost = assertThrows(SQLException.class, () -> DriverManager.getConnection(url(";ProxyUsername=alice;ProxyPassword=x")));
    assertTrue(noHost.getMessage().contains("ProxyUsername is a setting of ProxyHost"), noHost.getMessage());
    SQLException scheme = assertThrows(SQLException.class,
        () -> DriverManager.getConnection(url(";ProxyHost=http://proxy.example.com;ProxyPort=3128")));
    assertTrue(scheme.getMessage().contains("is not a host name or IP address"), scheme.getMessage());
  }
}
