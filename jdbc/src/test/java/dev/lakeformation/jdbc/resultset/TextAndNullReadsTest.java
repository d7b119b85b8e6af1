package dev.lakeformation.jdbc.resultset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

/**
 * Short text is handed out from a per-column cache keyed by the value's length and words read
 * straight from the batch, and a column without nulls in a batch is not asked about each row:
 * neither may ever change what a getter returns.
 */
class TextAndNullReadsTest {
  /**
   * Values that share words with each other: every length up to past the cached limit, a value
   * and the same value with a NUL added, values that differ only in their last byte or only in
   * the word that overlaps the one before it, the empty string, and multi-byte UTF-8.
   */
  private static List<String> lookalikes() {
    List<String> values = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (int length = 0; length <= 30; length++) {
      values.add(text.toString());
      values.add(text + "\0");
      values.add(text + "x");
      text.append((char) ('a' + length % 26));
    }
    values.add("abcdefgh" + "ijklmnop" + "q");
    values.add("abcdefgh" + "ijklmnop" + "r");
    values.add("abcdefghi");
    values.add("abcdefghj");
    values.add("\0\0\0\0\0\0\0\0\0");
    values.add("\0\0\0\0\0\0\0\0");
    values.add("é");
    values.add("日本語のテキスト");
    values.add("日本語のテキスト!");
    values.add("naïve café");
    return values;
  }

  @Test
  void repeatedShortTextReadsBackExactlyWhateverItsWordsHaveInCommon() throws Exception {
    List<String> values = lookalikes();
    int rows = 20_000;
    try (BufferAllocator allocator = new RootAllocator()) {
      VarCharVector text = new VarCharVector("text", allocator);
      LargeVarCharVector large = new LargeVarCharVector("large", allocator);
      for (int row = 0; row < rows; row++) {
        // A stride prime to the list's length visits the values in a mixed order.
        byte[] bytes = values.get((int) ((row * 7919L) % values.size())).getBytes(StandardCharsets.UTF_8);
        text.setSafe(row, bytes);
        large.setSafe(row, bytes);
      }
      text.setValueCount(rows);
      large.setValueCount(rows);
      try (ResultSet rs = resultOf(rows, text, large)) {
        for (int row = 0; row < rows; row++) {
          assertTrue(rs.next());
          String expected = values.get((int) ((row * 7919L) % values.size()));
          assertEquals(expected, rs.getString(1), "row " + row);
          assertEquals(expected, rs.getString(2), "row " + row + ", large");
          assertFalse(rs.wasNull());
        }
        assertFalse(rs.next());
      }
    }
  }

  /**
   * Below four bytes a value's word is its bytes zero-extended, so "ab" and "ab\0" have the same
   * word and differ only in length. Each value repeats, one after the other, so that the cache
   * stays on (it turns itself off when it mostly misses).
   */
  @Test
  void textThatDiffersOnlyInTrailingNulsIsNeverMistakenForEachOther() throws Exception {
    List<String> rowsInOrder = new ArrayList<>();
    List<String[]> families = new ArrayList<>();
    for (char c = 1; c < 128; c++) {
      families.add(new String[] {"" + c, c + "\0", c + "\0\0"});
    }
    for (char a = 'a'; a <= 'z'; a++) {
      for (char b = 'a'; b <= 'z'; b++) {
        families.add(new String[] {"" + a + b, "" + a + b + "\0"});
      }
    }
    for (String[] family : families) {
      for (String value : family) {
        rowsInOrder.addAll(List.of(value, value, value));
      }
      rowsInOrder.add(family[0]);
    }
    try (BufferAllocator allocator = new RootAllocator()) {
      VarCharVector text = new VarCharVector("text", allocator);
      for (int row = 0; row < rowsInOrder.size(); row++) {
        text.setSafe(row, rowsInOrder.get(row).getBytes(StandardCharsets.UTF_8));
      }
      text.setValueCount(rowsInOrder.size());
      try (ResultSet rs = resultOf(rowsInOrder.size(), text)) {
        for (String expected : rowsInOrder) {
          assertTrue(rs.next());
          assertEquals(expected, rs.getString(1));
        }
      }
    }
  }

  @Test
  void shortTextThatNeverRepeatsReadsBackExactly() throws Exception {
    int rows = 20_000;
    try (BufferAllocator allocator = new RootAllocator()) {
      VarCharVector text = new VarCharVector("text", allocator);
      for (int row = 0; row < rows; row++) {
        text.setSafe(row, ("v" + row).getBytes(StandardCharsets.UTF_8));
      }
      text.setValueCount(rows);
      try (ResultSet rs = resultOf(rows, text)) {
        for (int row = 0; row < rows; row++) {
          assertTrue(rs.next());
          assertEquals("v" + row, rs.getString(1));
        }
      }
    }
  }

  @Test
  void nullsAreSeenInAColumnThatHasThemBesideOneThatHasNone() throws Exception {
    int rows = 1_000;
    try (BufferAllocator allocator = new RootAllocator()) {
      BigIntVector sometimes = new BigIntVector("sometimes", allocator);
      BigIntVector never = new BigIntVector("never", allocator);
      VarCharVector text = new VarCharVector("text", allocator);
      sometimes.allocateNew(rows);
      never.allocateNew(rows);
      for (int row = 0; row < rows; row++) {
        if (row % 3 != 0) {
          sometimes.set(row, row);
          text.setSafe(row, "t".getBytes(StandardCharsets.UTF_8));
        }
        never.set(row, -row);
      }
      sometimes.setValueCount(rows);
      never.setValueCount(rows);
      text.setValueCount(rows);
      try (ResultSet rs = resultOf(rows, sometimes, never, text)) {
        for (int row = 0; row < rows; row++) {
          assertTrue(rs.next());
          assertEquals(row % 3 == 0 ? 0 : row, rs.getLong(1));
          assertEquals(row % 3 == 0, rs.wasNull(), "row " + row);
          assertEquals(-row, rs.getLong(2));
          assertFalse(rs.wasNull());
          if (row % 3 == 0) {
            assertNull(rs.getString(3));
            assertTrue(rs.wasNull());
          } else {
            assertEquals("t", rs.getString(3));
          }
        }
      }
    }
  }

  private static ResultSet resultOf(int rows, FieldVector... vectors) throws Exception {
    List<FieldVector> columns = List.of(vectors);
    VectorSchemaRoot root = new VectorSchemaRoot(columns.stream().map(FieldVector::getField).toList(), columns, rows);
    return new ArrowResultSet(new OneBatch(root), null, Long.MAX_VALUE, () -> { });
  }
}
