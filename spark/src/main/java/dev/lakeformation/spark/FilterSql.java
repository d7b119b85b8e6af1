package dev.lakeformation.spark;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import org.apache.spark.sql.sources.And;
import org.apache.spark.sql.sources.EqualTo;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.sources.GreaterThan;
import org.apache.spark.sql.sources.GreaterThanOrEqual;
import org.apache.spark.sql.sources.In;
import org.apache.spark.sql.sources.IsNotNull;
import org.apache.spark.sql.sources.IsNull;
import org.apache.spark.sql.sources.LessThan;
import org.apache.spark.sql.sources.LessThanOrEqual;
import org.apache.spark.sql.sources.Not;
import org.apache.spark.sql.sources.Or;
import org.apache.spark.sql.sources.StringStartsWith;

/**
 * Spark's filters as Athena SQL, for those where the two give the same answer for every value:
 * comparisons, {@code IN}, {@code IS [NOT] NULL}, {@code AND}/{@code OR}/{@code NOT} and
 * {@code StartsWith}, on columns whose values both compare alike. That rules out floating point
 * (Spark orders NaN above every number and finds it equal to itself; SQL finds it equal to
 * nothing), timestamps (zones and precision), binary and CHAR (SQL pads it with spaces; Spark
 * reads the padded text). A filter with a NULL literal is left to Spark too. What cannot be
 * written stays with Spark, whole: a part of an {@code AND} may go alone, but never a part of an
 * {@code OR} or of a {@code NOT}.
 *
 * <p>Values are written as SQL literals (text quoted with {@code '} doubled, dates as
 * {@code DATE '…'}), names as quoted identifiers: nothing in a filter becomes SQL of its own.
 */
final class FilterSql {
  /**
   * An IN list longer than this stays with Spark, which applies it to the rows it reads: the
   * service model sets no length limit on a query's text, and none is promised either.
   */
  static final int MAX_IN_VALUES = 1_000;

  private final TableColumns columns;

  FilterSql(TableColumns columns) {
    this.columns = columns;
  }

  /** The SQL of {@code filter}, or empty when it must stay with Spark. */
  Optional<String> sql(Filter filter) {
    if (filter instanceof And and) {
      Optional<String> left = sql(and.left());
      Optional<String> right = sql(and.right());
      return left.isPresent() && right.isPresent() ? Optional.of("(" + left.get() + " AND " + right.get() + ")")
          : Optional.empty();
    }
    if (filter instanceof Or or) {
      Optional<String> left = sql(or.left());
      Optional<String> right = sql(or.right());
      return left.isPresent() && right.isPresent() ? Optional.of("(" + left.get() + " OR " + right.get() + ")")
          : Optional.empty();
    }
    if (filter instanceof Not not) {
      return sql(not.child()).map(child -> "(NOT " + child + ")");
    }
    if (filter instanceof IsNull isNull) {
      return columns.quoted(isNull.attribute(), true).map(c -> "(" + c + " IS NULL)");
    }
    if (filter instanceof IsNotNull isNotNull) {
      return columns.quoted(isNotNull.attribute(), true).map(c -> "(" + c + " IS NOT NULL)");
    }
    if (filter instanceof EqualTo f) {
      return comparison(f.attribute(), "=", f.value());
    }
    if (filter instanceof GreaterThan f) {
      return comparison(f.attribute(), ">", f.value());
    }
    if (filter instanceof GreaterThanOrEqual f) {
      return comparison(f.attribute(), ">=", f.value());
    }
    if (filter instanceof LessThan f) {
      return comparison(f.attribute(), "<", f.value());
    }
    if (filter instanceof LessThanOrEqual f) {
      return comparison(f.attribute(), "<=", f.value());
    }
    if (filter instanceof In in) {
      Optional<String> column = columns.quoted(in.attribute(), false);
      if (column.isEmpty() || in.values().length == 0 || in.values().length > MAX_IN_VALUES) {
        return Optional.empty();
      }
      StringJoiner values = new StringJoiner(", ", column.get() + " IN (", ")");
      for (Object value : in.values()) {
        Optional<String> literal = literal(columns.kind(in.attribute()), value);
        if (literal.isEmpty()) {
          return Optional.empty();
        }
        values.add(literal.get());
      }
      return Optional.of("(" + values + ")");
    }
    if (filter instanceof StringStartsWith f && columns.kind(f.attribute()) == TableColumns.Kind.TEXT
        && f.value() != null) {
      return columns.quoted(f.attribute(), false).map(c -> "(" + c + " LIKE " + quoted(likeEscaped(f.value()) + "%")
          + " ESCAPE '\\')");
    }
    return Optional.empty();
  }

  /** The filters written into one WHERE clause (joined by AND), and those left to Spark. */
  record Split(List<Filter> pushed, List<String> sql, List<Filter> left) {
    String where() {
      return sql.isEmpty() ? "" : " WHERE " + String.join(" AND ", sql);
    }
  }

  Split split(Filter[] filters) {
    List<Filter> pushed = new ArrayList<>();
    List<String> sql = new ArrayList<>();
    List<Filter> left = new ArrayList<>();
    for (Filter filter : filters) {
      Optional<String> written = sql(filter);
      if (written.isPresent()) {
        pushed.add(filter);
        sql.add(written.get());
      } else {
        left.add(filter);
      }
    }
    return new Split(pushed, sql, left);
  }

  private Optional<String> comparison(String attribute, String operator, Object value) {
    Optional<String> column = columns.quoted(attribute, false);
    Optional<String> literal = literal(columns.kind(attribute), value);
    return column.isPresent() && literal.isPresent()
        ? Optional.of("(" + column.get() + " " + operator + " " + literal.get() + ")") : Optional.empty();
  }

  private static Optional<String> literal(TableColumns.Kind kind, Object value) {
    if (value == null) {
      return Optional.empty();
    }
    return switch (kind) {
      // The smallest BIGINT has no literal of its own: SQL reads -9223372036854775808 as minus an overflowing one.
      case INTEGRAL, BIGINT -> value instanceof Long l && l == Long.MIN_VALUE ? Optional.of("(-9223372036854775807 - 1)")
          : value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long
          ? Optional.of(value.toString()) : Optional.empty();
      case DECIMAL -> value instanceof BigDecimal decimal ? decimalLiteral(decimal) : Optional.empty();
      case TEXT -> value instanceof String text ? Optional.of(quoted(text)) : Optional.empty();
      case BOOLEAN -> value instanceof Boolean bool ? Optional.of(bool ? "TRUE" : "FALSE") : Optional.empty();
      case DATE -> localDate(value).filter(date -> date.getYear() >= 1 && date.getYear() <= 9999) // SQL's years
          .map(date -> "DATE " + quoted(date.toString()));
      case OTHER -> Optional.empty();
    };
  }

  /**
   * The day of a date filter's value: a LocalDate with {@code spark.sql.datetime.java8API.enabled},
   * else (Spark's default) a java.sql.Date, which Spark makes at midnight in the JVM's time zone
   * and on the calendar java.sql.Date uses (Julian before 1582), so that its own
   * {@code toLocalDate()} gives back the day Spark meant.
   */
  private static Optional<LocalDate> localDate(Object value) {
    if (value instanceof LocalDate date) {
      return Optional.of(date);
    }
    return value instanceof java.sql.Date date ? Optional.of(date.toLocalDate()) : Optional.empty();
  }

  /**
   * A decimal as a typed value: a bare 12345678901234567890123 would be read as an (overflowing)
   * BIGINT, and a bare 1.25 by older engines as a DOUBLE.
   */
  private static Optional<String> decimalLiteral(BigDecimal decimal) {
    int scale = Math.max(0, decimal.scale());
    BigDecimal exact = decimal.setScale(scale);
    if (scale > 38 || exact.precision() > 38) {
      return Optional.empty();
    }
    return Optional.of("CAST(" + quoted(exact.toPlainString()) + " AS DECIMAL(38, " + scale + "))");
  }

  /** Text as an SQL literal: in single quotes, each one inside doubled. */
  private static String quoted(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /** Text matched literally by LIKE with ESCAPE '\': its wildcards and the escape itself escaped. */
  private static String likeEscaped(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
