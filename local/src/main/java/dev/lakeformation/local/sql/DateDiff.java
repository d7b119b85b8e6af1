package dev.lakeformation.local.sql;

import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * Athena's {@code date_diff(unit, t1, t2)}: how many whole units lie from t1 to t2, truncated
 * toward zero, so 23:00 to 01:00 the next day is 0 days (H2's own DATEDIFF counts the midnights
 * crossed and says 1).
 *
 * <p>Months, quarters and years are counted as Athena counts them: a month is whole when
 * adding it to t1 (the day of month clamped to the target month's length) does not pass t2, so
 * 2020-01-31 to 2020-02-29 is one month. Both values are compared in t1's offset.
 */
final class DateDiff {
  private static final long MICROS_PER_DAY = 86_400_000_000L;

  private DateDiff() {}

  static long between(String unit, OffsetDateTime from, OffsetDateTime to) throws SQLException {
    LocalDateTime start = from.toLocalDateTime();
    LocalDateTime end = to.withOffsetSameInstant(from.getOffset()).toLocalDateTime();
    return switch (unit.toLowerCase(Locale.ROOT)) {
      case "millisecond" -> micros(from, to) / 1_000;
      case "second" -> micros(from, to) / 1_000_000;
      case "minute" -> micros(from, to) / 60_000_000;
      case "hour" -> micros(from, to) / 3_600_000_000L;
      case "day" -> micros(from, to) / MICROS_PER_DAY;
      case "week" -> micros(from, to) / (7 * MICROS_PER_DAY);
      case "month" -> months(start, end);
      case "quarter" -> months(start, end) / 3;
      case "year" -> years(start, end);
      default -> throw new SQLException("'" + unit + "' is not a valid TIMESTAMP field", "22023");
    };
  }

  private static long micros(OffsetDateTime from, OffsetDateTime to) {
    long seconds = to.toEpochSecond() - from.toEpochSecond();
    return seconds * 1_000_000L + (to.getNano() - from.getNano()) / 1_000;
  }

  private static long months(LocalDateTime start, LocalDateTime end) {
    long months = (end.getYear() - (long) start.getYear()) * 12 + end.getMonthValue() - start.getMonthValue();
    if (months > 0 && start.plusMonths(months).isAfter(end)) {
      months--;
    } else if (months < 0 && start.plusMonths(months).isBefore(end)) {
      months++;
    }
    return months;
  }

  private static long years(LocalDateTime start, LocalDateTime end) {
    long years = end.getYear() - (long) start.getYear();
    if (years > 0 && start.plusYears(years).isAfter(end)) {
      years--;
    } else if (years < 0 && start.plusYears(years).isBefore(end)) {
      years++;
    }
    return years;
  }
}
