package dev.lakeformation.jdbc.resultset.accessor;

import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.GregorianCalendar;
import java.util.TimeZone;

/**
 * java.sql.Date, Time and Timestamp values of a wall clock placed in a zone, so that they show
 * that wall clock again: in {@code toString()}, {@code toLocalDate()}, {@code toLocalDateTime()},
 * as JDBC's own {@code Date.valueOf(LocalDate)} defines it.
 *
 * <p>java.sql reads its values through java.util's calendar, which is Julian before 1582-10-15
 * and whose zones keep no offset older than 1900 (java.time's keep each place's local mean
 * time). From 1900 on the two agree, and the fast java.time arithmetic is used; before, the
 * value is built through java.util's calendar itself, so that year 1 reads as year 1.
 */
final class SqlDateTimes {
  private SqlDateTimes() {}

  /** 1900-01-01, from which java.time and java.util place every wall clock at the same instant. */
  static final long MODERN_EPOCH_DAY = LocalDate.of(1900, 1, 1).toEpochDay();

  /** The day at its first instant in {@code zone} (midnight, or later where midnight was skipped). */
  static Date date(LocalDate day, ZoneId zone) {
    if (day.toEpochDay() >= MODERN_EPOCH_DAY) {
      return new Date(day.atStartOfDay(zone).toInstant().toEpochMilli());
    }
    return new Date(legacyMillis(day.atStartOfDay(), zone));
  }

  /** The time on 1970-01-01 in {@code zone}, to the millisecond (all a Time keeps). */
  static Time time(LocalTime time, ZoneId zone) {
    return new Time(LocalDate.EPOCH.atTime(time).atZone(zone).toInstant().toEpochMilli());
  }

  /** The wall clock in {@code zone}, to the nanosecond. */
  static Timestamp timestamp(LocalDateTime wall, ZoneId zone) {
    long millis = wall.toLocalDate().toEpochDay() >= MODERN_EPOCH_DAY
        ? wall.atZone(zone).toInstant().toEpochMilli() : legacyMillis(wall, zone);
    Timestamp timestamp = new Timestamp(millis);
    timestamp.setNanos(wall.getNano());
    return timestamp;
  }

  private static long legacyMillis(LocalDateTime wall, ZoneId zone) {
    GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone(zone));
    calendar.clear();
    int year = wall.getYear();
    calendar.set(GregorianCalendar.ERA, year > 0 ? GregorianCalendar.AD : GregorianCalendar.BC);
    calendar.set(year > 0 ? year : 1 - year, wall.getMonthValue() - 1, wall.getDayOfMonth(), wall.getHour(),
        wall.getMinute(), wall.getSecond());
    return calendar.getTimeInMillis() + wall.getNano() / 1_000_000;
  }
}
