package dev.lakeformation.jdbc.resultset.accessor;

import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Calendar;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;

/** Time vectors of every unit (seconds and milliseconds in 32 bits, micro- and nanoseconds in 64). */
final class TimeAccessor extends FixedWidthAccessor {
  private final long nanosPerUnit;
  private final boolean wide;

  TimeAccessor(String columnName, ArrowType.Time type) {
    super(columnName);
    this.nanosPerUnit = Units.nanosPer(type.getUnit());
    this.wide = type.getUnit() == TimeUnit.MICROSECOND || type.getUnit() == TimeUnit.NANOSECOND;
  }

  LocalTime localTime(int row) {
    long units = wide ? longAt(row) : intAt(row);
    return LocalTime.ofNanoOfDay(units * nanosPerUnit);
  }

  /** java.sql.Time keeps milliseconds; the full precision is in getObject(i, LocalTime.class). */
  @Override
  public Object getObject(int row) {
    return SqlDateTimes.time(localTime(row), ZoneId.systemDefault());
  }

  @Override
  public String getString(int row) {
    return Units.formatTime(localTime(row));
  }

  @Override
  public Time getTime(int row, Calendar calendar) {
    return SqlDateTimes.time(localTime(row), zone(calendar));
  }

  /** The time on 1970-01-01, the day java.sql.Time stands on, to the nanosecond. */
  @Override
  public Timestamp getTimestamp(int row, Calendar calendar) {
    return SqlDateTimes.timestamp(LocalDate.EPOCH.atTime(localTime(row)), zone(calendar));
  }

  private static ZoneId zone(Calendar calendar) {
    return calendar == null ? ZoneId.systemDefault() : calendar.getTimeZone().toZoneId();
  }

  @Override
  protected String describe() {
    return "time";
  }
}
