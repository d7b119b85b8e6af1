package dev.lakeformation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lakeformation.api.QueryProgress;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
  @Test
  void saysUnitsDoneOfKnownRowsAndThroughput() {
    Locale saved = Locale.getDefault();
    Locale.setDefault(Locale.US);
    try {
      assertEquals("3/8+ work units, 1,234,567 rows, 12.5 MB/s",
          ProgressLine.describe(new QueryProgress.Snapshot(3, 8, false, 1_234_567, 25_000_000, 0), 2.0));
      assertEquals("8/8 work units, 0 rows, 0.0 MB/s",
          ProgressLine.describe(new QueryProgress.Snapshot(8, 8, true, 0, 0, 0), 0));
    } finally {
      Locale.setDefault(saved);
    }
  }
}
