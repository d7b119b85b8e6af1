package dev.lakeformation.packaging;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.stream.Collectors.joining;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one-file jar that users drop into DBeaver, checked after {@code mvn package}: what is in
 * it, and that fresh JVMs (this one's JDK and every JDK named in the system property
 * {@code lakeformation.test.jdks}) load it from the class path with no flags at all.
 */
class ShadedJarIT {
  private static final Path JAR = Path.of(System.getProperty("lakeformation.jar",
      "target/lakeformation-jdbc-0.1.0.jar"));
  private static final String PROJECT = "dev/lakeformation/";
  private static final String SPARK_DATA_SOURCES = "org.apache.spark.sql.sources.DataSourceRegister";

  static Stream<String> javaHomes() {
    List<String> homes = new ArrayList<>(List.of(System.getProperty("java.home")));
    String extra = System.getProperty("lakeformation.test.jdks", "");
    Arrays.stream(extra.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(homes::add);
    return homes.stream();
  }

  private static String java(String home) {
    return Path.of(home, "bin", "java").toString();
  }

  /** Runs a command to its end (at most two minutes); returns exit code, stdout, stderr. */
  private static String[] run(List<String> command) throws Exception {
    Path out = Files.createTempFile("jar-it", ".out");
    Path err = Files.createTempFile("jar-it", ".err");
    try {
      Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("timed out: " + command);
      }
      return new String[] {String.valueOf(process.exitValue()), Files.readString(out), Files.readString(err)};
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  @Test
  void everyClassIsUnderTheProjectsPackageAndNothingIsSigned() throws IOException {
    List<String> outside = new ArrayList<>();
    try (JarFile jar = new JarFile(JAR.toFile())) {
      for (JarEntry entry : jar.stream().toList()) {
        String name = entry.getName();
        if (name.endsWith(".class") && !name.startsWith(PROJECT)) {
          outside.add(name);
        }
        assertFalse(name.matches("META-INF/[^/]+\\.(SF|DSA|RSA|EC)"), "signature file " + name);
        assertFalse(name.contains("apache/http/") || name.contains("io/netty") || name.contains("awssdk/http/apache/")
            || name.contains("awssdk/http/urlconnection") || name.contains("awssdk/http/nio"),
            "a second HTTP client: " + name);
      }
      assertEquals(List.of(), outside);
      assertTrue(jar.getEntry(PROJECT + "jdbc/shaded/software/amazon/awssdk/http/apache5/Apache5HttpClient.class") != null,
          "the one HTTP client, Apache HttpClient 5");
      assertEquals("dev.lakeformation.jdbc.driver.LakeFormationDriver",
          read(jar, "META-INF/services/java.sql.Driver").strip(), "only our driver registers (not H2's)");
      assertTrue(read(jar, "META-INF/services/dev.lakeformation.core.spi.EmbeddedService$Provider")
          .contains("dev.lakeformation.local.EmbeddedLocalService"));
      // The Spark connector's registration keeps Spark's own name: Spark is the host, not relocated.
      assertEquals("dev.lakeformation.spark.LakeFormationDataSource",
          read(jar, "META-INF/services/" + SPARK_DATA_SOURCES).strip());
      for (JarEntry entry : jar.stream().filter(e -> e.getName().startsWith("META-INF/services/")
          && !e.isDirectory()).toList()) {
        String service = entry.getName().substring("META-INF/services/".length());
        assertTrue(service.startsWith("dev.lakeformation.") || service.startsWith("java.")
            || service.equals(SPARK_DATA_SOURCES), service);
        for (String line : read(jar, entry.getName()).lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
            .toList()) {
          assertTrue(line.strip().startsWith("dev.lakeformation."), entry.getName() + ": " + line);
        }
      }
      assertEquals("dev.lakeformation.cli.Main", jar.getManifest().getMainAttributes().getValue("Main-Class"));
    }
    // 23.5 MiB: the SDK modules every credential source needs (sts, sso, ssooidc, signin), Apache
    // HttpClient 5 (the one HTTP client that tunnels through a proxy asking for a password) and
    // the part of Bouncy Castle that makes LakeFormation Local's TLS certificate.
    assertTrue(Files.size(JAR) <= 25L << 20, "the jar has grown to " + Files.size(JAR) + " bytes");
  }

  private static String read(JarFile jar, String name) throws IOException {
    JarEntry entry = jar.getJarEntry(name);
    assertTrue(entry != null, name + " is missing");
    return new String(jar.getInputStream(entry).readAllBytes(), UTF_8);
  }

  @ParameterizedTest
  @MethodSource("javaHomes")
  void aFreshJvmFindsTheDriverThroughDriverManagerWithNoFlags(String javaHome) throws Exception {
    Path program = Path.of("src/test/resources/packaging/UseDriver.java");
    String[] result = run(List.of(java(javaHome), "-cp", JAR.toString(), program.toString()));
    assertEquals("0", result[0], result[2]);
    String out = result[1];
    assertTrue(out.contains("driver dev.lakeformation.jdbc.driver.LakeFormationDriver"), out);
    assertTrue(out.contains("logger dev.lakeformation.jdbc"), out);
    assertFalse(out.contains("registered dev.lakeformation.jdbc.shaded.org.h2"),
        "embedded H2 stays unregistered: " + out);
    assertTrue(out.contains("first ALGERIA AFRICA"), out);
    assertTrue(out.contains("rows 25"), out);
    assertTrue(out.contains("system CANCELLED 1"), "a GROUP BY on a system table, by the relocated H2: " + out);
    assertTrue(out.contains("busy threads 0"), "no driver thread works on after the connection closed: " + out);
    assertEquals("", withoutUnsafeNotice(result[2]));
  }

  /** Stderr without JDK 24+'s notice about Arrow's use of sun.misc.Unsafe, the only output allowed there. */
  private static String withoutUnsafeNotice(String stderr) {
    return stderr.lines().filter(l -> !l.startsWith("WARNING: ") || !(l.contains("sun.misc.Unsafe")
        || l.contains("MemoryUtil"))).collect(joining("\n"));
  }

  @ParameterizedTest
  @MethodSource("javaHomes")
  void lfsqlRunsFromTheJar(String javaHome) throws Exception {
    String[] result = run(List.of(java(javaHome), "-jar", JAR.toString(), "--local", "--format", "csv", "-e",
        "SELECT r_regionkey, r_name FROM tpch.region ORDER BY 1"));
    assertEquals("0", result[0], result[2]);
    assertEquals(List.of("r_regionkey,r_name", "0,AFRICA", "1,AMERICA", "2,ASIA", "3,EUROPE", "4,MIDDLE EAST"),
        result[1].lines().toList());
    assertTrue(withoutUnsafeNotice(result[2]).matches("5 rows in [0-9.]+ s"), result[2]);

    String[] failed = run(List.of(java(javaHome), "-jar", JAR.toString(), "--local", "-e", "SELECT nonsense FROM"));
    assertEquals("1", failed[0]);
    assertTrue(withoutUnsafeNotice(failed[2]).startsWith("ERROR 42000: "), failed[2]);
    assertTrue(failed[2].contains("Syntax error in SQL statement"), "the bundled H2 finds its messages: " + failed[2]);
    assertFalse(failed[2].contains("\tat "), "no stack trace without --debug");
  }

  @Test
  void theLocalCommandServesUntilStoppedAndNamesItsEndpointFirst() throws Exception {
    Process process = new ProcessBuilder(java(System.getProperty("java.home")), "-jar", JAR.toString(), "local",
        "--port", "0", "--scale", "0.001").redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8))) {
      String endpoint = out.readLine();
      assertTrue(endpoint != null && endpoint.matches("http://127\\.0\\.0\\.1:\\d+"), String.valueOf(endpoint));
      String url = "jdbc:lakeformation://Endpoint=" + endpoint + ";Region=us-east-1;Database=tpch"
          + ";AccessKeyId=AKIALAKEFORMATIONLOCAL;SecretAccessKey=lakeformation-local-secret";
      try (Connection connection = DriverManager.getConnection(url);
          ResultSet rs = connection.createStatement().executeQuery("SELECT COUNT(*) FROM nation")) {
        assertTrue(rs.next());
        assertEquals(25, rs.getInt(1));
      }
      assertTrue(process.isAlive());
    } finally {
      process.destroy();
      assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the server stops on SIGTERM");
    }
  }

  @Test
  void theLocalCommandServesHttpsWithItsCertificateWrittenWhereAsked(@TempDir Path dir) throws Exception {
    Path certificate = dir.resolve("local.pem");
    Process process = new ProcessBuilder(java(System.getProperty("java.home")), "-jar", JAR.toString(), "local",
        "--scale", "0.001", "--tls-certificate", certificate.toString()).redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8))) {
      String endpoint = out.readLine();
      assertTrue(endpoint != null && endpoint.matches("https://127\\.0\\.0\\.1:\\d+"), String.valueOf(endpoint));
      assertTrue(Files.readString(certificate).startsWith("-----BEGIN CERTIFICATE-----"));
      out.readLine();
      String url = out.readLine().strip();
      assertTrue(url.endsWith(";TrustStore={" + certificate.toAbsolutePath() + "}"), url);
      try (Connection connection = DriverManager.getConnection(url);
          ResultSet rs = connection.createStatement().executeQuery("SELECT COUNT(*) FROM nation")) {
        assertTrue(rs.next());
        assertEquals(25, rs.getInt(1));
      }
    } finally {
      process.destroy();
      assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the server stops on SIGTERM");
    }
  }

  @Test
  void theLocalCommandRejectsBadArguments() throws Exception {
    String[] result = run(List.of(java(System.getProperty("java.home")), "-jar", JAR.toString(), "local",
        "--port", "eighty"));
    assertEquals("2", result[0]);
    assertTrue(result[2].contains("--port needs a whole number, got 'eighty'"), result[2]);
    assertTrue(result[2].contains("usage:"), result[2]);
  }
}
