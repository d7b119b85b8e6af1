package dev.lakeformation.jdbc.resultset.accessor;

import java.time.LocalTime;
import org.apache.arrow.vector.types.TimeUnit;

/** Arrow time units and the text form of times and timestamps (SQL style, trailing zeros dropped). */
final class Units {
  private Units() {}

  static long nanosPer(TimeUnit unit) {
    return switch (unit) {
      case SECOND -> 1_000_000_000L;
      case MILLISECOND -> 1_000_000L;
      case MICROSECOND -> 1_000L;
      case NANOSECOND -> 1L;
    };
  }

  /** {@code HH:mm:ss} plus a fraction without trailing zeros, as SQL databases print times. */
  static String formatTime(LocalTime time) {
    StringBuilder out = new StringBuilder(18);
    two(out, time.getHour()).append(':');
    two(out, time.getMinute()).append(':');
    two(out, time.getSecond());
    appendFraction(out, time.getNano());
    return out.toString();
  }

  static void appendFraction(StringBuilder out, int nanos) {
    if (nanos == 0) {
      return;
    }
    String digits = Integer.toString(nanos + 1_000_000_000).substring(1);
    int end = digits.length();
    while (digits.charAt(end - 1) == '0') {
      end--;
    }
    out.append('.').append(digits, 0, end);
  }

  static StringBuilder two(StringBuilder out, int value) {
    if (value < 10) {
      out.append('0');
    }
    return out.append(value);
  }
}
