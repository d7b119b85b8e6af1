package dev.lakeformation.core.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Where the JVM's ceiling on rows fetched ahead comes from: the system property, or half the heap. */
class MemoryCeilingTest {
  private static final long GB = 1L << 30;
  private static final long MB = 1L << 20;

  @Test
  void byDefaultItIsHalfTheMaximumHeap() {
    assertEquals(2 * GB, MemoryCeiling.limitFrom(null, 4 * GB));
    assertEquals(128 * MB, MemoryCeiling.limitFrom("", 256 * MB));
    assertEquals(GB, MemoryCeiling.limitFrom(null, Long.MAX_VALUE), "a JVM without a heap limit gets 1 GB");
  }

  @Test
  void theSystemPropertyTakesBytesOrASuffixAsMaxBufferBytesDoes() {
    assertEquals(512 * MB, MemoryCeiling.limitFrom("512MB", 4 * GB));
    assertEquals(3 * GB, MemoryCeiling.limitFrom(" 3gb ", 256 * MB));
    assertEquals(64 * MB, MemoryCeiling.limitFrom(String.valueOf(64 * MB), 4 * GB));
  }

  @Test
  void itIsNeverUnder16MbAndANonsenseValueFallsBackToTheDefault() {
    assertEquals(16 * MB, MemoryCeiling.limitFrom(null, 8 * MB));
    assertEquals(16 * MB, MemoryCeiling.limitFrom("1MB", 4 * GB));
    assertEquals(2 * GB, MemoryCeiling.limitFrom("lots", 4 * GB));
  }

  @Test
  void eachOpenStreamGetsAnEqualShare() {
    MemoryCeiling ceiling = new MemoryCeiling(120 * MB);
    assertEquals(120 * MB, ceiling.share(), "with no stream open, one would get it all");
  }
}
