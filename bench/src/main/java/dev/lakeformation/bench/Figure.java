package dev.lakeformation.bench;

/**
 * One line of the benchmark report: what was measured, the baseline measured in the same run,
 * their ratio (higher is better for the driver), the target ratio and whether it was met. A
 * target of zero marks a line given for information, which has nothing to meet.
 */
record Figure(String name, String measured, String baseline, double ratio, double target) {
  /** The same line, given for information. */
  Figure forInformation() {
    return new Figure(name, measured, baseline, ratio, 0);
  }

  boolean passed() {
    return ratio >= target;
  }

  String row() {
    if (target == 0) {
      return String.format("| %s | %s | %s | %.2f | (information) | |", name, measured, baseline, ratio);
    }
    return String.format("| %s | %s | %s | %.2f | ≥ %.2f | %s |", name, measured, baseline, ratio, target,
        passed() ? "pass" : "MISS");
  }
}
