package dev.lakeformation.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The Maven artifacts users depend on, as packaged: each holds the classes of its own layer and
 * nothing else (no library copied in, no class of another module), and names its module for the
 * module path.
 */
class ModuleJarsIT {
  /** Each artifact, its module name, and the class folders it may hold. */
  private static final Map<String, List<String>> OWN_PACKAGES = Map.of(
      "lakeformation-core", List.of("dev.lakeformation.core", "dev/lakeformation/api/", "dev/lakeformation/core/"),
      "lakeformation-local", List.of("dev.lakeformation.local", "dev/lakeformation/local/"),
      "lakeformation-jdbc", List.of("dev.lakeformation.jdbc", "dev/lakeformation/jdbc/"),
      "lakeformation-cli", List.of("dev.lakeformation.cli", "dev/lakeformation/cli/"),
      "lakeformation-spark", List.of("dev.lakeformation.spark", "dev/lakeformation/spark/"));

  @Test
  void eachArtifactHoldsItsOwnLayerAndNamesItsModule() throws IOException {
    Map<String, Path> jars = new TreeMap<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String name = Path.of(entry).getFileName().toString();
      String artifact = name.replaceFirst("-\\d[^-]*\\.jar$", "");
      if (OWN_PACKAGES.containsKey(artifact)) {
        jars.put(artifact, Path.of(entry));
      }
    }
    assertEquals(OWN_PACKAGES.keySet(), jars.keySet(), "the packaged artifacts on the test class path");
    for (Map.Entry<String, Path> jar : jars.entrySet()) {
      List<String> expected = OWN_PACKAGES.get(jar.getKey());
      List<String> foreign = new ArrayList<>();
      try (JarFile file = new JarFile(jar.getValue().toFile())) {
        for (JarEntry entry : file.stream().toList()) {
          String name = entry.getName();
          if (name.endsWith(".class") && expected.subList(1, expected.size()).stream().noneMatch(name::startsWith)) {
            foreign.add(name);
          }
        }
        assertEquals(List.of(), foreign, jar.getKey() + " holds classes of another layer");
        assertEquals(expected.get(0), file.getManifest().getMainAttributes().getValue("Automatic-Module-Name"),
            jar.getKey());
      }
    }
  }
}
