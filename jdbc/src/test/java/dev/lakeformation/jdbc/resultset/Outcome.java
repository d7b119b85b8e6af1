package dev.lakeformation.jdbc.resultset;

/** What one getter is expected to give on one non-null value. */
sealed interface Outcome {
  /** The conversion the driver does not make: any SQLException of class 22 or 0A will do. */
  Outcome REFUSED = new Refused();

  static Outcome value(Object expected) {
    return new Value(expected);
  }

  static Outcome fails(String sqlState) {
    return new Fails(sqlState);
  }

  /** The getter returns this, in the form {@link Normal} puts results in. */
  record Value(Object expected) implements Outcome {}

  /**
   * The conversion is made, but this value cannot be converted: it fails with exactly this
   * SQLState (22003 does not fit, 22018 text that is not a number or boolean, 22007 text that is
   * not the date or time asked for).
   */
  record Fails(String sqlState) implements Outcome {}

  record Refused() implements Outcome {}
}
