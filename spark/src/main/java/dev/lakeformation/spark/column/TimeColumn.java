package dev.lakeformation.spark.column;

import java.time.LocalTime;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Time-of-day columns. Spark 4.0 has no time type, so a time is text in ISO-8601 form with the
 * fraction digits of its unit, always all of them ({@code 13:45:30.123456} for microseconds,
 * {@code 00:00:00.000000} at midnight): every value of a column has the same width, so the text
 * sorts and compares as the times do.
 */
final class TimeColumn extends FixedWidthColumn {
  private final TimeUnit unit;
  private final long nanosPerUnit;
  private final int fractionDigits;

  TimeColumn(ArrowType.Time type) {
    super(DataTypes.StringType);
    this.unit = type.getUnit();
    this.nanosPerUnit = switch (unit) {
      case SECOND -> 1_000_000_000L;
      case MILLISECOND -> 1_000_000L;
      case MICROSECOND -> 1_000L;
      case NANOSECOND -> 1L;
    };
    this.fractionDigits = switch (unit) {
      case SECOND -> 0;
      case MILLISECOND -> 3;
      case MICROSECOND -> 6;
      case NANOSECOND -> 9;
    };
  }

  @Override
  public UTF8String getUTF8String(int rowId) {
    boolean wide = unit == TimeUnit.MICROSECOND || unit == TimeUnit.NANOSECOND; // 64 bits, else 32
    long units = wide ? data.getLong((long) rowId * 8) : data.getInt((long) rowId * 4);
    LocalTime time = LocalTime.ofNanoOfDay(units * nanosPerUnit);
    StringBuilder text = new StringBuilder(18);
    two(text, time.getHour()).append(':');
    two(text, time.getMinute()).append(':');
    two(text, time.getSecond());
    if (fractionDigits > 0) {
      String nanos = Integer.toString(1_000_000_000 + time.getNano()); // "1" and nine digits
      text.append('.').append(nanos, 1, 1 + fractionDigits);
    }
    return UTF8String.fromString(text.toString());
  }

  private static StringBuilder two(StringBuilder text, int value) {
    return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }
}
