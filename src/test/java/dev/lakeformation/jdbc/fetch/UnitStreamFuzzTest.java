package dev.lakeformation.jdbc.fetch;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.sql.SQLException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Coverage-guided fuzzing of the work-unit reader with Jazzer: whatever the bytes, reading them
 * ends in rows or an SQLException, within the allocator's 64 MiB, with every buffer freed.
 *
 * <p>{@code mvn verify} replays the seed corpus (UnitStreamFuzzTestInputs in test resources) and
 * any crash files; {@code JAZZER_FUZZ=1 mvn -B test -Dtest=UnitStreamFuzzTest} fuzzes (see
 * docs/reliability.md). Inputs it finds that fail are saved there and become regression tests.
 */
class UnitStreamFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void anyBodyEndsInRowsOrAnSqlExceptionAndFreesEverything(byte[] body) {
    BufferAllocator allocator = new RootAllocator(64L << 20);
    try {
      DecodedUnits.readAll(body, allocator);
    } catch (SQLException expected) {
      // corrupt input, reported as it should be
    } finally {
      allocator.close(); // throws if any buffer was left allocated
    }
  }
}
