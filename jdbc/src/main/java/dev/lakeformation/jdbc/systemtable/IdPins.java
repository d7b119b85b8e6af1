package dev.lakeformation.jdbc.systemtable;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;

/**
 * The key values a condition pins a column to: for a WHERE or ON condition, and a test that
 * tells which column references are the key, the set of values every row that passes has in
 * that column, or null when the condition does not pin it down ({@code key LIKE 'a%'}, an OR
 * with an unpinned side, anything else). A condition no row passes ({@code 1 = 0},
 * {@code FALSE}) pins every column to the empty set; {@code key = NULL} pins only the key.
 * Sets are unmodifiable; null always stands for "any value".
 */
final class IdPins {
  private IdPins() {}

  static Set<String> of(Expression condition, Predicate<Column> isKey) {
    if (condition == null) {
      return null;
    }
    if (condition instanceof ParenthesedExpressionList<?> inner && inner.size() == 1) {
      return of(inner.get(0), isKey);
    }
    if (condition instanceof AndExpression and) {
      return intersect(of(and.getLeftExpression(), isKey), of(and.getRightExpression(), isKey));
    }
    if (condition instanceof OrExpression or) {
      Set<String> left = of(or.getLeftExpression(), isKey);
      Set<String> right = of(or.getRightExpression(), isKey);
      return left == null || right == null ? null : union(left, right);
    }
    if (condition instanceof BooleanValue bool) {
      return bool.getValue() ? null : Set.of();
    }
    if (condition instanceof EqualsTo equals) {
      return equality(equals.getLeftExpression(), equals.getRightExpression(), isKey);
    }
    if (condition instanceof NotEqualsTo notEquals
        && constantsEqual(notEquals.getLeftExpression(), notEquals.getRightExpression()) == Boolean.TRUE) {
      return Set.of();
    }
    if (condition instanceof InExpression in && !in.isNot() && in.getLeftExpression() instanceof Column column
        && isKey.test(column) && in.getRightExpression() instanceof ExpressionList<?> values) {
      Set<String> pinned = new HashSet<>();
      for (Expression value : values) {
        if (value instanceof NullValue) {
          continue; // NULL equals nothing
        }
        String text = text(value);
        if (text == null) {
          return null;
        }
        pinned.add(text);
      }
      return Set.copyOf(pinned);
    }
    return null;
  }

  /** Both null: any value; one null: the other. */
  static Set<String> intersect(Set<String> a, Set<String> b) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    return Set.copyOf(a.stream().filter(b::contains).toList());
  }

  /** Either null: any value. */
  static Set<String> union(Set<String> a, Set<String> b) {
    if (a == null || b == null) {
      return null;
    }
    Set<String> both = new HashSet<>(a);
    both.addAll(b);
    return Set.copyOf(both);
  }

  /** The parts of a condition joined by AND, at any depth of parentheses. */
  static List<Expression> conjuncts(Expression condition) {
    List<Expression> parts = new ArrayList<>();
    if (condition instanceof ParenthesedExpressionList<?> inner && inner.size() == 1) {
      parts.addAll(conjuncts(inner.get(0)));
    } else if (condition instanceof AndExpression and) {
      parts.addAll(conjuncts(and.getLeftExpression()));
      parts.addAll(conjuncts(and.getRightExpression()));
    } else if (condition != null) {
      parts.add(condition);
    }
    return parts;
  }

  private static Set<String> equality(Expression left, Expression right, Predicate<Column> isKey) {
    Boolean constants = constantsEqual(left, right);
    if (constants != null) {
      return constants ? null : Set.of();
    }
    if (!(left instanceof Column) && right instanceof Column) {
      return equality(right, left, isKey);
    }
    if (!(left instanceof Column column) || !isKey.test(column)) {
      return null;
    }
    if (right instanceof NullValue) {
      return Set.of();
    }
    String text = text(right);
    return text == null ? null : Set.of(text);
  }

  /**
   * Whether two literals of the same kind are equal ({@code 1 = 0}, {@code 'a' = 'a'}: how tools
   * write "never" and "always"); null when they are not two such literals.
   */
  private static Boolean constantsEqual(Expression left, Expression right) {
    if (left instanceof LongValue a && right instanceof LongValue b) {
      return a.getBigIntegerValue().equals(b.getBigIntegerValue());
    }
    String a = text(left);
    String b = text(right);
    return a == null || b == null ? null : a.equals(b);
  }

  /**
   * A plain string literal's value, as H2 reads it (a doubled quote is one quote); null for
   * anything else, prefixed literals ({@code N'…'}, {@code E'…'}) included.
   */
  private static String text(Expression e) {
    return e instanceof StringValue s && s.getPrefix() == null ? s.getValue().replace("''", "'") : null;
  }
}
