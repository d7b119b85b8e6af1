package dev.lakeformation.spark;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.NamedReference;
import org.apache.spark.sql.connector.expressions.aggregate.AggregateFunc;
import org.apache.spark.sql.connector.expressions.aggregate.Aggregation;
import org.apache.spark.sql.connector.expressions.aggregate.Count;
import org.apache.spark.sql.connector.expressions.aggregate.CountStar;
import org.apache.spark.sql.connector.expressions.aggregate.Max;
import org.apache.spark.sql.connector.expressions.aggregate.Min;
import org.apache.spark.sql.connector.expressions.aggregate.Sum;

/**
 * Spark's aggregates as Athena SQL, where the two compute the same value for every input:
 * {@code COUNT(*)}; {@code COUNT} of any column; {@code COUNT(DISTINCT)}, {@code MIN} and
 * {@code MAX} of integers, decimals, text, booleans and dates; {@code SUM} (and
 * {@code SUM(DISTINCT)}) of decimals and of integers up to INTEGER; grouped by plain columns of
 * those kinds. That leaves floating point to Spark (NaN, and a sum's result depends on the order
 * it adds in), timestamps, binary and CHAR, as for filters ({@link FilterSql}), and every
 * aggregate over an expression or with a FILTER. A sum of BIGINTs stays with Spark too: Spark
 * asks for one to compute an AVG, which it adds in doubles and never overflows, while the
 * service adds BIGINTs exactly and fails past 2^63. Sums of smaller integers cannot overflow
 * a BIGINT short of four billion rows of the largest INTEGER.
 *
 * <p>The query computes each group once over the whole table, so the result is complete: Spark
 * does not aggregate it again, it only casts each value to the type it expects (a sum of
 * decimal(p, s) is decimal(38, s) in the service, decimal(p + 10, s) in Spark).
 */
final class AggregateSql {
  private static final Set<TableColumns.Kind> ORDERED = EnumSet.of(TableColumns.Kind.INTEGRAL,
      TableColumns.Kind.BIGINT, TableColumns.Kind.DECIMAL, TableColumns.Kind.TEXT, TableColumns.Kind.BOOLEAN,
      TableColumns.Kind.DATE);
  private static final Set<TableColumns.Kind> NUMERIC = EnumSet.of(TableColumns.Kind.INTEGRAL,
      TableColumns.Kind.DECIMAL);

  /**
   * One column of the aggregated result, in Spark's order (the groups, then the aggregates).
   *
   * @param column the table's column whose type the value keeps (a group, a MIN or a MAX), or
   *     null for a count or a sum, whose type is the service's
   */
  record Output(String sql, String column) {}

  /**
   * The SELECT list and GROUP BY clause of an aggregation pushed whole. Each output is named by
   * its position ({@code AS "_0"}…): Spark reads them by position, and Athena would name unnamed
   * outputs {@code _col1}…, which a grouped column of a table made by CREATE TABLE AS may be
   * called too.
   */
  record Written(List<Output> outputs, List<String> groupBy) {
    String selectList() {
      List<String> named = new ArrayList<>();
      for (int i = 0; i < outputs.size(); i++) {
        named.add(outputs.get(i).sql() + " AS \"_" + i + "\"");
      }
      return String.join(", ", named);
    }

    String groupByClause() {
      return groupBy.isEmpty() ? "" : " GROUP BY " + String.join(", ", groupBy);
    }
  }

  private final TableColumns columns;

  AggregateSql(TableColumns columns) {
    this.columns = columns;
  }

  /** The SQL of {@code aggregation}, or empty when any part of it must stay with Spark. */
  Optional<Written> sql(Aggregation aggregation) {
    List<Output> outputs = new ArrayList<>();
    List<String> groupBy = new ArrayList<>();
    for (Expression group : aggregation.groupByExpressions()) {
      Optional<String> name = plainName(group).filter(n -> ORDERED.contains(columns.kind(n)));
      if (name.isEmpty()) {
        return Optional.empty();
      }
      String quoted = columns.quoted(name.get(), false).orElseThrow();
      groupBy.add(quoted);
      outputs.add(new Output(quoted, name.get()));
    }
    for (AggregateFunc function : aggregation.aggregateExpressions()) {
      Optional<Output> output = output(function);
      if (output.isEmpty()) {
        return Optional.empty();
      }
      outputs.add(output.get());
    }
    return Optional.of(new Written(outputs, groupBy));
  }

  private Optional<Output> output(AggregateFunc function) {
    if (function instanceof CountStar) {
      return Optional.of(new Output("COUNT(*)", null));
    }
    if (function instanceof Count count) {
      return argument(count.column(), count.isDistinct() ? ORDERED : EnumSet.allOf(TableColumns.Kind.class))
          .map(c -> new Output("COUNT(" + (count.isDistinct() ? "DISTINCT " : "") + c + ")", null));
    }
    if (function instanceof Sum sum) {
      return argument(sum.column(), NUMERIC)
          .map(c -> new Output("SUM(" + (sum.isDistinct() ? "DISTINCT " : "") + c + ")", null));
    }
    if (function instanceof Min min) {
      return argument(min.column(), ORDERED)
          .map(c -> new Output("MIN(" + c + ")", plainName(min.column()).orElseThrow()));
    }
    if (function instanceof Max max) {
      return argument(max.column(), ORDERED)
          .map(c -> new Output("MAX(" + c + ")", plainName(max.column()).orElseThrow()));
    }
    return Optional.empty(); // AVG (Spark then asks for SUM and COUNT), and functions of Spark's own
  }

  /** The quoted name of an aggregate's argument when it is a plain column of one of {@code kinds}. */
  private Optional<String> argument(Expression argument, Set<TableColumns.Kind> kinds) {
    return plainName(argument).filter(n -> kinds.contains(columns.kind(n)))
        .flatMap(n -> columns.quoted(n, true));
  }

  /** The name of a reference to a top-level column; empty for any other expression. */
  private static Optional<String> plainName(Expression expression) {
    return expression instanceof NamedReference ref && ref.fieldNames().length == 1
        ? Optional.of(ref.fieldNames()[0]) : Optional.empty();
  }
}
