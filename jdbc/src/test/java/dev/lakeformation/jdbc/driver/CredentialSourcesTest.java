package dev.lakeformation.jdbc.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.local.LakeFormationLocal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each way AWS users hold credentials, end to end: the driver, the real AWS SDK and its STS
 * module, and LakeFormation Local's STS over HTTP on loopback. The SDK reaches Local's STS the
 * way a user would point it anywhere: through a services section of the config file. Files and
 * {@code aws.*} system properties are the test's own and are restored after each test.
 */
class CredentialSourcesTest {
  private static final String ROLE = "arn:aws:iam::123456789012:role/analyst";
  private static final String KEYS = "AccessKeyId=" + LakeFormationLocal.DEFAULT_ACCESS_KEY_ID
      + ";SecretAccessKey=" + LakeFormationLocal.DEFAULT_SECRET_ACCESS_KEY;
  static LakeFormationLocal local;
  private AwsEnvironment aws;

  @BeforeAll
  static void start() throws Exception {
    local = LakeFormationLocal.builder().tpchScaleFactor(0.001).start();
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  @BeforeEach
  void environment() throws Exception {
    aws = new AwsEnvironment();
    aws.credentials("[keys]\naws_access_key_id = " + LakeFormationLocal.DEFAULT_ACCESS_KEY_ID
        + "\naws_secret_access_key = " + LakeFormationLocal.DEFAULT_SECRET_ACCESS_KEY + "\n");
  }

  @AfterEach
  void restore() throws Exception {
    aws.close();
  }

  /** The config file: every profile sends the SDK's own STS calls to Local through the services section. */
  private void config(String profiles) throws Exception {
    aws.config("[default]\nregion = us-east-1\nservices = local\n\n[services local]\nsts =\n  endpoint_url = "
        + local.endpoint() + "\n\n" + profiles);
  }

  private static String url(LakeFormationLocal service, String credentials) {
    return "jdbc:lakeformation://Endpoint=" + service.endpoint() + ";Region=us-east-1;Database=tpch"
        + (credentials.isEmpty() ? "" : ";" + credentials);
  }

  private static int nations(Connection connection) throws SQLException {
    try (ResultSet rs = connection.createStatement().executeQuery("SELECT COUNT(*) FROM nation")) {
      assertTrue(rs.next());
      return rs.getInt(1);
    }
  }

  private static String webIdentityToken() {
    String claims = "{\"sub\":\"system:serviceaccount:etl:reader\",\"aud\":\"sts.amazonaws.com\"}";
    return "eyJhbGciOiJSUzI1NiJ9." + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
  }

  @Test
  void staticKeysAreCheckedOnceWhenConnecting() throws Exception {
    long checks = local.requestCount("GetCallerIdentity");
    try (Connection c = DriverManager.getConnection(url(local, KEYS))) {
      assertEquals(checks + 1, local.requestCount("GetCallerIdentity"));
      assertEquals(25, nations(c));
    }
  }

  @Test
  void aProfileWithKeys() throws Exception {
    config("");
    try (Connection c = DriverManager.getConnection(url(local, "Profile=keys"))) {
      assertEquals(25, nations(c));
    }
  }

  @Test
  void aProfileThatAssumesARoleFromASourceProfile() throws Exception {
    config("[profile cross]\nrole_arn = " + ROLE + "\nsource_profile = keys\nrole_session_name = cross-test\n"
        + "region = us-east-1\n");
    long assumed = local.requestCount("AssumeRole");
    try (Connection c = DriverManager.getConnection(url(local, "Profile=cross"))) {
      assertEquals(25, nations(c));
    }
    assertEquals(assumed + 1, local.requestCount("AssumeRole"));
  }

  @Test
  void theRoleArnPropertyAssumesARoleOnTopOfTheCredentialsFound() throws Exception {
    long assumed = local.requestCount("AssumeRole");
    try (Connection c = DriverManager.getConnection(url(local, KEYS + ";RoleArn=" + ROLE
        + ";RoleSessionName=jdbc-test;ExternalId=partner-7;DurationSeconds=900"))) {
      assertEquals(25, nations(c));
      assertTrue(c.isValid(5));
    }
    assertEquals(assumed + 1, local.requestCount("AssumeRole"));
  }

  @Test
  void anAssumedRoleIsRenewedBeforeItsCredentialsExpire() throws Exception {
    try (LakeFormationLocal shortLived = LakeFormationLocal.builder().tpchScaleFactor(0.001)
        .temporaryCredentialsMaxLifetime(Duration.ofSeconds(2)).start();
        Connection c = DriverManager.getConnection(url(shortLived, KEYS + ";RoleArn=" + ROLE + ";DurationSeconds=900"))) {
      assertEquals(25, nations(c));
      long assumed = shortLived.requestCount("AssumeRole");
      Thread.sleep(2_500); // past the expiration of the first credentials, which Local then refuses
      assertEquals(25, nations(c));
      assertTrue(c.isValid(5));
      assertTrue(shortLived.requestCount("AssumeRole") > assumed, "renewed: " + shortLived.requestCount("AssumeRole"));
    }
  }

  @Test
  void aWebIdentityTokenFileInAProfile() throws Exception {
    config("[profile pod]\nrole_arn = " + ROLE + "\nweb_identity_token_file = "
        + aws.file("token", webIdentityToken()) + "\nregion = us-east-1\n");
    long exchanged = local.requestCount("AssumeRoleWithWebIdentity");
    try (Connection c = DriverManager.getConnection(url(local, "Profile=pod"))) {
      assertEquals(25, nations(c));
    }
    assertEquals(exchanged + 1, local.requestCount("AssumeRoleWithWebIdentity"));
  }

  @Test
  void aWebIdentityTokenThroughTheDefaultChain() throws Exception {
    config("");
    aws.set("aws.webIdentityTokenFile", aws.file("token", webIdentityToken()).toString())
        .set("aws.roleArn", ROLE).set("aws.roleSessionName", "eks-pod");
    long exchanged = local.requestCount("AssumeRoleWithWebIdentity");
    try (Connection c = DriverManager.getConnection(url(local, ""))) {
      assertEquals(25, nations(c));
    }
    assertEquals(exchanged + 1, local.requestCount("AssumeRoleWithWebIdentity"));
  }

  @Test
  void aCredentialProcess() throws Exception {
    String script = aws.file("credentials.sh", "#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \""
        + LakeFormationLocal.DEFAULT_ACCESS_KEY_ID + "\", \"SecretAccessKey\": \"" + LakeFormationLocal.DEFAULT_SECRET_ACCESS_KEY
        + "\"}'\n").toString();
    config("[profile process]\ncredential_process = sh " + script + "\n");
    try (Connection c = DriverManager.getConnection(url(local, "Profile=process"))) {
      assertEquals(25, nations(c));
    }
  }

  @Test
  void anIdentityCenterProfileWithoutASignInSaysToSignIn() throws Exception {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    config("[profile sso]\nsso_session = corp-" + unique + "\nsso_account_id = 123456789012\nsso_role_name = analyst\n"
        + "region = us-east-1\n\n[sso-session corp-" + unique + "]\nsso_region = us-east-1\nsso_start_url = "
        + "https://corp-" + unique + ".awsapps.com/start\n\n"
        + "[profile legacy]\nsso_start_url = https://legacy-" + unique + ".awsapps.com/start\nsso_region = us-east-1\n"
        + "sso_account_id = 123456789012\nsso_role_name = analyst\n\n"
        + "[profile chained]\nrole_arn = " + ROLE + "\nsource_profile = sso\nregion = us-east-1\n");
    for (String[] profileAndSignIn : new String[][] {{"sso", "sso"}, {"legacy", "legacy"}, {"chained", "sso"}}) {
      SQLException e = assertThrows(SQLInvalidAuthorizationSpecException.class,
          () -> DriverManager.getConnection(url(local, "Profile=" + profileAndSignIn[0])));
      assertEquals("28000", e.getSQLState());
      assertEquals("The IAM Identity Center (SSO) sign-in of profile '" + profileAndSignIn[1] + "' has expired or was"
          + " never made: run `aws sso login --profile " + profileAndSignIn[1] + "`, then connect again.", e.getMessage());
      assertNotNull(e.getCause(), "the SDK's own explanation stays as the cause");
    }
  }

  @Test
  void aLoginProfileWithoutASignInSaysToSignIn() throws Exception {
    aws.set("aws.loginCacheDirectory", aws.dir.resolve("login-cache").toString());
    config("[profile console]\nlogin_session = arn:aws:iam::123456789012:user/someone\nregion = us-east-1\n");
    SQLException e = assertThrows(SQLInvalidAuthorizationSpecException.class,
        () -> DriverManager.getConnection(url(local, "Profile=console")));
    assertEquals("The AWS sign-in of profile 'console' has expired or was never made: run `aws login --profile"
        + " console`, then connect again.", e.getMessage());
  }

  @Test
  void noCredentialsAnywhereIsOneSentenceNamingTheWays() throws Exception {
    long start = System.nanoTime();
    SQLException e = assertThrows(SQLInvalidAuthorizationSpecException.class,
        () -> DriverManager.getConnection(url(local, "")));
    assertEquals("28000", e.getSQLState());
    assertEquals("No AWS credentials were found: give AccessKeyId and SecretAccessKey (or the user and password"
        + " fields), a Profile, or credentials where the AWS SDK looks for them (environment variables, the"
        + " ~/.aws/credentials and ~/.aws/config files, a web identity token file, a container or EC2 instance role),"
        + " as docs/credentials.md describes.", e.getMessage());
    assertTrue(String.valueOf(e.getCause()).contains("Unable to load credentials"), "the chain's report is the cause");
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10, "no instance metadata service was waited for");
    try (Connection offline = DriverManager.getConnection(url(local, "VerifyCredentials=false"))) {
      SQLException query = assertThrows(SQLException.class, () -> nations(offline));
      assertEquals("28000", query.getSQLState());
      assertEquals(e.getMessage(), query.getMessage(), "the first query says the same");
    }
  }

  @Test
  void anUnknownProfileIsNamed() throws Exception {
    config("");
    SQLException e = assertThrows(SQLInvalidAuthorizationSpecException.class,
        () -> DriverManager.getConnection(url(local, "Profile=nosuch")));
    assertEquals("Profile 'nosuch' is in neither the AWS config file nor the credentials file (AWS_CONFIG_FILE,"
        + " AWS_SHARED_CREDENTIALS_FILE, or ~/.aws/config and ~/.aws/credentials).", e.getMessage());
  }

  @Test
  void aWrongSecretFailsGetConnectionUnlessTheCheckIsOff() throws Exception {
    String wrong = "AccessKeyId=" + LakeFormationLocal.DEFAULT_ACCESS_KEY_ID + ";SecretAccessKey=not-the-secret";
    SQLException e = assertThrows(SQLInvalidAuthorizationSpecException.class,
        () -> DriverManager.getConnection(url(local, wrong)));
    assertTrue(e.getMessage().startsWith("The connect check (STS GetCallerIdentity at " + local.endpoint()
        + ") failed: SignatureDoesNotMatch: "), e.getMessage());
    assertTrue(e.getMessage().endsWith("The credentials were refused: check the access key, secret key and session"
        + " token, or the profile."), e.getMessage());
    long checks = local.requestCount("GetCallerIdentity");
    try (Connection offline = DriverManager.getConnection(url(local, wrong + ";VerifyCredentials=false"))) {
      assertEquals(checks, local.requestCount("GetCallerIdentity"), "nothing is called when connecting");
      assertFalse(offline.isValid(5));
      SQLException query = assertThrows(SQLException.class, () -> nations(offline));
      assertEquals("28000", query.getSQLState());
    }
  }

  @Test
  void stsEndpointOverridesWhereTheDriversStsCallsGo() throws Exception {
    String dead = "http://127.0.0.1:" + freePort();
    SQLException check = assertThrows(SQLException.class,
        () -> DriverManager.getConnection(url(local, KEYS + ";StsEndpoint=" + dead)));
    assertEquals("08006", check.getSQLState());
    assertTrue(check.getMessage().startsWith("The connect check (STS GetCallerIdentity at " + dead
        + ") could not reach STS: "), check.getMessage());
    assertTrue(check.getMessage().endsWith("Check Region, StsEndpoint, the proxy settings and the network, or set VerifyCredentials=false"
        + " to connect without the check."), check.getMessage());
    SQLException role = assertThrows(SQLException.class,
        () -> DriverManager.getConnection(url(local, KEYS + ";RoleArn=" + ROLE + ";StsEndpoint=" + dead)));
    assertEquals("08006", role.getSQLState());
    assertTrue(role.getMessage().startsWith("Getting credentials for role " + ROLE
        + " (RoleArn) could not reach the service that issues them ("), role.getMessage());
  }

  private static int freePort() throws Exception {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
