package dev.lakeformation.spark.column;

import org.apache.arrow.vector.types.TimeUnit;
import org.apache.spark.sql.types.DataType;

/**
 * 64-bit counts of a time unit that Spark keeps as microseconds: timestamps with a zone
 * (TimestampType: microseconds since the epoch in UTC), timestamps without one (TimestampNTZType:
 * the same count read as a wall-clock time) and durations (DayTimeIntervalType). Nanoseconds are
 * floored to microseconds, Spark's finest unit; seconds and milliseconds are scaled up, and a value
 * beyond Spark's range (about 290,000 years) fails instead of wrapping.
 */
final class MicrosColumn extends FixedWidthColumn {
  private final TimeUnit unit;

  MicrosColumn(DataType type, TimeUnit unit) {
    super(type);
    this.unit = unit;
  }

  @Override
  public long getLong(int rowId) {
    long value = data.getLong((long) rowId * 8);
    return switch (unit) {
      case MICROSECOND -> value;
      case NANOSECOND -> Math.floorDiv(value, 1_000L);
      case MILLISECOND -> scaled(value, 1_000L);
      case SECOND -> scaled(value, 1_000_000L);
    };
  }

  private long scaled(long value, long factor) {
    try {
      return Math.multiplyExact(value, factor);
    } catch (ArithmeticException e) {
      throw new ArithmeticException("The value " + value + " (" + unit + "S) of column " + vector.getName()
          + " is beyond Spark's range of microseconds.");
    }
  }
}
