package dev.lakeformation.jdbc.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.jdbc.driver.AwsEnvironment;
import dev.lakeformation.jdbc.driver.LfStatement;
import dev.lakeformation.local.LakeFormationLocal;
import dev.lakeformation.local.network.TunnellingProxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The configuration every AWS user has, run end to end with no account: only Region, a proxy and
 * a TrustStore. The SDK then picks AWS's own host names (the {@code query-} and {@code data-}
 * prefixes of Lake Formation, Athena's, STS's, the SSO portal's) and sends each over TLS, signed
 * for its service and region. The proxy tunnels those names to LakeFormation Local, whose
 * certificate names them; Local refuses any request signed for another service or region.
 */
class RealAwsConfigurationTest {
  private static final String REGION = "us-east-1";
  private static final String LAKE_FORMATION_QUERY = "query-lakeformation." + REGION + ".amazonaws.com";
  private static final String LAKE_FORMATION_DATA = "data-lakeformation." + REGION + ".amazonaws.com";
  private static final String ATHENA = "athena." + REGION + ".amazonaws.com";
  private static final String STS = "sts." + REGION + ".amazonaws.com";
  private static final String SSO_PORTAL = "portal.sso." + REGION + ".amazonaws.com";
  private static LakeFormationLocal local;
  private static TunnellingProxy proxy;

  @BeforeAll
  static void start() throws Exception {
    local = LakeFormationLocal.builder().tlsHostNames("*." + REGION + ".amazonaws.com", SSO_PORTAL).start();
    Map<String, Integer> routes = Map.of(LAKE_FORMATION_QUERY, local.port(), LAKE_FORMATION_DATA, local.port(),
        ATHENA, local.port(), STS, local.port(), SSO_PORTAL, local.port());
    proxy = new TunnellingProxy(null, routes);
  }

  @AfterAll
  static void stop() throws Exception {
    proxy.close();
    local.close();
  }

  /** What a user of a company network writes: no Endpoint, no StsEndpoint. */
  private static String url(String credentials) {
    return "jdbc:lakeformation://Region=" + REGION + ";" + credentials + ";ProxyHost=127.0.0.1;ProxyPort="
        + proxy.port() + ";TrustStore={" + local.certificateFile() + "};Database=tpch";
  }

  private static String keys() {
    return "AccessKeyId=" + local.accessKeyId() + ";SecretAccessKey=" + local.secretAccessKey();
  }

  @Test
  void queryAttachSystemTablesAndCatalogReachAwsHostNamesSignedForTheirServices() throws Exception {
    String queryId;
    int tunnelsBefore = proxy.tunnels().size();
    try (Connection c = DriverManager.getConnection(url(keys()))) {
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM lineitem")) {
        int rows = 0;
        while (rs.next()) {
          rows++;
        }
        assertEquals(60_175, rows);
        queryId = s.unwrap(LfStatement.class).getQueryId();
      }
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
          "SELECT query_execution_id FROM system.query_executions LIMIT 5")) {
        assertTrue(rs.next(), "the system tables list Athena's query executions");
      }
      try (ResultSet tables = c.getMetaData().getTables(null, "tpch", "%", null)) {
        Set<String> names = new TreeSet<>();
        while (tables.next()) {
          names.add(tables.getString("TABLE_NAME"));
        }
        assertTrue(names.contains("lineitem"), names.toString());
      }
    }
    try (Connection attached = DriverManager.getConnection(url(keys()) + ";QueryId=" + queryId);
        Statement s = attached.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM lineitem")) {
      int rows = 0;
      while (rs.next()) {
        rows++;
      }
      assertEquals(60_175, rows, "attaching to the query by its ID reads it again");
    }
    assertEquals(Set.of(LAKE_FORMATION_QUERY + ":443", LAKE_FORMATION_DATA + ":443", ATHENA + ":443", STS + ":443"),
        Set.copyOf(proxy.tunnels().subList(tunnelsBefore, proxy.tunnels().size())),
        "the proxy was asked for AWS's host names and nothing else");
    assertEquals(Set.of(STS), local.hosts("GetCallerIdentity"));
    assertEquals(Set.of(LAKE_FORMATION_QUERY), local.hosts("StartQueryPlanning"));
    assertEquals(Set.of(LAKE_FORMATION_QUERY), local.hosts("GetQueryState"));
    assertEquals(Set.of(LAKE_FORMATION_QUERY), local.hosts("GetWorkUnits"));
    assertEquals(Set.of(LAKE_FORMATION_DATA), local.hosts("GetWorkUnitResults"));
    assertEquals(Set.of(ATHENA), local.hosts("ListTableMetadata"));
    assertEquals(Set.of(ATHENA), local.hosts("ListQueryExecutions"));
  }

  @Test
  void anIdentityCenterProfilesCallsGoThroughTheSameProxyAndTrust() throws Exception {
    String session = "lf-e2e-" + System.nanoTime();
    Path cache = Path.of(System.getenv("HOME"), ".aws", "sso", "cache");
    Files.createDirectories(cache);
    Path token = cache.resolve(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
        .digest(session.getBytes(StandardCharsets.UTF_8))) + ".json");
    Files.writeString(token, "{\"startUrl\":\"https://corp.awsapps.com/start\",\"region\":\"" + REGION
        + "\",\"accessToken\":\"sign-in-token\",\"expiresAt\":\""
        + Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS) + "\"}");
    long portalCalls = local.requestCount("GetRoleCredentials");
    try (AwsEnvironment aws = new AwsEnvironment()) {
      aws.config("[profile corp]\nsso_session = " + session + "\nsso_account_id = " + LakeFormationLocal.ACCOUNT_ID
          + "\nsso_role_name = analyst\nregion = " + REGION + "\n\n[sso-session " + session + "]\nsso_region = "
          + REGION + "\nsso_start_url = https://corp.awsapps.com/start\n");
      try (Connection c = DriverManager.getConnection(url("Profile=corp")); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT count(*) FROM nation")) {
        assertTrue(rs.next());
        assertEquals(25, rs.getLong(1));
      }
    } finally {
      Files.deleteIfExists(token);
    }
    assertTrue(local.requestCount("GetRoleCredentials") > portalCalls);
    assertTrue(proxy.tunnels().contains(SSO_PORTAL + ":443"), proxy.tunnels().toString());
    assertEquals(Set.of(SSO_PORTAL), local.hosts("GetRoleCredentials"));
  }
}
