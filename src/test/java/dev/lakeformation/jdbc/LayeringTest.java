package dev.lakeformation.jdbc;

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
 * query layer knows nothing of JDBC ({@code java.sql}), and nothing but the command line starts
 * LakeFormation Local, which the driver reaches only through the {@code spi} seam.
 *
 * <p>Source files are read with their comments removed, and every mention of a project package
 * counts, whether imported or written out in full.
 */
class LayeringTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/lakeformation/jdbc");
  private static final Pattern PROJECT_PACKAGE = Pattern.compile("\\bdev\\.lakeformation\\.jdbc\\.([a-z]+)\\b");

  /** Each package and the project packages it may use. */
  private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
      Map.entry("errors", Set.of()),
      Map.entry("spi", Set.of()),
      Map.entry("config", Set.of("errors")),
      Map.entry("arrow", Set.of("errors")),
      Map.entry("types", Set.of()),
      Map.entry("aws", Set.of("errors", "config", "spi")),
      Map.entry("query", Set.of("errors", "config", "arrow", "aws")),
      Map.entry("resultset", Set.of("errors", "types", "query")),
      // H2 results as Arrow: shared by LakeFormation Local and the system tables, which H2 answers.
      Map.entry("h2", Set.of("types")),
      Map.entry("systemtable", Set.of("errors", "types", "query", "resultset", "h2")),
      Map.entry("metadata", Set.of("errors", "config", "types", "query", "resultset", "systemtable")),
      Map.entry("driver", Set.of("errors", "config", "types", "query", "resultset", "systemtable", "metadata")),
      Map.entry("cli", Set.of("errors", "config", "arrow", "query", "driver", "local")),
      Map.entry("local", Set.of("errors", "arrow", "types", "spi", "h2")),
      Map.entry("spark", Set.of("errors", "config", "arrow", "types", "query")));

  /** Packages that must not use JDBC's types: everything beneath the JDBC layer. */
  private static final Set<String> WITHOUT_JAVA_SQL = Set.of("spi", "config", "arrow", "aws", "query", "spark");

  @Test
  void everyPackageUsesOnlyThePackagesBeneathIt() throws IOException {
    List<String> violations = new ArrayList<>();
    Set<String> seen = new TreeSet<>();
    for (Path file : sources()) {
      String pkg = SOURCES.relativize(file).getName(0).toString();
      seen.add(pkg);
      Set<String> allowed = ALLOWED.get(pkg);
      if (allowed == null) {
        violations.add(file + ": package '" + pkg + "' has no place in the layering; add it to this test");
        continue;
      }
      String code = withoutComments(Files.readString(file));
      Matcher m = PROJECT_PACKAGE.matcher(code);
      while (m.find()) {
        String used = m.group(1);
        if (!used.equals(pkg) && !used.equals("shaded") && !allowed.contains(used)) { // shaded: the jar's relocation prefix
          violations.add(SOURCES.relativize(file) + " uses " + used);
        }
      }
      if (WITHOUT_JAVA_SQL.contains(pkg) && code.contains("java.sql.")) {
        violations.add(SOURCES.relativize(file) + " uses java.sql, beneath the JDBC layer");
      }
    }
    assertEquals(List.of(), violations.stream().distinct().toList());
    assertTrue(seen.containsAll(Set.of("query", "driver", "local")), "the sources were not found: " + seen);
  }

  @Test
  void theErrorTypesOfTheLowerLayersDoNotNeedJdbc() throws IOException {
    for (String name : List.of("LakeFormationException.java", "SqlState.java")) {
      String code = withoutComments(Files.readString(SOURCES.resolve("errors").resolve(name)));
      assertTrue(!code.contains("java.sql."), name + " must not use java.sql");
    }
  }

  private static List<Path> sources() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }
  }

  private static String withoutComments(String code) {
    return code.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
  }
}
