package dev.lakeformation.spark.column;

import org.apache.spark.sql.types.DataTypes;

/**
 * Interval(DAY_TIME) columns (4 bytes of days, then 4 of milliseconds, both exact lengths) as
 * Spark's DayTimeIntervalType, a count of microseconds.
 */
final class DayTimeColumn extends FixedWidthColumn {
  private static final long MICROS_PER_DAY = 86_400_000_000L;

  DayTimeColumn() {
    super(DataTypes.createDayTimeIntervalType());
  }

  @Override
  public long getLong(int rowId) {
    long base = (long) rowId * 8;
    return data.getInt(base) * MICROS_PER_DAY + data.getInt(base + 4) * 1_000L;
  }
}
