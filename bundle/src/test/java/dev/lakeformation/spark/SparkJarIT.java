package dev.lakeformation.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The one-file jar in Spark, as {@code spark-submit --jars} runs it: a fresh JVM whose class path
 * is the jar plus Spark's own jars (the connector module's test class path, without the
 * project's artifacts and without the libraries the jar bundles relocated, so that a reference the relocation missed would
 * fail here; with the Arrow version Spark itself ships), with Spark's JVM flags. Spark must resolve format("lakeformation") through the jar's
 * service file and read through the relocated Arrow and AWS SDK.
 */
class SparkJarIT {
  private static final Path JAR = Path.of(System.getProperty("lakeformation.jar", "target/lakeformation-jdbc-0.1.0.jar"));
  /** Libraries the jar carries relocated and Spark does not need: left off, they cannot hide a missed relocation. */
  private static final List<String> BUNDLED = List.of("/software/amazon/", "/org/apache/arrow/", "/com/h2database/",
      "/io/trino/", "/com/github/jsqlparser/", "/com/google/flatbuffers/");

  @Test
  void sparkFindsTheConnectorInTheJarAndReadsThroughIt() throws Exception {
    List<String> classPath = new ArrayList<>(List.of(JAR.toAbsolutePath().toString()));
    // Spark and its libraries: the connector module's test class path, without the project's own
    // artifacts and the libraries the jar carries.
    for (String entry : Files.readString(Path.of(System.getProperty("lakeformation.spark.classpath"))).strip()
        .split(File.pathSeparator)) {
      String path = entry.replace(File.separatorChar, '/');
      boolean projectOutput = path.endsWith("/target/classes") || path.endsWith("/target/test-classes")
          || path.substring(path.lastIndexOf('/') + 1).startsWith("lakeformation-");
      if (!projectOutput && BUNDLED.stream().noneMatch(path::contains)) {
        classPath.add(entry);
      }
    }
    assertTrue(classPath.stream().anyMatch(e -> e.contains("spark-sql_2.13")), "Spark is on the class path");
    // Spark's own Arrow, older than the jar's: both must live side by side.
    try (var sparkArrow = Files.list(Path.of(System.getProperty("lakeformation.spark.arrow", "target/spark-arrow")))) {
      sparkArrow.map(Path::toString).sorted().forEach(classPath::add);
    }

    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(Arrays.asList(System.getProperty("lakeformation.spark.jvm.flags", "").split(" ")));
    command.addAll(List.of("-cp", String.join(File.pathSeparator, classPath),
        Path.of("src/test/resources/packaging/UseSpark.java").toString()));
    Path out = Files.createTempFile("spark-jar-it", ".out");
    Path err = Files.createTempFile("spark-jar-it", ".err");
    try {
      Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!process.waitFor(3, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("timed out; stderr: " + Files.readString(err));
      }
      String stdout = Files.readString(out);
      assertEquals(0, process.exitValue(), stdout + Files.readString(err));
      assertEquals(List.of("source dev.lakeformation.spark.LakeFormationDataSource", "first ALGERIA AFRICA",
          "rows 25", "lineitem 60175 in 61 partitions, quantity 1536127.00"), stdout.lines().toList());
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
