package dev.lakeformation.jdbc.systemtable;

import java.util.List;
import java.util.Set;

/**
 * A WHERE clause on a system table, as data: column names and literal values, never SQL text.
 * Literals are String, BigDecimal, Boolean or {@link TemporalLiteral}; a NULL literal is null.
 */
public sealed interface Condition {
  /** The comparison operators of SQL. */
  enum Operator { EQ, NE, LT, LE, GT, GE }

  /** {@code DATE '…'} or {@code TIMESTAMP '…'}: the text as written, read when compared. */
  record TemporalLiteral(String keyword, String text) {}

  record And(Condition left, Condition right) implements Condition {}

  record Or(Condition left, Condition right) implements Condition {}

  record Not(Condition operand) implements Condition {}

  record Compare(String column, Operator operator, Object literal) implements Condition {}

  record In(String column, List<Object> literals, boolean negated) implements Condition {}

  record IsNull(String column, boolean negated) implements Condition {}

  /**
   * The values that {@code column} is restricted to when every row that can match has it equal
   * to one of a known set ({@code column = v}, {@code column IN (…)}, alone or ANDed with
   * anything); null when the condition does not pin it down.
   */
  default Set<Object> pinnedValues(String column) {
    if (this instanceof Compare c && c.operator() == Operator.EQ && c.column().equals(column)) {
      return c.literal() == null ? Set.of() : Set.of(c.literal());
    }
    if (this instanceof In in && !in.negated() && in.column().equals(column)) {
      return Set.copyOf(in.literals().stream().filter(v -> v != null).toList());
    }
    if (this instanceof And and) {
      Set<Object> left = and.left().pinnedValues(column);
      Set<Object> right = and.right().pinnedValues(column);
      if (left == null || right == null) {
        return left == null ? right : left;
      }
      return Set.copyOf(left.stream().filter(right::contains).toList());
    }
    return null;
  }
}
