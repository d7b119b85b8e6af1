package dev.lakeformation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The architecture, as a specification: each package may use only the packages beneath it. The
 * public Arrow API ({@code api}) is the bottom, which the query layer implements; nothing in
 * {@code core} or {@code spark} knows JDBC's interfaces; nothing but the command line starts
 * LakeFormation Local, which the driver reaches only through the {@code core.spi} seam.
 *
 * <p>Source files are read with their comments removed, and every mention of a project class
 * counts, whether imported or written out in full.
 */
class LayeringTest {
  private static final Pattern PROJECT_CLASS = Pattern.compile("\\bdev\\.lakeformation\\.((?:[a-z0-9]+\\.)*[a-z0-9]+)\\.[A-Z]");

  /** Each package and the project packages it may use. */
  private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
      Map.entry("api", Set.of()),
      Map.entry("core.spi", Set.of()),
      Map.entry("core.types", Set.of()),
      Map.entry("core.config", Set.of("api")),
      Map.entry("core.logging", Set.of("api", "core.config")),
      Map.entry("core.arrow.compression", Set.of()),
      Map.entry("core.arrow", Set.of("api", "core.arrow.compression")),
      Map.entry("core.aws", Set.of("api", "core.config", "core.logging", "core.spi")),
      Map.entry("core.query", Set.of("api", "core.config", "core.arrow", "core.arrow.compression", "core.aws")),
      // H2 results as Arrow: shared by LakeFormation Local and the system tables, which H2 answers.
      Map.entry("core.h2", Set.of("core.types")),
      Map.entry("jdbc.errors", Set.of("api")),
      Map.entry("jdbc.resultset.accessor", Set.of("api", "core.types", "jdbc.errors")),
      Map.entry("jdbc.resultset", Set.of("api", "core.types", "core.query", "jdbc.errors", "jdbc.resultset.accessor")),
      Map.entry("jdbc.systemtable", Set.of("api", "core.types", "core.query", "core.h2", "jdbc.errors",
          "jdbc.resultset")),
      Map.entry("jdbc.metadata", Set.of("api", "core.config", "core.types", "core.query", "jdbc.errors",
          "jdbc.resultset", "jdbc.systemtable")),
      Map.entry("jdbc.driver", Set.of("api", "core.config", "core.aws", "core.types", "core.query", "jdbc.errors",
          "jdbc.resultset", "jdbc.systemtable", "jdbc.metadata")),
      Map.entry("local.protocol", Set.of()),
      Map.entry("local.faults", Set.of()),
      Map.entry("local.data", Set.of()),
      Map.entry("local.sql", Set.of("core.h2")),
      Map.entry("local.sts", Set.of("local.protocol")),
      Map.entry("local.queries", Set.of("core.arrow", "core.arrow.compression", "core.h2", "local.protocol",
          "local.faults", "local.sql")),
      Map.entry("local.athena", Set.of("core.h2", "local.protocol", "local.queries", "local.sql")),
      Map.entry("local.http", Set.of("local.protocol", "local.faults", "local.sts", "local.queries", "local.athena")),
      Map.entry("local", Set.of("core.spi", "core.arrow.compression", "local.protocol", "local.faults", "local.data",
          "local.sql", "local.sts", "local.queries", "local.athena", "local.http")),
      Map.entry("local.junit", Set.of("local")),
      Map.entry("cli", Set.of("api", "jdbc.driver", "local")),
      Map.entry("bench", Set.of("api", "core.arrow", "core.aws", "core.config", "core.query", "jdbc.driver", "jdbc.resultset",
          "local")),
      Map.entry("spark.column", Set.of("api", "core.types")),
      Map.entry("spark", Set.of("api", "core.config", "core.arrow", "core.query", "core.types", "spark.column")));

  /**
   * Packages beneath the JDBC layer: they use no JDBC interface. Two packages of {@code core} use
   * {@code java.sql} for what is not the JDBC layer: {@code core.types} names SQL's types by
   * {@code java.sql.Types}, and {@code core.h2} reads H2's results, as a client of H2's driver.
   * The value class {@code java.sql.Date}, in which Spark's filters carry dates, is not the JDBC
   * layer either.
   */
  private static final Set<String> WITHOUT_JAVA_SQL = Set.of("api", "core.spi", "core.config", "core.logging", "core.arrow",
      "core.arrow.compression", "core.aws", "core.query", "spark", "spark.column");

  @Test
  void everyPackageUsesOnlyThePackagesBeneathIt() throws IOException {
    List<String> violations = new ArrayList<>();
    Set<String> seen = new TreeSet<>();
    for (Path file : sources()) {
      String pkg = packageOf(file);
      seen.add(pkg);
      Set<String> allowed = ALLOWED.get(pkg);
      if (allowed == null) {
        violations.add(file + ": package '" + pkg + "' has no place in the layering; add it to this test");
        continue;
      }
      String code = withoutComments(Files.readString(file));
      Matcher m = PROJECT_CLASS.matcher(code);
      while (m.find()) {
        String used = m.group(1);
        // jdbc.shaded…: the one-file jar's relocation prefix, named in strings
        if (!used.equals(pkg) && !used.startsWith("jdbc.shaded") && !allowed.contains(used)) {
          violations.add(ProjectFiles.root().relativize(file) + " uses " + used);
        }
      }
      if (WITHOUT_JAVA_SQL.contains(pkg) && code.replace("java.sql.Date", "").contains("java.sql.")) {
        violations.add(ProjectFiles.root().relativize(file) + " uses java.sql, beneath the JDBC layer");
      }
    }
    assertEquals(List.of(), violations.stream().distinct().toList());
    assertTrue(seen.containsAll(Set.of("api", "core.query", "jdbc.driver", "local")), "the sources were not found: " + seen);
  }

  /** The main sources of every module (each directory of the project with a src/main/java). */
  private static List<Path> sources() throws IOException {
    List<Path> sources = new ArrayList<>();
    try (Stream<Path> modules = Files.list(ProjectFiles.root())) {
      for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src/main/java"))).sorted().toList()) {
        try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
          files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(sources::add);
        }
      }
    }
    return sources;
  }

  /** The package below dev.lakeformation: {@code core.query} for dev/lakeformation/core/query/X.java. */
  private static String packageOf(Path file) {
    String path = file.getParent().toString().replace('\\', '/');
    return path.substring(path.indexOf("/dev/lakeformation/") + "/dev/lakeformation/".length()).replace('/', '.');
  }

  private static String withoutComments(String code) {
    return code.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
  }
}
