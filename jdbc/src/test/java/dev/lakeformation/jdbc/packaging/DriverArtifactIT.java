package dev.lakeformation.jdbc.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code lakeformation-jdbc} artifact as an application gets it from Maven: the driver's jar
 * and the runtime class path Maven resolves for it. It carries no server (LakeFormation Local, an
 * HTTP server, the TPC-H generator), no command line (lfsql, JLine) and no Spark connector, and
 * {@code Local=true} without LakeFormation Local says which artifact to add.
 */
class DriverArtifactIT {
  private static final Path JAR = Path.of(System.getProperty("lakeformation.jdbc.jar"));
  private static final Path CLASS_PATH = Path.of(System.getProperty("lakeformation.jdbc.classpath"));

  @Test
  void theDriversJarHoldsTheDriverAndNothingAboveIt() throws IOException {
    List<String> classes = new ArrayList<>();
    try (JarFile jar = new JarFile(JAR.toFile())) {
      for (JarEntry entry : jar.stream().toList()) {
        if (entry.getName().endsWith(".class")) {
          classes.add(entry.getName());
        }
      }
      assertEquals("dev.lakeformation.jdbc.driver.LakeFormationDriver",
          new String(jar.getInputStream(jar.getEntry("META-INF/services/java.sql.Driver")).readAllBytes(),
              StandardCharsets.UTF_8).strip());
      assertEquals("dev.lakeformation.jdbc", jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"));
    }
    assertTrue(classes.contains("dev/lakeformation/jdbc/driver/LakeFormationDriver.class"), "the driver is there");
    assertEquals(List.of(), classes.stream().filter(c -> !c.startsWith("dev/lakeformation/jdbc/")).toList());
  }

  @Test
  void itsRuntimeClassPathHasNoServerCommandLineOrSpark() throws IOException {
    List<String> artifacts = runtimeClassPath().stream().map(p -> p.getFileName().toString()).toList();
    assertTrue(artifacts.stream().anyMatch(a -> a.startsWith("lakeformation-core-")), artifacts.toString());
    // (jackson-databind is there: Arrow reads schemas with it.)
    for (String forbidden : List.of("lakeformation-local", "lakeformation-cli", "lakeformation-spark", "tpch-",
        "jline", "spark-", "scala-", "slf4j-jdk14")) {
      assertFalse(artifacts.stream().anyMatch(a -> a.startsWith(forbidden)), forbidden + " in " + artifacts);
    }
    // No class of the JDK's HTTP server is used by anything the driver carries of its own.
    try (JarFile jar = new JarFile(JAR.toFile())) {
      for (JarEntry entry : jar.stream().filter(e -> e.getName().endsWith(".class")).toList()) {
        String bytes = new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.ISO_8859_1);
        assertFalse(bytes.contains("com/sun/net/httpserver"), entry.getName() + " uses an HTTP server");
      }
    }
  }

  @Test
  void localTrueWithoutLakeFormationLocalNamesTheArtifactToAdd(@TempDir Path temp) throws Exception {
    List<String> classPath = new ArrayList<>(List.of(JAR.toString()));
    runtimeClassPath().forEach(p -> classPath.add(p.toString()));
    Path program = Path.of("src/test/resources/packaging/ConnectWithoutLocal.java");
    Path log = temp.resolve("child.log");
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", String.join(File.pathSeparator, classPath), program.toString()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    boolean exited = process.waitFor(2, TimeUnit.MINUTES);
    if (!exited) {
      process.destroyForcibly().waitFor();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertTrue(exited, "timed out: " + output);
    assertEquals(0, process.exitValue(), output);
    assertTrue(output.contains("08001 Local=true needs LakeFormation Local")
        && output.contains("dev.lakeformation:lakeformation-local"), output);
  }

  private static List<Path> runtimeClassPath() throws IOException {
    return Files.readString(CLASS_PATH).strip().lines().flatMap(l -> List.of(l.split(File.pathSeparator)).stream())
        .filter(s -> !s.isBlank()).map(Path::of).toList();
  }
}
