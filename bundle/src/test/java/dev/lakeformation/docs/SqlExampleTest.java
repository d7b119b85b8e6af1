package dev.lakeformation.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lakeformation.docs.MarkdownBlocks.CodeBlock;
import dev.lakeformation.docs.SqlExample.DocStatement;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlExampleTest {
  @Test
  void statementsEndAtSemicolonsOutsideQuotesAndCommentsAndKeepTheirLines() {
    List<DocStatement> statements = SqlExample.statements(new CodeBlock("a.md", 10, "sql", List.of(
        "SELECT ';' AS \"a;b\" -- c;d", "FROM t; /* ; */ SELECT ? FROM t WHERE x = ?;   -- PreparedStatement",
        "", "SELECT '?'"), List.of()));
    assertEquals(List.of(new DocStatement("a.md", 11, "SELECT ';' AS \"a;b\" \nFROM t", 0),
        new DocStatement("a.md", 12, "SELECT ? FROM t WHERE x = ?", 2),
        new DocStatement("a.md", 14, "SELECT '?'", 0)), statements);
  }

  @Test
  void queryIdPlaceholdersBecomeTheGivenId() {
    DocStatement statement = new DocStatement("a.md", 1,
        "SELECT * FROM q WHERE id IN ('…', '0123abcd-0000-0000-0000-000000000000', '0123abcd-…') AND s = 'x…'", 0);
    assertEquals("SELECT * FROM q WHERE id IN ('id-1', 'id-1', 'id-1') AND s = 'x…'", statement.withQueryId("id-1"));
  }
}
