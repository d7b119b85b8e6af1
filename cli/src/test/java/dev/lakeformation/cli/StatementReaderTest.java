package dev.lakeformation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementReaderTest {
  private static List<String> split(String input) throws IOException {
    StatementReader reader = new StatementReader(new StringReader(input));
    List<String> statements = new ArrayList<>();
    String statement;
    while ((statement = reader.next()) != null) {
      statements.add(statement);
    }
    return statements;
  }

  @Test
  void semicolonsInQuotesAndCommentsDoNotEndAStatement() throws IOException {
    assertEquals(List.of("SELECT 'a;b', \"c;d\" FROM t", "SELECT 2\n FROM u", "SELECT 3"),
        split("SELECT 'a;b', \"c;d\" FROM t; -- not here; nor here\nSELECT 2\n FROM u;\nSELECT 3"));
  }

  @Test
  void commandsEndAtTheEndOfTheirLine() throws IOException {
    assertEquals(List.of("\\history", "!2", "SELECT 1", "quit"), split("\\history\n!2\nSELECT 1;\nquit\n"));
  }

  @Test
  void emptyStatementsAndTrailingBlanks() throws IOException {
    assertEquals(List.of("", "SELECT 1"), split(";\n  SELECT 1;  \n  "));
  }

  @Test
  void whatWasTypedIsCompleteOnceEveryStatementIsEnded() {
    for (String complete : new String[] {"SELECT 1;", "SELECT 1; SELECT 2;", "SELECT 'a;b'\n FROM t;", "", "  ",
        "-- only a comment", "SELECT 1; -- and a comment", "\\d region", "!3", "quit", "SELECT 1;\n\\dn"}) {
      assertTrue(StatementReader.isComplete(complete), complete);
    }
    for (String open : new String[] {"SELECT 1", "SELECT 1; SELECT", "SELECT 'a;", "SELECT 1 -- ;", "SELECT \"x;"}) {
      assertFalse(StatementReader.isComplete(open), open);
    }
  }
}
