package dev.lakeformation.spark.column;

import org.apache.spark.sql.types.DataTypes;

/** Date(MILLISECOND) columns: Spark keeps dates as days since the epoch, so milliseconds are floored to days. */
final class DateMillisColumn extends FixedWidthColumn {
  private static final long MILLIS_PER_DAY = 86_400_000L;

  DateMillisColumn() {
    super(DataTypes.DateType);
  }

  @Override
  public int getInt(int rowId) {
    return Math.toIntExact(Math.floorDiv(data.getLong((long) rowId * 8), MILLIS_PER_DAY));
  }
}
