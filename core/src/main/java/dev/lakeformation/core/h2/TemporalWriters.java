package dev.lakeformation.core.h2;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DurationVector;
import org.apache.arrow.vector.IntervalYearVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Writers for dates, times, timestamps and intervals. Values are read through {@code java.time}
 * (never {@code java.sql.Timestamp}, which passes through the JVM's time zone) and kept to the
 * microsecond: digits beyond it are dropped, as Athena's own timestamps stop at milliseconds.
 */
final class TemporalWriters {
  private TemporalWriters() {}

  static ValueWriter date() {
    return (rs, c, v, i) -> {
      LocalDate value = rs.getObject(c, LocalDate.class);
      if (value == null) {
        v.setNull(i);
      } else {
        ((DateDayVector) v).setSafe(i, Math.toIntExact(value.toEpochDay()));
      }
    };
  }

  static ValueWriter timeMicros() {
    return (rs, c, v, i) -> {
      LocalTime value = rs.getObject(c, LocalTime.class);
      if (value == null) {
        v.setNull(i);
      } else {
        ((TimeMicroVector) v).setSafe(i, value.toNanoOfDay() / 1_000);
      }
    };
  }

  /**
   * TIME WITH TIME ZONE as ISO-8601 text ({@code 10:15:30.5+02:00}): Arrow has no time type with
   * an offset, and text keeps both the time and the offset, as Athena prints them.
   */
  static ValueWriter offsetTimeText() {
    return (rs, c, v, i) -> {
      OffsetTime value = rs.getObject(c, OffsetTime.class);
      if (value == null) {
        v.setNull(i);
      } else {
        byte[] text = DateTimeFormatter.ISO_OFFSET_TIME.format(value).getBytes(StandardCharsets.US_ASCII);
        ((VarCharVector) v).setSafe(i, text);
      }
    };
  }

  /** TIMESTAMP: the wall-clock time, as microseconds from 1970-01-01T00:00 read as if in UTC. */
  static ValueWriter timestampMicros(String column) {
    return (rs, c, v, i) -> {
      LocalDateTime value = rs.getObject(c, LocalDateTime.class);
      if (value == null) {
        v.setNull(i);
      } else {
        ((TimeStampVector) v).setSafe(i, micros(value.toEpochSecond(ZoneOffset.UTC), value.getNano(), value, column));
      }
    };
  }

  /** TIMESTAMP WITH TIME ZONE: the exact instant, as microseconds since the epoch in UTC. */
  static ValueWriter instantMicros(String column) {
    return (rs, c, v, i) -> {
      OffsetDateTime value = rs.getObject(c, OffsetDateTime.class);
      if (value == null) {
        v.setNull(i);
      } else {
        ((TimeStampVector) v).setSafe(i, micros(value.toEpochSecond(), value.getNano(), value, column));
      }
    };
  }

  /** Day-to-second intervals as an Arrow Duration of microseconds (Athena's interval day to second). */
  static ValueWriter durationMicros(String column) {
    return (rs, c, v, i) -> {
      Duration value = rs.getObject(c, Duration.class);
      if (value == null) {
        v.setNull(i);
      } else {
        ((DurationVector) v).setSafe(i, micros(value.getSeconds(), value.getNano(), value, column));
      }
    };
  }

  /** Year-to-month intervals as an Arrow Interval of months (Athena's interval year to month). */
  static ValueWriter months(String column) {
    return (rs, c, v, i) -> {
      Period value = rs.getObject(c, Period.class);
      if (value == null) {
        v.setNull(i);
        return;
      }
      long months = value.toTotalMonths();
      if (months != (int) months) {
        throw outOfRange(value, column);
      }
      ((IntervalYearVector) v).setSafe(i, (int) months);
    };
  }

  private static long micros(long seconds, int nanos, Object value, String column) throws SQLException {
    try {
      return Math.addExact(Math.multiplyExact(seconds, 1_000_000L), nanos / 1_000);
    } catch (ArithmeticException e) {
      throw outOfRange(value, column);
    }
  }

  private static SQLException outOfRange(Object value, String column) {
    return new SQLException("The value " + value + " of column " + column
        + " is beyond what a 64-bit count of microseconds (or 32-bit count of months) holds.", "22008");
  }
}
