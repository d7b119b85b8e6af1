package dev.lakeformation.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lakeformation.ProjectFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PropertyDocsTest {
  private static final Path DOC = ProjectFiles.resolve("docs", "properties.md");

  @Test
  void theReferenceInDocsIsGeneratedFromTheRegistry() throws Exception {
    String generated = PropertyDocs.markdown();
    if (Boolean.getBoolean("updateDocs")) {
      Files.writeString(DOC, generated, StandardCharsets.UTF_8);
    }
    assertEquals(generated, Files.readString(DOC, StandardCharsets.UTF_8),
        "docs/properties.md is out of date: run mvn -B test -pl core -Dtest=PropertyDocsTest -DupdateDocs=true");
  }
}
