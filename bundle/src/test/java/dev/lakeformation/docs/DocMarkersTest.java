package dev.lakeformation.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.ProjectFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Before anything runs (and without the jar): every shell command of the docs either runs in
 * DocShellExamplesIT or is excused by a marker whose reason covers it, and every marker is known,
 * in its place and needed. A new example that cannot run here fails the build until it is made
 * runnable or marked.
 */
class DocMarkersTest {
  @Test
  void everyCommandRunsOrIsMarkedAndEveryMarkerIsNeeded() throws Exception {
    DocExamples examples = DocExamples.of(ProjectFiles.root());
    assertTrue(examples.problems.isEmpty(), "the docs' examples:\n" + String.join("\n", examples.problems));
  }
}
