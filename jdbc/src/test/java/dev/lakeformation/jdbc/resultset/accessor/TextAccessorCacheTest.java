package dev.lakeformation.jdbc.resultset.accessor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.Test;

/**
 * A text column's cache of short values is keyed by the value's length and its words: two values
 * that land in the same slot and differ in only one part of the key are told apart, whichever
 * part it is. The pairs are found by searching for values that share a slot, so that every part
 * of the key comparison is exercised.
 */
class TextAccessorCacheTest {
  /** Two different values of one slot whose keys differ in one part only. */
  private record Pair(String what, String a, String b) {}

  @Test
  void valuesOfOneSlotThatDifferInOnePartOfTheirKeyAreToldApart() throws Exception {
    List<Pair> pairs = List.of(
        // Length 8: one word, the first.
        sameSlot("the first word", i -> "prefix" + twoLetters(i)),
        // Length 12: the first word is bytes 0..8, the second bytes 4..12; only the last four differ.
        sameSlot("the second word", i -> "fixed8by" + twoLetters(i) + "zz"),
        // Length 20: words at 0, 8 and 12; only the last four bytes differ.
        sameSlot("the third word", i -> "sixteen bytes ok" + twoLetters(i) + "zz"),
        // Lengths 9 and 10 of one letter after another repeated: the same two words, as the
        // second word ends at the value's end.
        sameSlotOtherLength());
    for (Pair pair : pairs) {
      assertReadBack(pair);
    }
  }

  /**
   * Reads a, then b, each followed by two reads of a third value that always hits, so that the
   * cache stays on (it turns itself off when fewer than half of its lookups hit) and a and b keep
   * taking the slot from each other.
   */
  private static void assertReadBack(Pair pair) throws Exception {
    String steady = "steady";
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      rows.addAll(List.of(pair.a(), steady, steady, pair.b(), steady, steady));
    }
    try (BufferAllocator allocator = new RootAllocator(); VarCharVector vector = text(allocator, rows)) {
      assertNotEquals(slotOf(vector, 0), slotOf(vector, 1), "the steady value has a slot of its own");
      assertNotEquals(slotOf(vector, 3), slotOf(vector, 1), "the steady value has a slot of its own");
      TextAccessor accessor = new TextAccessor("t");
      accessor.bind(vector);
      for (int row = 0; row < rows.size(); row++) {
        assertEquals(rows.get(row), accessor.getString(row), pair.what() + ", row " + row);
      }
      // Still on after its trial: the steady value comes back as the very same String.
      int last = rows.size() - 1;
      assertSame(accessor.getString(last - 1), accessor.getString(last), "the cache stayed on");
    }
  }

  /** Two values {@code candidates} makes that share a slot. */
  private static Pair sameSlot(String what, IntFunction<String> candidates) throws Exception {
    try (BufferAllocator allocator = new RootAllocator()) {
      List<String> values = new ArrayList<>();
      for (int i = 0; i < 26 * 26; i++) {
        values.add(candidates.apply(i));
      }
      try (VarCharVector vector = text(allocator, values)) {
        for (int i = 1; i < values.size(); i++) {
          if (slotOf(vector, i) == slotOf(vector, 0)) {
            return new Pair(what, values.get(0), values.get(i));
          }
        }
      }
    }
    throw new AssertionError("no two candidates share a slot: " + what);
  }

  /** "x" and eight, then nine, of "a": lengths 9 and 10 with the same words, in one slot. */
  private static Pair sameSlotOtherLength() throws Exception {
    try (BufferAllocator allocator = new RootAllocator()) {
      for (char x = 'A'; x <= 'z'; x++) {
        for (char a = 'A'; a <= 'z'; a++) {
          String nine = x + String.valueOf(a).repeat(8);
          String ten = x + String.valueOf(a).repeat(9);
          try (VarCharVector vector = text(allocator, List.of(nine, ten))) {
            long[] keyNine = keyOf(vector, 0);
            long[] keyTen = keyOf(vector, 1);
            assertEquals(keyNine[1], keyTen[1]);
            assertEquals(keyNine[2], keyTen[2]);
            if (slotOf(vector, 0) == slotOf(vector, 1)) {
              return new Pair("the length", nine, ten);
            }
          }
        }
      }
    }
    throw new AssertionError("no two values of lengths 9 and 10 with the same words share a slot");
  }

  private static long[] keyOf(VarCharVector vector, int row) {
    long address = vector.getDataBuffer().memoryAddress() + vector.getStartOffset(row);
    int length = vector.getValueLength(row);
    return new long[] {length, TextAccessor.word(address, length, 0),
        length > 8 ? TextAccessor.word(address, length, 1) : 0,
        length > 16 ? TextAccessor.word(address, length, 2) : 0};
  }

  private static int slotOf(VarCharVector vector, int row) {
    long[] key = keyOf(vector, row);
    return TextAccessor.slot((int) key[0], key[1], key[2], key[3]);
  }

  private static String twoLetters(int i) {
    return "" + (char) ('a' + i / 26) + (char) ('a' + i % 26);
  }

  private static VarCharVector text(BufferAllocator allocator, List<String> values) {
    VarCharVector vector = new VarCharVector("t", allocator);
    for (int row = 0; row < values.size(); row++) {
      vector.setSafe(row, values.get(row).getBytes(StandardCharsets.UTF_8));
    }
    vector.setValueCount(values.size());
    assertNotNull(vector.getDataBuffer());
    return vector;
  }
}
