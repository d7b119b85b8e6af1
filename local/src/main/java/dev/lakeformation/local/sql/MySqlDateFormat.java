package dev.lakeformation.local.sql;

import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.format.SignStyle;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalField;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The MySQL-style formats of Athena's {@code date_format} and {@code date_parse}
 * ({@code '%Y-%m-%d %H:%i:%s'}) as java.time formatters, with Athena's meaning of each
 * specifier: {@code %i} is minutes, {@code %s} and {@code %S} seconds, {@code %f} the fraction of
 * a second (six digits when formatting, one to nine when parsing), {@code %y} a two-digit year
 * between 1970 and 2069. Specifiers Athena rejects ({@code %D %U %u %V %w %X}) are rejected
 * with its message; any other character after {@code %} stands for itself.
 */
final class MySqlDateFormat {
  /** Formats are nearly always constants: each is translated once. */
  private static final Map<String, MySqlDateFormat> CACHE = new ConcurrentHashMap<>();
  private static final int CACHE_LIMIT = 256;

  private final DateTimeFormatter printer;
  private final DateTimeFormatter parser;

  private MySqlDateFormat(DateTimeFormatter printer, DateTimeFormatter parser) {
    this.printer = printer;
    this.parser = parser;
  }

  static MySqlDateFormat of(String format) throws SQLException {
    MySqlDateFormat cached = CACHE.get(format);
    if (cached == null) {
      cached = translate(format);
      if (CACHE.size() >= CACHE_LIMIT) {
        CACHE.clear();
      }
      CACHE.put(format, cached);
    }
    return cached;
  }

  String format(TemporalAccessor value) {
    return printer.format(value);
  }

  /** The timestamp {@code text} describes; fields the format lacks are those of 1970-01-01 00:00:00. */
  LocalDateTime parse(String text, String format) throws SQLException {
    try {
      return LocalDateTime.from(parser.parse(text));
    } catch (DateTimeParseException e) {
      if (e.getCause() instanceof DateTimeException invalid) {
        throw new SQLException("Invalid format: \"" + text + "\" is not a valid date for the format '" + format
            + "': " + invalid.getMessage(), "22007");
      }
      throw new SQLException("Invalid format: \"" + text + "\" does not match the date format '" + format + "'",
          "22007");
    }
  }

  private static MySqlDateFormat translate(String format) throws SQLException {
    DateTimeFormatterBuilder printer = new DateTimeFormatterBuilder();
    DateTimeFormatterBuilder parser = new DateTimeFormatterBuilder().parseCaseInsensitive();
    Set<TemporalField> parsed = new HashSet<>();
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c != '%' || i == format.length() - 1) {
        printer.appendLiteral(c);
        parser.appendLiteral(c);
        continue;
      }
      char specifier = format.charAt(++i);
      if ("DUuVwX".indexOf(specifier) >= 0) {
        throw new SQLException("%" + specifier + " not supported in date format string", "22023");
      }
      if (specifier == 'f') {
        // Athena prints microsecond digits but reads anything from tenths to nanoseconds.
        printer.appendFraction(ChronoField.NANO_OF_SECOND, 6, 6, false);
        parser.appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, false);
        parsed.add(ChronoField.NANO_OF_SECOND);
        continue;
      }
      for (DateTimeFormatterBuilder builder : new DateTimeFormatterBuilder[] {printer, parser}) {
        append(builder, specifier);
      }
      parsed.addAll(fieldsOf(specifier));
    }
    defaultMissingFields(parser, parsed);
    return new MySqlDateFormat(printer.toFormatter(Locale.ENGLISH),
        parser.toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT));
  }

  private static void append(DateTimeFormatterBuilder b, char specifier) {
    switch (specifier) {
      case 'a' -> b.appendText(ChronoField.DAY_OF_WEEK, TextStyle.SHORT);
      case 'b' -> b.appendText(ChronoField.MONTH_OF_YEAR, TextStyle.SHORT);
      case 'c' -> b.appendValue(ChronoField.MONTH_OF_YEAR);
      case 'd' -> b.appendValue(ChronoField.DAY_OF_MONTH, 2);
      case 'e' -> b.appendValue(ChronoField.DAY_OF_MONTH);
      case 'H' -> b.appendValue(ChronoField.HOUR_OF_DAY, 2);
      case 'h', 'I' -> b.appendValue(ChronoField.CLOCK_HOUR_OF_AMPM, 2);
      case 'i' -> b.appendValue(ChronoField.MINUTE_OF_HOUR, 2);
      case 'j' -> b.appendValue(ChronoField.DAY_OF_YEAR, 3);
      case 'k' -> b.appendValue(ChronoField.HOUR_OF_DAY);
      case 'l' -> b.appendValue(ChronoField.CLOCK_HOUR_OF_AMPM);
      case 'M' -> b.appendText(ChronoField.MONTH_OF_YEAR, TextStyle.FULL);
      case 'm' -> b.appendValue(ChronoField.MONTH_OF_YEAR, 2);
      case 'p' -> b.appendText(ChronoField.AMPM_OF_DAY, TextStyle.SHORT);
      case 'r' -> {
        b.appendValue(ChronoField.CLOCK_HOUR_OF_AMPM, 2).appendLiteral(':');
        b.appendValue(ChronoField.MINUTE_OF_HOUR, 2).appendLiteral(':');
        b.appendValue(ChronoField.SECOND_OF_MINUTE, 2).appendLiteral(' ');
        b.appendText(ChronoField.AMPM_OF_DAY, TextStyle.SHORT);
      }
      case 'S', 's' -> b.appendValue(ChronoField.SECOND_OF_MINUTE, 2);
      case 'T' -> {
        b.appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':');
        b.appendValue(ChronoField.MINUTE_OF_HOUR, 2).appendLiteral(':');
        b.appendValue(ChronoField.SECOND_OF_MINUTE, 2);
      }
      case 'v' -> b.appendValue(IsoFields.WEEK_OF_WEEK_BASED_YEAR, 2);
      case 'W' -> b.appendText(ChronoField.DAY_OF_WEEK, TextStyle.FULL);
      case 'x' -> b.appendValue(IsoFields.WEEK_BASED_YEAR, 4);
      case 'Y' -> b.appendValue(ChronoField.YEAR, 4, 9, SignStyle.NORMAL);
      case 'y' -> b.appendValueReduced(ChronoField.YEAR, 2, 2, 1970);
      default -> b.appendLiteral(specifier); // %% and any other %x stand for the character
    }
  }

  private static Set<TemporalField> fieldsOf(char specifier) {
    return switch (specifier) {
      case 'a', 'W' -> Set.of(ChronoField.DAY_OF_WEEK);
      case 'b', 'c', 'M', 'm' -> Set.of(ChronoField.MONTH_OF_YEAR);
      case 'd', 'e' -> Set.of(ChronoField.DAY_OF_MONTH);
      case 'H', 'k' -> Set.of(ChronoField.HOUR_OF_DAY);
      case 'h', 'I', 'l' -> Set.of(ChronoField.CLOCK_HOUR_OF_AMPM);
      case 'i' -> Set.of(ChronoField.MINUTE_OF_HOUR);
      case 'j' -> Set.of(ChronoField.DAY_OF_YEAR);
      case 'p' -> Set.of(ChronoField.AMPM_OF_DAY);
      case 'r' -> Set.of(ChronoField.CLOCK_HOUR_OF_AMPM, ChronoField.MINUTE_OF_HOUR, ChronoField.SECOND_OF_MINUTE,
          ChronoField.AMPM_OF_DAY);
      case 'S', 's' -> Set.of(ChronoField.SECOND_OF_MINUTE);
      case 'T' -> Set.of(ChronoField.HOUR_OF_DAY, ChronoField.MINUTE_OF_HOUR, ChronoField.SECOND_OF_MINUTE);
      case 'v' -> Set.of(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
      case 'x' -> Set.of(IsoFields.WEEK_BASED_YEAR);
      case 'Y', 'y' -> Set.of(ChronoField.YEAR);
      default -> Set.of();
    };
  }

  /**
   * Athena parses into 1970-01-01 00:00:00.000 and overwrites the fields the format has; here
   * each field the format lacks gets that default, so a partial format still yields a timestamp.
   */
  private static void defaultMissingFields(DateTimeFormatterBuilder parser, Set<TemporalField> parsed) {
    boolean weekDate = parsed.contains(IsoFields.WEEK_BASED_YEAR) || parsed.contains(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    if (weekDate) {
      if (!parsed.contains(ChronoField.DAY_OF_WEEK)) {
        parser.parseDefaulting(ChronoField.DAY_OF_WEEK, 1);
      }
    } else {
      if (!parsed.contains(ChronoField.YEAR)) {
        parser.parseDefaulting(ChronoField.YEAR, 1970);
      }
      if (!parsed.contains(ChronoField.DAY_OF_YEAR)) {
        if (!parsed.contains(ChronoField.MONTH_OF_YEAR)) {
          parser.parseDefaulting(ChronoField.MONTH_OF_YEAR, 1);
        }
        if (!parsed.contains(ChronoField.DAY_OF_MONTH)) {
          parser.parseDefaulting(ChronoField.DAY_OF_MONTH, 1);
        }
      }
    }
    if (parsed.contains(ChronoField.CLOCK_HOUR_OF_AMPM)) {
      if (!parsed.contains(ChronoField.AMPM_OF_DAY)) {
        parser.parseDefaulting(ChronoField.AMPM_OF_DAY, 0);
      }
    } else if (!parsed.contains(ChronoField.HOUR_OF_DAY)) {
      parser.parseDefaulting(ChronoField.HOUR_OF_DAY, 0);
    }
    for (ChronoField field : new ChronoField[] {ChronoField.MINUTE_OF_HOUR, ChronoField.SECOND_OF_MINUTE,
        ChronoField.NANO_OF_SECOND}) {
      if (!parsed.contains(field)) {
        parser.parseDefaulting(field, 0);
      }
    }
  }
}
