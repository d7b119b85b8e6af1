package dev.lakeformation.local.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Athena's functions whose result type does not depend on their arguments, as H2 user functions
 * under Athena's own names (so they work wherever H2 accepts a function call, whether or not
 * {@link AthenaSql} rewrote the statement), and the two helpers AthenaSql's rewrites call.
 *
 * <p>H2 calls these methods by reflection, so they are public; it converts each argument to the
 * parameter's Java type first (a TIMESTAMP or a DATE to OffsetDateTime in the session's zone,
 * which is UTC, an ARRAY to String[] element by element). Each returns NULL when an argument is
 * NULL, as Athena's functions do, and reports bad arguments as an SQLException whose message
 * H2 passes on unchanged.
 */
public final class AthenaFunctions {
  /** H2 alias name → method name, in the PUBLIC schema that every query connection searches. */
  private static final Map<String, String> ALIASES = Map.ofEntries(
      Map.entry("date_format", "dateFormat"),
      Map.entry("date_parse", "dateParse"),
      Map.entry("date_diff", "dateDiff"),
      Map.entry("from_unixtime", "fromUnixtime"),
      Map.entry("to_unixtime", "toUnixtime"),
      Map.entry("split", "split"),
      Map.entry("array_join", "arrayJoin"),
      Map.entry("regexp_extract", "regexpExtract"),
      Map.entry("json_extract_scalar", "jsonExtractScalar"),
      Map.entry(AthenaSql.ELEMENT_INDEX, "elementIndex"));

  private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();
  private static final int PATTERN_CACHE_LIMIT = 256;

  private AthenaFunctions() {}

  /** Creates the aliases in {@code h2}'s PUBLIC schema. */
  static void register(Connection h2) throws SQLException {
    try (Statement statement = h2.createStatement()) {
      for (Map.Entry<String, String> alias : ALIASES.entrySet()) {
        statement.execute("CREATE ALIAS public." + alias.getKey() + " DETERMINISTIC FOR '"
            + AthenaFunctions.class.getName() + "." + alias.getValue() + "'");
      }
      statement.execute("CREATE ALIAS public." + AthenaSql.TRY_CAST + " FOR '" + TryCast.class.getName() + ".tryCast'");
    }
  }

  /** {@code date_format(timestamp, format)}: the timestamp in a MySQL-style format. */
  public static String dateFormat(OffsetDateTime value, String format) throws SQLException {
    return value == null || format == null ? null : MySqlDateFormat.of(format).format(value);
  }

  /** {@code date_parse(string, format)}: the timestamp a MySQL-style format reads from the string. */
  public static LocalDateTime dateParse(String text, String format) throws SQLException {
    return text == null || format == null ? null : MySqlDateFormat.of(format).parse(text, format);
  }

  /** {@code date_diff(unit, timestamp1, timestamp2)}: whole units from the first to the second. */
  public static Long dateDiff(String unit, OffsetDateTime from, OffsetDateTime to) throws SQLException {
    return unit == null || from == null || to == null ? null : DateDiff.between(unit, from, to);
  }

  /** {@code from_unixtime(seconds)}: that instant in UTC, to the millisecond (rounded), as in Athena. */
  public static OffsetDateTime fromUnixtime(Double seconds) {
    return seconds == null ? null : instant(seconds).atOffset(ZoneOffset.UTC);
  }

  /** {@code from_unixtime(seconds, zone)}: that instant in the named zone (H2 keeps its offset). */
  public static OffsetDateTime fromUnixtime(Double seconds, String zone) throws SQLException {
    if (seconds == null || zone == null) {
      return null;
    }
    try {
      return instant(seconds).atZone(ZoneId.of(zone)).toOffsetDateTime();
    } catch (java.time.DateTimeException e) {
      throw new SQLException("'" + zone + "' is not a valid time zone", "22023");
    }
  }

  /** {@code from_unixtime(seconds, hours, minutes)}: that instant at the offset hours:minutes. */
  public static OffsetDateTime fromUnixtime(Double seconds, Long hours, Long minutes) throws SQLException {
    if (seconds == null || hours == null || minutes == null) {
      return null;
    }
    try {
      return instant(seconds).atOffset(ZoneOffset.ofHoursMinutes(Math.toIntExact(hours), Math.toIntExact(minutes)));
    } catch (java.time.DateTimeException | ArithmeticException e) {
      throw new SQLException("Invalid offset " + hours + ":" + minutes, "22023");
    }
  }

  private static Instant instant(double seconds) {
    return Instant.ofEpochMilli(Math.round(seconds * 1000));
  }

  /** {@code to_unixtime(timestamp)}: seconds since 1970-01-01 00:00 UTC, with the fraction. */
  public static Double toUnixtime(OffsetDateTime value) {
    return value == null ? null : value.toEpochSecond() + value.getNano() / 1e9;
  }

  /** {@code split(string, delimiter)}: every piece, empty ones included. */
  public static String[] split(String text, String delimiter) throws SQLException {
    return split(text, delimiter, (long) Integer.MAX_VALUE);
  }

  /** {@code split(string, delimiter, limit)}: at most limit pieces, the last holding the rest. */
  public static String[] split(String text, String delimiter, Long limit) throws SQLException {
    if (text == null || delimiter == null || limit == null) {
      return null;
    }
    if (delimiter.isEmpty()) {
      throw new SQLException("The delimiter may not be the empty string", "22023");
    }
    if (limit <= 0) {
      throw new SQLException("Limit must be positive", "22023");
    }
    if (limit > Integer.MAX_VALUE) {
      throw new SQLException("Limit is too large", "22023");
    }
    List<String> pieces = new ArrayList<>();
    int start = 0;
    for (int at; pieces.size() < limit - 1 && (at = text.indexOf(delimiter, start)) >= 0; ) {
      pieces.add(text.substring(start, at));
      start = at + delimiter.length();
    }
    pieces.add(text.substring(start));
    return pieces.toArray(String[]::new);
  }

  /** {@code array_join(array, delimiter)}: the elements as text, NULL elements left out. */
  public static String arrayJoin(String[] elements, String delimiter) {
    return elements == null || delimiter == null ? null : join(elements, delimiter, null);
  }

  /** {@code array_join(array, delimiter, null_replacement)}: NULL elements written as the replacement. */
  public static String arrayJoin(String[] elements, String delimiter, String nullReplacement) {
    return elements == null || delimiter == null || nullReplacement == null
        ? null : join(elements, delimiter, nullReplacement);
  }

  private static String join(String[] elements, String delimiter, String nullReplacement) {
    StringBuilder joined = new StringBuilder();
    boolean first = true;
    for (String element : elements) {
      String text = element != null ? element : nullReplacement;
      if (text == null) {
        continue;
      }
      if (!first) {
        joined.append(delimiter);
      }
      joined.append(text);
      first = false;
    }
    return joined.toString();
  }

  /** {@code regexp_extract(string, pattern)}: the first match, or NULL. */
  public static String regexpExtract(String text, String pattern) throws SQLException {
    return regexpExtract(text, pattern, 0L);
  }

  /** {@code regexp_extract(string, pattern, group)}: that group of the first match, or NULL. */
  public static String regexpExtract(String text, String pattern, Long group) throws SQLException {
    if (text == null || pattern == null || group == null) {
      return null;
    }
    Matcher matcher = pattern(pattern).matcher(text);
    if (group < 0 || group > matcher.groupCount()) {
      throw new SQLException("Pattern has " + matcher.groupCount() + " groups. Cannot access group " + group, "22023");
    }
    return matcher.find() ? matcher.group(group.intValue()) : null;
  }

  private static Pattern pattern(String regex) throws SQLException {
    Pattern cached = PATTERNS.get(regex);
    if (cached == null) {
      try {
        cached = Pattern.compile(regex);
      } catch (PatternSyntaxException e) {
        throw new SQLException("Invalid regular expression " + regex + ": " + e.getDescription(), "22023");
      }
      if (PATTERNS.size() >= PATTERN_CACHE_LIMIT) {
        PATTERNS.clear();
      }
      PATTERNS.put(regex, cached);
    }
    return cached;
  }

  /** {@code json_extract_scalar(json, path)}: the scalar at the path, as text. */
  public static String jsonExtractScalar(String json, String path) throws SQLException {
    return json == null || path == null ? null : JsonScalarPath.of(path).extract(json);
  }

  /**
   * The 1-based subscript of Athena's {@code element_at(array, index)}: a negative index counts
   * from the end; beyond either end the subscript is NULL, and so is H2's element; 0 is an
   * error, as in Athena.
   */
  public static Integer elementIndex(Integer cardinality, Long index) throws SQLException {
    if (cardinality == null || index == null) {
      return null;
    }
    if (index == 0) {
      throw new SQLException("SQL array indices start at 1", "2202E");
    }
    if (Math.abs(index) > cardinality) {
      return null;
    }
    return (int) (index > 0 ? index : cardinality + 1 + index);
  }
}
