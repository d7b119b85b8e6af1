package dev.lakeformation.jdbc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryTest {
  @TempDir
  Path directory;

  @Test
  void statementsAreKeptAcrossSessionsAndCanBeRunAgain() {
    Path file = directory.resolve("history");
    History first = new History(file);
    first.add("SELECT 1\nFROM region");
    first.add("SELECT 2");
    History second = new History(file);
    assertEquals(List.of("SELECT 1 FROM region", "SELECT 2"), second.entries());

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    assertEquals("SELECT 1 FROM region", second.expand("!1", out));
    assertEquals("SELECT 2", second.expand("!!", out));
    assertNull(second.expand("!9", out));
    assertNull(second.expand("\\history", out));
    assertEquals("SELECT 3", second.expand("SELECT 3", out));
    assertEquals("""
        SELECT 1 FROM region
        SELECT 2
        no history entry 9 (\\history lists them)
           1  SELECT 1 FROM region
           2  SELECT 2
        """, bytes.toString(StandardCharsets.UTF_8).replace("\r", ""));
  }

  @Test
  void onlyTheLastEntriesAreKept() {
    History history = new History(directory.resolve("long"));
    for (int i = 0; i < History.KEPT + 10; i++) {
      history.add("SELECT " + i);
    }
    assertEquals(History.KEPT, new History(directory.resolve("long")).entries().size());
    assertEquals("SELECT 10", history.entries().get(0));
  }
}
