package dev.lakeformation.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.ProjectFiles;
import dev.lakeformation.docs.MarkdownBlocks.CodeBlock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The docs show the examples/ projects exactly as they are, so that what a reader copies is what
 * the build runs (the maven-invoker-plugin builds each project against this build's artifacts).
 */
class ExampleProjectsDocTest {
  @Test
  void localServiceMdShowsTheUserTestProjectFileByFile() throws IOException {
    Path project = ProjectFiles.resolve("examples", "local-in-tests");
    List<CodeBlock> blocks = blocksOf("docs/local-service.md");
    for (Path file : List.of(project.resolve("pom.xml"),
        project.resolve("src/test/java/com/example/OrdersReportTest.java"))) {
      List<String> lines = Files.readAllLines(file);
      assertTrue(blocks.stream().anyMatch(b -> b.lines().equals(lines)),
          "docs/local-service.md must show " + ProjectFiles.root().relativize(file) + " as it is, in one code block");
    }
  }

  @Test
  void theReadmesSpringBootLinesAreTheExampleApplications() throws IOException {
    List<String> configured = Files.readAllLines(
        ProjectFiles.resolve("examples", "spring-boot", "src", "main", "resources", "application.properties"))
        .stream().filter(l -> l.startsWith("spring.datasource.")).toList();
    assertTrue(configured.size() == 2, configured.toString());
    assertTrue(blocksOf("README.md").stream().anyMatch(b -> b.language().equals("properties")
        && b.lines().equals(configured)), "README.md must show the example application's " + configured);
  }

  private static List<CodeBlock> blocksOf(String file) throws IOException {
    return MarkdownBlocks.project(ProjectFiles.root()).stream().filter(p -> p.file().equals(file)).findFirst()
        .orElseThrow().blocks();
  }
}
