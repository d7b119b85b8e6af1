package dev.lakeformation.jdbc.resultset.accessor;

import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date, a time or a timestamp read from text, in JDBC's escape forms ({@code yyyy-[m]m-[d]d},
 * {@code hh:mm:ss[.f…]}, the two joined by a space) or ISO-8601's (joined by a T), with an
 * optional offset after a timestamp ({@code Z}, {@code +05:30}), which makes it an instant. The
 * timestamp text the driver itself writes for every temporal type reads back.
 *
 * <p>Each reads as a column of its type would: a wall clock is placed in the reader's zone, an
 * instant keeps its instant.
 *
 * @param date the date, or null for a time alone
 * @param time the time, or null for a date alone
 * @param offset the offset from UTC, or null for a wall clock
 */
record DateTimeText(LocalDate date, LocalTime time, ZoneOffset offset) {
  private static final String TIME = "(\\d{1,2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?";
  private static final Pattern DATE_TIME = Pattern.compile(
      "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[ T]" + TIME + "(Z|[+-]\\d{2}:\\d{2}(?::\\d{2})?)?)?");
  private static final Pattern TIME_ALONE = Pattern.compile(TIME);

  /**
   * What {@code text} (trimmed) holds; null when it is none of the forms, or names a day or a
   * time that does not exist.
   */
  static DateTimeText parse(String text) {
    try {
      Matcher m = DATE_TIME.matcher(text);
      if (m.matches()) {
        LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3)));
        LocalTime time = m.group(4) == null ? null : time(m, 4);
        return new DateTimeText(date, time, m.group(8) == null ? null : ZoneOffset.of(m.group(8)));
      }
      m = TIME_ALONE.matcher(text);
      return m.matches() ? new DateTimeText(null, time(m, 1), null) : null;
    } catch (DateTimeException e) {
      return null; // February 30, 24:00:00, an offset beyond 18 hours
    }
  }

  /** The date, or the day of a timestamp (in {@code zone}, for an instant); null for a time alone. */
  Date toDate(ZoneId zone) {
    if (date == null) {
      return null;
    }
    return SqlDateTimes.date(offset == null ? date : wallClockIn(zone).toLocalDate(), zone);
  }

  /** The time, or the time of a timestamp (in {@code zone}, for an instant), on 1970-01-01; null for a date alone. */
  Time toTime(ZoneId zone) {
    if (time == null) {
      return null;
    }
    return SqlDateTimes.time(offset == null ? time : wallClockIn(zone).toLocalTime(), zone);
  }

  /** The timestamp, a date at its start, or a time on 1970-01-01, as TIMESTAMP, DATE and TIME columns give them. */
  Timestamp toTimestamp(ZoneId zone) {
    if (offset != null) {
      return Timestamp.from(date.atTime(time).toInstant(offset));
    }
    LocalDateTime wall = date == null ? LocalDate.EPOCH.atTime(time)
        : time == null ? date.atStartOfDay(zone).toLocalDateTime() : date.atTime(time);
    return SqlDateTimes.timestamp(wall, zone);
  }

  /** A timestamp with an offset, as the wall clock it shows in {@code zone}. */
  private LocalDateTime wallClockIn(ZoneId zone) {
    return date.atTime(time).atOffset(offset).atZoneSameInstant(zone).toLocalDateTime();
  }

  /** The time in groups {@code first} to {@code first + 3}: hours, minutes, seconds, a fraction of up to 9 digits. */
  private static LocalTime time(Matcher m, int first) {
    String fraction = m.group(first + 3);
    int nanos = fraction == null ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
    return LocalTime.of(Integer.parseInt(m.group(first)), Integer.parseInt(m.group(first + 1)),
        Integer.parseInt(m.group(first + 2)), nanos);
  }
}
