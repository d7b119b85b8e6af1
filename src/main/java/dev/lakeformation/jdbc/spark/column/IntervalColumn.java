package dev.lakeformation.jdbc.spark.column;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.unsafe.types.CalendarInterval;

/**
 * Arrow's two composite intervals. Interval(DAY_TIME) (days and milliseconds, both exact lengths)
 * is a DayTimeIntervalType of microseconds; Interval(MONTH_DAY_NANO) mixes months, days and
 * nanoseconds, which only Spark's CalendarIntervalType holds side by side (nanoseconds floored to
 * microseconds). Interval(YEAR_MONTH) is a plain int of months (see {@link SignedIntColumn}).
 */
final class IntervalColumn extends FixedWidthColumn {
  private static final long MICROS_PER_DAY = 86_400_000_000L;

  private IntervalColumn(DataType type) {
    super(type);
  }

  static IntervalColumn dayTime() {
    return new IntervalColumn(DataTypes.createDayTimeIntervalType());
  }

  static IntervalColumn monthDayNano() {
    return new IntervalColumn(DataTypes.CalendarIntervalType);
  }

  /** Interval(DAY_TIME): 4 bytes of days, then 4 of milliseconds. */
  @Override
  public long getLong(int rowId) {
    long base = (long) rowId * 8;
    return data.getInt(base) * MICROS_PER_DAY + data.getInt(base + 4) * 1_000L;
  }

  /** Interval(MONTH_DAY_NANO): 4 bytes of months, 4 of days, 8 of nanoseconds. */
  @Override
  public CalendarInterval getInterval(int rowId) {
    if (isNullAt(rowId)) {
      return null;
    }
    long base = (long) rowId * 16;
    return new CalendarInterval(data.getInt(base), data.getInt(base + 4),
        Math.floorDiv(data.getLong(base + 8), 1_000L));
  }
}
