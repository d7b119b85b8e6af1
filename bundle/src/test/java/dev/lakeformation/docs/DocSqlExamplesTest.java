package dev.lakeformation.docs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.lakeformation.ProjectFiles;
import dev.lakeformation.docs.MarkdownBlocks.CodeBlock;
import dev.lakeformation.docs.SqlExample.DocStatement;
import dev.lakeformation.jdbc.driver.LfConnection;
import dev.lakeformation.jdbc.driver.LocalFixture;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Every statement of the docs' {@code sql} blocks runs through the driver on LakeFormation Local,
 * in the {@code tpch} database (another database's table is named with it, as in
 * {@code types.all_types}), and every row is read; an SQLException fails the test. A query ID the
 * docs leave as a placeholder ({@link SqlExample}) is the ID of a query planned here first, so
 * that the system tables have a real query to show.
 *
 * <p>A marked SQL block ({@link SkipReason}) is excused from the statements that fail here, but
 * they are still tried: if every one of them runs, the marker is stale and the test fails.
 */
class DocSqlExamplesTest {
  private static Connection connection;
  private static String queryId;

  @BeforeAll
  static void planAQuery() throws Exception {
    connection = LocalFixture.shared().connect("Database=tpch");
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT * FROM region")) {
      readAll(rows);
    }
    queryId = connection.unwrap(LfConnection.class).recentQueryIds().get(0);
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
  }

  @TestFactory
  Stream<DynamicNode> everySqlExampleRunsOnLakeFormationLocal() throws IOException {
    return DocExamples.of(ProjectFiles.root()).sqlBlocks.stream().map(DocSqlExamplesTest::block);
  }

  private static DynamicNode block(CodeBlock block) {
    List<DocStatement> statements = SqlExample.statements(block);
    List<SkipReason> reasons = block.markers().stream().map(m -> SkipReason.ofMarker(m.text()))
        .flatMap(Optional::stream).toList();
    if (reasons.isEmpty()) {
      return dynamicContainer(block.where(), statements.stream()
          .map(s -> dynamicTest(s.where() + " " + s.sql().lines().findFirst().orElse(""), () -> runOrSay(s))));
    }
    return dynamicTest(block.where() + " (marked)", () -> {
      List<String> failures = new ArrayList<>();
      for (DocStatement statement : statements) {
        try {
          run(statement);
        } catch (SQLException e) {
          failures.add(statement.where() + ": " + e.getMessage());
        }
      }
      assertFalse(failures.isEmpty(), block.where() + ": every statement runs on LakeFormation Local, so "
          + reasons.stream().map(SkipReason::marker).toList() + " is stale; remove it");
      Assumptions.abort("not run (" + reasons.stream().map(r -> r.text).toList() + "): " + failures);
    });
  }

  private static void runOrSay(DocStatement statement) {
    try {
      run(statement);
    } catch (SQLException e) {
      throw new AssertionError(statement.where() + ": fails on LakeFormation Local (" + e.getSQLState() + ": "
          + e.getMessage() + "); fix the example (a query planned elsewhere is written '…' or '0123abcd-…', see"
          + " SqlExample), or mark its block with one of " + SkipReason.markers(), e);
    }
  }

  private static void run(DocStatement statement) throws SQLException {
    String sql = statement.withQueryId(queryId);
    try (Statement jdbc = statement.parameters() == 0 ? connection.createStatement() : connection.prepareStatement(sql)) {
      boolean rows;
      if (jdbc instanceof PreparedStatement prepared) {
        for (int i = 1; i <= statement.parameters(); i++) {
          prepared.setString(i, queryId);
        }
        rows = prepared.execute();
      } else {
        rows = jdbc.execute(sql);
      }
      if (rows) {
        try (ResultSet result = jdbc.getResultSet()) {
          readAll(result);
        }
      }
    }
  }

  /** Reads every value, so that a failure while fetching or converting is found too. */
  private static void readAll(ResultSet rows) throws SQLException {
    int columns = rows.getMetaData().getColumnCount();
    while (rows.next()) {
      for (int i = 1; i <= columns; i++) {
        rows.getObject(i);
      }
    }
  }
}
