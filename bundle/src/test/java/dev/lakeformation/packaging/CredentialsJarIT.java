package dev.lakeformation.packaging;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lakeformation.local.LakeFormationLocal;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The AWS SDK's credential sources through the one-file jar, in fresh JVMs whose environment is
 * the test's own (HOME, AWS_CONFIG_FILE…): the SDK finds its STS, SSO, SSO-OIDC and sign-in
 * modules by class name, and the relocation must have renamed those names along with the
 * classes; the jar sits in a class loader of its own, as in DBeaver, where the thread's context
 * class loader does not see it. STS is LakeFormation Local's; the IAM Identity Center portal
 * and its token service are a small stub here, reached through the SDK's own endpoint variables.
 */
class CredentialsJarIT {
  private static final Path JAR = Path.of(System.getProperty("lakeformation.jar", "target/lakeformation-jdbc-0.1.0.jar"));
  private static final String ROLE = "arn:aws:iam::123456789012:role/analyst";
  private static final String SHADED_SDK = "dev/lakeformation/jdbc/shaded/software/amazon/awssdk/";

  @TempDir
  static Path home;
  static LakeFormationLocal local;
  static HttpServer identityCenter;

  @BeforeAll
  static void start() throws Exception {
    local = LakeFormationLocal.builder().tpchScaleFactor(0.001).start();
    identityCenter = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
    identityCenter.createContext("/", CredentialsJarIT::identityCenter);
    identityCenter.start();
  }

  @AfterAll
  static void stop() {
    identityCenter.stop(0);
    local.close();
  }

  /**
   * The IAM Identity Center portal (GetRoleCredentials answers with LakeFormation Local's keys)
   * and its OIDC token service, which refuses every refresh as for a sign-in that has lapsed.
   */
  private static void identityCenter(HttpExchange exchange) throws IOException {
    byte[] body;
    int status;
    if (exchange.getRequestURI().getPath().equals("/federation/credentials")) {
      status = 200;
      body = ("{\"roleCredentials\":{\"accessKeyId\":\"" + LakeFormationLocal.DEFAULT_ACCESS_KEY_ID + "\","
          + "\"secretAccessKey\":\"" + LakeFormationLocal.DEFAULT_SECRET_ACCESS_KEY + "\",\"sessionToken\":\"portal\","
          + "\"expiration\":" + Instant.now().plusSeconds(3600).toEpochMilli() + "}}").getBytes(UTF_8);
    } else {
      status = 400;
      exchange.getResponseHeaders().set("x-amzn-ErrorType", "InvalidGrantException");
      body = "{\"error\":\"invalid_grant\",\"error_description\":\"The refresh token has expired.\"}".getBytes(UTF_8);
    }
    exchange.getRequestBody().readAllBytes();
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  static List<String> javaHomes() {
    return ShadedJarIT.javaHomes().toList();
  }

  private static String sha1(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(UTF_8)));
  }

  /** A token of the SSO cache, as `aws sso login` leaves it. */
  private static void ssoToken(String cacheName, String startUrl, Instant expiresAt) throws Exception {
    Path cache = Files.createDirectories(home.resolve(".aws/sso/cache"));
    Files.writeString(cache.resolve(sha1(cacheName) + ".json"), "{\"startUrl\":\"" + startUrl + "\",\"region\":"
        + "\"us-east-1\",\"accessToken\":\"token\",\"expiresAt\":\"" + expiresAt + "\",\"clientId\":\"client\","
        + "\"clientSecret\":\"secret\",\"refreshToken\":\"refresh\",\"registrationExpiresAt\":\""
        + Instant.now().plusSeconds(86_400) + "\"}");
  }

  @ParameterizedTest
  @MethodSource("javaHomes")
  void everyCredentialSourceWorksFromTheJarInAToolsClassLoader(String javaHome) throws Exception {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      for (String module : List.of("services/sts/internal/StsProfileCredentialsProviderFactory.class",
          "services/sts/internal/StsWebIdentityCredentialsProviderFactory.class",
          "services/sso/auth/SsoProfileCredentialsProviderFactory.class",
          "services/ssooidc/SsoOidcProfileTokenProviderFactory.class",
          "services/signin/auth/LoginProfileCredentialsProviderFactory.class")) {
        assertTrue(jar.getJarEntry(SHADED_SDK + module) != null, module + " is in the jar");
      }
    }
    String claims = "{\"sub\":\"ci\",\"aud\":\"sts.amazonaws.com\"}";
    Path token = Files.writeString(home.resolve("web-identity-token"), "eyJhbGciOiJSUzI1NiJ9."
        + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(UTF_8)) + ".c2ln");
    Path script = Files.writeString(home.resolve("credentials.sh"), "#!/bin/sh\necho '{\"Version\": 1,"
        + " \"AccessKeyId\": \"" + LakeFormationLocal.DEFAULT_ACCESS_KEY_ID + "\", \"SecretAccessKey\": \""
        + LakeFormationLocal.DEFAULT_SECRET_ACCESS_KEY + "\"}'\n");
    String portal = "http://127.0.0.1:" + identityCenter.getAddress().getPort();
    Files.writeString(home.resolve("credentials"), "[keys]\naws_access_key_id = " + LakeFormationLocal.DEFAULT_ACCESS_KEY_ID
        + "\naws_secret_access_key = " + LakeFormationLocal.DEFAULT_SECRET_ACCESS_KEY + "\n");
    Files.writeString(home.resolve("config"), "[default]\nregion = us-east-1\nservices = local\n\n"
        + "[services local]\nsts =\n  endpoint_url = " + local.endpoint() + "\n\n"
        + "[profile cross]\nrole_arn = " + ROLE + "\nsource_profile = keys\nregion = us-east-1\n\n"
        + "[profile process]\ncredential_process = sh " + script + "\n\n"
        + "[profile sso]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = analyst\n\n"
        + "[sso-session corp]\nsso_region = us-east-1\nsso_start_url = https://corp.awsapps.com/start\n\n"
        + "[profile lapsed]\nsso_session = lapsed\nsso_account_id = 123456789012\nsso_role_name = analyst\n\n"
        + "[sso-session lapsed]\nsso_region = us-east-1\nsso_start_url = https://lapsed.awsapps.com/start\n\n"
        + "[profile legacy]\nsso_start_url = https://legacy.awsapps.com/start\nsso_region = us-east-1\n"
        + "sso_account_id = 123456789012\nsso_role_name = analyst\n\n"
        + "[profile console]\nlogin_session = arn:aws:iam::123456789012:user/someone\nregion = us-east-1\n");
    ssoToken("corp", "https://corp.awsapps.com/start", Instant.now().plusSeconds(3600));
    ssoToken("lapsed", "https://lapsed.awsapps.com/start", Instant.now().minusSeconds(60));
    ssoToken("https://legacy.awsapps.com/start", "https://legacy.awsapps.com/start", Instant.now().minusSeconds(60));

    ProcessBuilder process = new ProcessBuilder(Path.of(javaHome, "bin", "java").toString(),
        "src/test/resources/packaging/UseCredentials.java", JAR.toString(),
        "jdbc:lakeformation://Endpoint=" + local.endpoint() + ";Region=us-east-1;Database=tpch",
        "cross=Profile=cross", "process=Profile=process", "sso=Profile=sso", "lapsed=Profile=lapsed",
        "legacy=Profile=legacy", "console=Profile=console", "webidentity=MaxRetries=1",
        "rolearn=Profile=keys;RoleArn=" + ROLE);
    Map<String, String> env = process.environment();
    env.keySet().removeIf(name -> name.startsWith("AWS_"));
    env.put("HOME", home.toString());
    env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
    env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
    env.put("AWS_LOGIN_CACHE_DIRECTORY", home.resolve("login-cache").toString());
    env.put("AWS_EC2_METADATA_DISABLED", "true");
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_WEB_IDENTITY_TOKEN_FILE", token.toString());
    env.put("AWS_ROLE_ARN", ROLE);
    env.put("AWS_ENDPOINT_URL_SSO", portal);
    env.put("AWS_ENDPOINT_URL_SSO_OIDC", portal);
    Path out = home.resolve("use-credentials.out");
    Path err = home.resolve("use-credentials.err");
    Process running = process.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!running.waitFor(2, TimeUnit.MINUTES)) {
      running.destroyForcibly();
      throw new AssertionError("timed out: " + Files.readString(out));
    }
    String stdout = Files.readString(out);
    String stderr = Files.readString(err);
    assertEquals(0, running.exitValue(), stdout + stderr);
    List<String> expected = new ArrayList<>(List.of(
        "cross 25 valid true",
        "process 25 valid true",
        "sso 25 valid true",
        "lapsed 28000 The IAM Identity Center (SSO) sign-in of profile 'lapsed' has expired or was never made: run"
            + " `aws sso login --profile lapsed`, then connect again.",
        "legacy 28000 The IAM Identity Center (SSO) sign-in of profile 'legacy' has expired or was never made: run"
            + " `aws sso login --profile legacy`, then connect again.",
        "console 28000 The AWS sign-in of profile 'console' has expired or was never made: run `aws login --profile"
            + " console`, then connect again.",
        "webidentity 25 valid true",
        "rolearn 25 valid true"));
    assertEquals(expected, stdout.lines().toList(), stderr);
  }
}
