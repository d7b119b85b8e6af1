package dev.lakeformation.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.ProjectFiles;
import dev.lakeformation.jdbc.driver.LocalFixture;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The Arrow API example runs, gives H2's answer, and is the code docs/arrow-api.md shows. */
class ParallelSumTest {
  @Test
  void sumsAColumnOfOneQueryOnFourThreadsAsH2Does() throws Exception {
    LocalFixture fixture = LocalFixture.shared();
    BigDecimal sum = ParallelSum.sum(fixture.url("Database=tpch"), "SELECT * FROM lineitem", "l_extendedprice", 4);
    try (Connection h2 = fixture.h2("tpch"); Statement s = h2.createStatement();
        ResultSet rs = s.executeQuery("SELECT SUM(l_extendedprice) FROM lineitem")) {
      rs.next();
      assertEquals(0, rs.getBigDecimal(1).compareTo(sum), rs.getBigDecimal(1) + " vs " + sum);
    }
  }

  @Test
  void theDocsShowThisExactCode() throws Exception {
    String source = Files.readString(Path.of("src/test/java/dev/lakeformation/examples/ParallelSum.java"),
        StandardCharsets.UTF_8);
    String docs = Files.readString(ProjectFiles.resolve("docs", "arrow-api.md"), StandardCharsets.UTF_8);
    String method = source.substring(source.indexOf("  static BigDecimal sum("), source.lastIndexOf("  }\n}") + 4);
    assertTrue(docs.contains(method), "docs/arrow-api.md must show ParallelSum.sum exactly as it is");
  }
}
