package dev.lakeformation.jdbc.systemtable;

import dev.lakeformation.jdbc.errors.SqlErrors;
import dev.lakeformation.jdbc.errors.SqlState;
import dev.lakeformation.jdbc.systemtable.SystemColumn.Kind;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A WHERE {@link Condition} bound to a table's columns: every column checked to exist, every
 * literal converted once to the column's type (a number for numeric columns, an instant for
 * timestamps…), so that a mismatch is an error before any row is read. Evaluation follows SQL's
 * three-valued logic: a comparison with NULL is unknown, and unknown rows are not selected.
 */
final class RowFilter {
  /** A bound condition: TRUE, FALSE or null (unknown) for a row. */
  private interface Node {
    Boolean test(Object[] row);
  }

  private final Node root;

  private RowFilter(Node root) {
    this.root = root;
  }

  static RowFilter bind(Condition condition, String table, List<SystemColumn> columns,
      Map<String, Integer> indexes) throws SQLException {
    return new RowFilter(condition == null ? row -> Boolean.TRUE : node(condition, table, columns, indexes));
  }

  boolean matches(Object[] row) {
    return Boolean.TRUE.equals(root.test(row));
  }

  private static Node node(Condition condition, String table, List<SystemColumn> columns,
      Map<String, Integer> indexes) throws SQLException {
    if (condition instanceof Condition.And and) {
      Node left = node(and.left(), table, columns, indexes);
      Node right = node(and.right(), table, columns, indexes);
      return row -> {
        Boolean l = left.test(row);
        if (Boolean.FALSE.equals(l)) {
          return false;
        }
        Boolean r = right.test(row);
        return Boolean.FALSE.equals(r) ? Boolean.FALSE : l == null || r == null ? null : Boolean.TRUE;
      };
    }
    if (condition instanceof Condition.Or or) {
      Node left = node(or.left(), table, columns, indexes);
      Node right = node(or.right(), table, columns, indexes);
      return row -> {
        Boolean l = left.test(row);
        if (Boolean.TRUE.equals(l)) {
          return true;
        }
        Boolean r = right.test(row);
        return Boolean.TRUE.equals(r) ? Boolean.TRUE : l == null || r == null ? null : Boolean.FALSE;
      };
    }
    if (condition instanceof Condition.Not not) {
      Node operand = node(not.operand(), table, columns, indexes);
      return row -> {
        Boolean value = operand.test(row);
        return value == null ? null : !value;
      };
    }
    if (condition instanceof Condition.IsNull isNull) {
      int index = index(isNull.column(), table, indexes);
      return row -> (row[index] == null) != isNull.negated();
    }
    if (condition instanceof Condition.Compare compare) {
      int index = index(compare.column(), table, indexes);
      SystemColumn column = columns.get(index);
      Comparable<Object> literal = literal(column, compare.literal());
      Condition.Operator operator = compare.operator();
      return row -> {
        if (row[index] == null || literal == null) {
          return null;
        }
        int order = comparable(column.kind(), row[index]).compareTo(literal);
        return switch (operator) {
          case EQ -> order == 0;
          case NE -> order != 0;
          case LT -> order < 0;
          case LE -> order <= 0;
          case GT -> order > 0;
          case GE -> order >= 0;
        };
      };
    }
    Condition.In in = (Condition.In) condition;
    int index = index(in.column(), table, indexes);
    SystemColumn column = columns.get(index);
    List<Comparable<Object>> literals = new ArrayList<>();
    for (Object value : in.literals()) {
      literals.add(literal(column, value));
    }
    return row -> {
      if (row[index] == null) {
        return null;
      }
      Object value = comparable(column.kind(), row[index]);
      boolean unknown = false;
      for (Comparable<Object> literal : literals) {
        if (literal == null) {
          unknown = true;
        } else if (literal.compareTo(value) == 0) {
          return !in.negated();
        }
      }
      return unknown ? null : in.negated();
    };
  }

  static int index(String column, String table, Map<String, Integer> indexes) throws SQLException {
    Integer index = indexes.get(column);
    if (index == null) {
      throw SqlErrors.of(SqlState.INVALID_COLUMN, "Column " + column + " does not exist in system." + table
          + "; its columns are: " + String.join(", ", indexes.keySet()) + ".");
    }
    return index;
  }

  /** A row value as what its literals are compared with. */
  @SuppressWarnings("unchecked")
  static Comparable<Object> comparable(Kind kind, Object value) {
    return (Comparable<Object>) switch (kind) {
      case SMALLINT, INTEGER, BIGINT -> BigDecimal.valueOf(((Number) value).longValue());
      case DOUBLE -> BigDecimal.valueOf((Double) value);
      default -> value;
    };
  }

  /** A WHERE literal converted to the column's comparable type; null stays null. */
  @SuppressWarnings("unchecked")
  private static Comparable<Object> literal(SystemColumn column, Object literal) throws SQLException {
    if (literal == null) {
      return null;
    }
    Object value = switch (column.kind()) {
      case VARCHAR -> literal instanceof String ? literal : null;
      case SMALLINT, INTEGER, BIGINT, DOUBLE -> literal instanceof BigDecimal ? literal : null;
      case BOOLEAN -> literal instanceof Boolean ? literal
          : literal instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))
              ? Boolean.valueOf(s) : null;
      case TIMESTAMP_TZ -> instant(column, literal);
      case ARRAY_VARCHAR -> throw new SQLFeatureNotSupportedException("Column " + column.name()
          + " is an array: only IS [NOT] NULL applies to it.", SqlState.FEATURE_NOT_SUPPORTED);
    };
    if (value == null) {
      throw SqlErrors.of(SqlState.SYNTAX_OR_ACCESS, "Column " + column.name() + " is " + column.kind()
          + " and cannot be compared with " + describe(literal) + ".");
    }
    return (Comparable<Object>) value;
  }

  private static Instant instant(SystemColumn column, Object literal) throws SQLException {
    String text = literal instanceof Condition.TemporalLiteral t ? t.text()
        : literal instanceof String s ? s : null;
    if (text == null) {
      return null;
    }
    text = text.strip();
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      String iso = text.replace(' ', 'T');
      boolean hasOffset = iso.endsWith("Z") || iso.lastIndexOf('+') > 10 || iso.lastIndexOf('-') > 10;
      return hasOffset ? OffsetDateTime.parse(iso).toInstant() : LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw SqlErrors.of(SqlState.SYNTAX_OR_ACCESS, "'" + text + "' is not a timestamp for column " + column.name()
          + ": write it as '2024-05-06 07:08:09' (UTC), '2024-05-06T07:08:09+02:00' or '2024-05-06'.");
    }
  }

  private static String describe(Object literal) {
    return literal instanceof String s ? "the text '" + s + "'"
        : literal instanceof Condition.TemporalLiteral t ? t.keyword() + " '" + t.text() + "'"
        : String.valueOf(literal);
  }
}
