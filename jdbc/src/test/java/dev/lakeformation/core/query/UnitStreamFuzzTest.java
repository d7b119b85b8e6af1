package dev.lakeformation.core.query;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.sql.SQLException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Coverage-guided fuzzing of the work-unit reader with Jazzer: whatever the bytes, reading them
 * ends in rows or an SQLException with SQLState 22000 or HY001, within the allocator's 64 MiB, with every buffer freed.
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
      UnitsInMemory.readAll(body, allocator);
    } catch (SQLException e) {
      // Corrupt input must be reported as bad data (22000), as too large for the memory limit
      // (HY001), or, where the bytes became valid Arrow the driver cannot read (big-endian, say),
      // as unsupported (0A000); anything else means a failure escaped the decoder's error mapping.
      if (!e.getSQLState().equals("22000") && !e.getSQLState().equals("HY001") && !e.getSQLState().equals("0A000")) {
        throw new AssertionError("unexpected SQLState " + e.getSQLState() + ": " + e, e);
      }
    } finally {
      allocator.close(); // throws if any buffer was left allocated
    }
  }
}
