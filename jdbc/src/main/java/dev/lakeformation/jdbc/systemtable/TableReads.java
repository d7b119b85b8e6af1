package dev.lakeformation.jdbc.systemtable;

import dev.lakeformation.jdbc.systemtable.SelectScope.Source;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * Which system tables a SELECT reads and which keys each must be fetched for, worked out from
 * the parsed statement alone, before any call to AWS.
 *
 * <p>Every SELECT block of the statement (subqueries, derived tables, CTEs and UNION branches
 * included) is looked at on its own: a system table in its FROM clause is fetched only for the
 * keys its WHERE clause, and the ON conditions that restrict it, pin the key column to
 * ({@link IdPins}). Equalities between two tables' keys pass those keys on ({@code q.query_id =
 * w.query_id}), a derived table's key filtered outside it ({@code SELECT * FROM (SELECT * FROM
 * system.queries) t WHERE t.query_id = '…'}, as Spark writes) is filtered inside, and a block that
 * returns no rows whatever its tables hold ({@code WHERE 1 = 0}, {@code LIMIT 0}) needs none of
 * them. A table read from several places is fetched once, for the union of what they need; one
 * reached any other way is fetched whole.
 *
 * <p>This decides only what is fetched: H2 still applies every condition, so a conclusion it
 * cannot draw costs calls, never rows.
 */
final class TableReads {
  /** What a derived table's SELECT is told by the SELECT around it. */
  private record Outside(boolean rowsNeeded, Map<String, Set<String>> keysByLabel) {
    static final Outside NOTHING_KNOWN = new Outside(true, Map.of());
  }

  /** An equality of two columns; {@code toward} set when keys may pass only to that join's table. */
  private record Equality(EqualsTo equals, Join toward) {}

  private final Map<PlainSelect, Outside> outside = new IdentityHashMap<>();
  private final Set<Table> placed = Collections.newSetFromMap(new IdentityHashMap<>());
  private final List<Table> references = new ArrayList<>();
  /** Each table read, with the keys it is read for; a null value: every listed row. */
  private final Map<SystemTable, Set<String>> keys = new LinkedHashMap<>();

  private TableReads() {}

  /** Walks {@code statement}; unknown system tables are kept as references and left out of the reads. */
  static TableReads of(Select statement) {
    TableReads reads = new TableReads();
    reads.new Walker().getTables((Statement) statement); // a Select is an Expression too
    for (Table reference : reads.references) {
      SystemTable table = SystemTables.find(SelectScope.lower(reference.getUnquotedName()));
      if (table != null && !reads.placed.contains(reference)) {
        reads.read(table, null); // somewhere this analysis does not follow: fetched whole
      }
    }
    return reads;
  }

  /** Every reference to a table of the system schema, in the order written. */
  List<Table> references() {
    return references;
  }

  List<TableRead> reads() {
    List<TableRead> reads = new ArrayList<>();
    keys.forEach((table, values) -> reads.add(new TableRead(table, values)));
    return reads;
  }

  /** Visits every SELECT block before the blocks inside it, and every table. */
  private final class Walker extends TablesNamesFinder<Void> {
    @Override
    public <S> Void visit(PlainSelect select, S context) {
      analyse(select);
      return super.visit(select, context);
    }

    @Override
    public <S> Void visit(Table table, S context) {
      if (SystemQueryParser.isSystem(table)) {
        references.add(table);
      }
      return super.visit(table, context);
    }
  }

  private void analyse(PlainSelect select) {
    Outside told = outside.getOrDefault(select, Outside.NOTHING_KNOWN);
    SelectScope scope = SelectScope.of(select);
    boolean rowsNeeded = told.rowsNeeded() && !SelectScope.returnsNothing(select);
    Map<String, Source> labels = scope.keyOutputs();
    Map<Source, Set<String>> pinned = new IdentityHashMap<>();
    for (Source source : scope.sources()) {
      if (source.table() != null) {
        Set<String> values = rowsNeeded ? pinnedBy(select, scope, source, source.key()) : Set.of();
        for (Map.Entry<String, Source> label : labels.entrySet()) {
          if (rowsNeeded && label.getValue() == source) {
            values = IdPins.intersect(values, told.keysByLabel().get(label.getKey()));
          }
        }
        pinned.put(source, values);
      }
    }
    if (rowsNeeded) {
      shareThroughEqualities(select, scope, pinned);
    }
    pinned.forEach((source, values) -> {
      placed.add(source.reference());
      read(source.table(), values);
    });
    for (Source source : scope.sources()) {
      if (source.derived() != null) {
        Map<String, Set<String>> byLabel = new HashMap<>();
        for (String label : rowsNeeded ? source.keyOutputs() : Set.<String>of()) {
          Set<String> values = pinnedBy(select, scope, source, label);
          if (values != null) {
            byLabel.put(label, values);
          }
        }
        outside.put(source.derived(), new Outside(rowsNeeded, byLabel));
      }
    }
  }

  /** The values {@code select}'s conditions pin column {@code column} of {@code source} to, or null. */
  private static Set<String> pinnedBy(PlainSelect select, SelectScope scope, Source source, String column) {
    Set<String> values = null;
    for (Expression condition : conditionsOn(select, source)) {
      values = IdPins.intersect(values, IdPins.of(condition, c -> scope.refersTo(c, source, column)));
    }
    return values;
  }

  /**
   * The conditions every row {@code source} contributes to the result passes: the WHERE clause,
   * the ON conditions of inner joins, and the ON condition of the LEFT JOIN that brings the
   * source in (its rows that fail it only ever appear as NULLs). Those of RIGHT and FULL joins
   * keep rows that fail them, so they pin nothing.
   */
  private static List<Expression> conditionsOn(PlainSelect select, Source source) {
    List<Expression> conditions = new ArrayList<>();
    if (select.getWhere() != null) {
      conditions.add(select.getWhere());
    }
    for (Join join : select.getJoins() == null ? List.<Join>of() : select.getJoins()) {
      if (isInner(join) || join == source.join() && isLeftOuter(join)) {
        conditions.addAll(onConditions(join));
      }
    }
    return conditions;
  }

  /**
   * Passes keys along equalities of two tables' keys until nothing changes: in the WHERE clause
   * and inner joins both ways, in a LEFT JOIN's ON condition only to the table it brings in.
   * Sets only ever shrink, so this ends.
   */
  private static void shareThroughEqualities(PlainSelect select, SelectScope scope, Map<Source, Set<String>> pinned) {
    List<Equality> equalities = new ArrayList<>();
    IdPins.conjuncts(select.getWhere()).forEach(c -> addEquality(equalities, c, null));
    for (Join join : select.getJoins() == null ? List.<Join>of() : select.getJoins()) {
      if (isInner(join) || isLeftOuter(join)) {
        for (Expression on : onConditions(join)) {
          IdPins.conjuncts(on).forEach(c -> addEquality(equalities, c, isInner(join) ? null : join));
        }
      }
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Equality equality : equalities) {
        Source left = scope.keyNamedBy((Column) equality.equals().getLeftExpression());
        Source right = scope.keyNamedBy((Column) equality.equals().getRightExpression());
        if (left != null && right != null && left != right) {
          changed |= pass(left, right, equality.toward(), pinned);
          changed |= pass(right, left, equality.toward(), pinned);
        }
      }
    }
  }

  private static void addEquality(List<Equality> equalities, Expression condition, Join toward) {
    if (condition instanceof EqualsTo equals && equals.getLeftExpression() instanceof Column
        && equals.getRightExpression() instanceof Column) {
      equalities.add(new Equality(equals, toward));
    }
  }

  private static boolean pass(Source from, Source to, Join toward, Map<Source, Set<String>> pinned) {
    Set<String> known = pinned.get(from);
    if (known == null || toward != null && to.join() != toward) {
      return false;
    }
    Set<String> narrowed = IdPins.intersect(pinned.get(to), known);
    if (narrowed.equals(pinned.get(to))) {
      return false;
    }
    pinned.put(to, narrowed);
    return true;
  }

  private void read(SystemTable table, Set<String> values) {
    keys.put(table, keys.containsKey(table) ? IdPins.union(keys.get(table), values) : values);
  }

  private static Collection<Expression> onConditions(Join join) {
    return join.getOnExpressions() == null ? List.of() : join.getOnExpressions();
  }

  /** JOIN, INNER JOIN, CROSS JOIN and the comma: every row of the result passes the ON condition. */
  private static boolean isInner(Join join) {
    return !(join.isLeft() || join.isRight() || join.isFull() || join.isOuter() || join.isSemi() || join.isApply());
  }

  private static boolean isLeftOuter(Join join) {
    return join.isLeft() && !join.isSemi() && !join.isApply();
  }
}
