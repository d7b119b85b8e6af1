package dev.lakeformation.jdbc.resultset.accessor;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Calendar;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;

/**
 * DateDay (days since the epoch) and DateMilli vectors. A date is a calendar day, not an
 * instant: it reads as that day in the JVM's zone, or in the zone of the Calendar given.
 */
final class DateAccessor extends FixedWidthAccessor {
  private boolean days;

  DateAccessor(String columnName) {
    super(columnName);
  }

  @Override
  public void bind(FieldVector vector) {
    super.bind(vector);
    this.days = vector instanceof DateDayVector;
  }

  LocalDate localDate(int row) {
    long epochDay = days ? data.getInt((long) row * 4) : Math.floorDiv(data.getLong((long) row * 8), 86_400_000L);
    return LocalDate.ofEpochDay(epochDay);
  }

  @Override
  public Object getObject(int row) {
    return Date.valueOf(localDate(row));
  }

  @Override
  public String getString(int row) {
    return localDate(row).toString();
  }

  @Override
  public Date getDate(int row, Calendar calendar) {
    if (calendar == null) {
      return Date.valueOf(localDate(row));
    }
    return new Date(localDate(row).atStartOfDay(calendar.getTimeZone().toZoneId()).toInstant().toEpochMilli());
  }

  @Override
  public Timestamp getTimestamp(int row, Calendar calendar) {
    ZoneId zone = calendar == null ? ZoneId.systemDefault() : calendar.getTimeZone().toZoneId();
    return Timestamp.from(localDate(row).atStartOfDay(zone).toInstant());
  }

  @Override
  protected String describe() {
    return "date";
  }
}
