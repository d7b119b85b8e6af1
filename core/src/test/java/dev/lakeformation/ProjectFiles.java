package dev.lakeformation;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files of the project itself (docs, README, other modules' sources), for tests that check them.
 * Maven runs each module's tests in the module's directory, one level below the project's root.
 */
public final class ProjectFiles {
  private ProjectFiles() {}

  /** The project's root directory: the one with README.md and docs/. */
  public static Path root() {
    Path root = Path.of("").toAbsolutePath().getParent();
    if (root == null || !Files.isRegularFile(root.resolve("README.md")) || !Files.isDirectory(root.resolve("docs"))) {
      throw new IllegalStateException("Run the tests with Maven from the project: " + Path.of("").toAbsolutePath()
          + " is not a module directory of lakeformation-jdbc");
    }
    return root;
  }

  /** A file or directory under the project's root, such as {@code resolve("docs", "properties.md")}. */
  public static Path resolve(String first, String... more) {
    return root().resolve(Path.of(first, more));
  }
}
