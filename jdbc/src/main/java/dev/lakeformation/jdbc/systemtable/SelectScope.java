package dev.lakeformation.jdbc.systemtable;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.expression.AllValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * The FROM items of one PlainSelect, with what is known of their columns, and which item a
 * column reference of that SELECT's WHERE or ON conditions names. Names compare without regard
 * to case, as H2 is set up to compare them. Where a reference could name more than one item (an
 * unqualified name next to an item whose columns are unknown), it names none: the conclusions
 * drawn from it are only ever used to fetch fewer rows, so in doubt nothing is concluded.
 */
final class SelectScope {
  /**
   * One FROM item.
   *
   * @param table the system table it reads, or null
   * @param reference the system table's reference in the SQL, or null
   * @param derived the SELECT of a derived table ({@code (SELECT …) t}), or null
   * @param join the join that brought it in, null for the first item
   * @param qualifier its alias, else its table name, in lower case; null when it has neither
   * @param columns its column names in lower case, or null when unknown
   * @param keyOutputs for a derived table, the names under which it passes system-table keys on unchanged
   */
  record Source(SystemTable table, Table reference, PlainSelect derived, Join join, String qualifier,
      Set<String> columns, Set<String> keyOutputs) {
    String key() {
      return table.keyColumn();
    }
  }

  private final PlainSelect select;
  private final List<Source> sources = new ArrayList<>();

  private SelectScope(PlainSelect select) {
    this.select = select;
    if (select.getFromItem() != null) {
      sources.add(source(select.getFromItem(), null));
    }
    if (select.getJoins() != null) {
      for (Join join : select.getJoins()) {
        sources.add(source(join.getFromItem(), join));
      }
    }
  }

  static SelectScope of(PlainSelect select) {
    return new SelectScope(select);
  }

  List<Source> sources() {
    return sources;
  }

  private static Source source(FromItem item, Join join) {
    String alias = item.getAlias() == null ? null : lower(item.getAlias().getUnquotedName());
    if (item instanceof Table table && SystemQueryParser.isSystem(table)) {
      SystemTable systemTable = SystemTables.find(lower(table.getUnquotedName()));
      if (systemTable != null) {
        return new Source(systemTable, table, null, join, alias != null ? alias : systemTable.name(),
            columnNames(systemTable), Set.of());
      }
    }
    if (item instanceof ParenthesedSelect parenthesed && parenthesed.getSelect() instanceof PlainSelect inner) {
      SelectScope innerScope = of(inner);
      return new Source(null, null, inner, join, alias, innerScope.outputNames(), innerScope.keyOutputs().keySet());
    }
    String name = item instanceof Table table ? lower(table.getUnquotedName()) : null;
    return new Source(null, null, null, join, alias != null ? alias : name, null, Set.of());
  }

  private static Set<String> columnNames(SystemTable table) {
    Set<String> names = new HashSet<>();
    table.columns().forEach(c -> names.add(lower(c.name())));
    return names;
  }

  /** Whether {@code column} names column {@code name} of {@code source}, and nothing else in this scope. */
  boolean refersTo(Column column, Source source, String name) {
    if (!lower(column.getUnquotedColumnName()).equals(name)) {
      return false;
    }
    Table qualifier = column.getTable();
    if (qualifier != null && qualifier.getName() != null) {
      String prefix = lower(qualifier.getUnquotedName());
      if (qualifier.getSchemaName() != null) {
        // system.queries.query_id: only an item without an alias can be named so.
        return source.table() != null && source.reference().getAlias() == null
            && SystemQueryParser.isSystem(qualifier) && prefix.equals(source.table().name());
      }
      return prefix.equals(source.qualifier());
    }
    if (source.columns() == null || !source.columns().contains(name)) {
      return false;
    }
    for (Source other : sources) {
      if (other != source && (other.columns() == null || other.columns().contains(name))) {
        return false;
      }
    }
    return true;
  }

  /** The system-table item whose key {@code column} names, or null. */
  Source keyNamedBy(Column column) {
    for (Source source : sources) {
      if (source.table() != null && refersTo(column, source, source.key())) {
        return source;
      }
    }
    return null;
  }

  /** The labels of this SELECT's columns in lower case, or null when one of them is unknown. */
  Set<String> outputNames() {
    Set<String> names = new LinkedHashSet<>();
    for (SelectItem<?> item : select.getSelectItems()) {
      Expression expression = item.getExpression();
      if (item.getAlias() != null) {
        names.add(lower(item.getAlias().getUnquotedName()));
      } else if (expression instanceof Column column) {
        names.add(lower(column.getUnquotedColumnName()));
      } else if (expression instanceof AllColumns all && plain(all)) {
        Collection<Source> covered = all instanceof AllTableColumns t ? named(t.getTable()) : sources;
        for (Source source : covered) {
          if (source.columns() == null) {
            return null;
          }
          names.addAll(source.columns());
        }
      } else {
        return null;
      }
    }
    return names;
  }

  /**
   * For a SELECT whose rows are its FROM items' rows filtered ({@link #isFilterOnly}), the labels
   * under which it passes a system table's key on unchanged, and that table; empty otherwise.
   * A filter on such a label outside the SELECT is a filter on the key inside it.
   */
  Map<String, Source> keyOutputs() {
    Map<String, Source> outputs = new HashMap<>();
    if (!isFilterOnly(select)) {
      return outputs;
    }
    Set<String> ambiguous = new HashSet<>();
    for (SelectItem<?> item : select.getSelectItems()) {
      Expression expression = item.getExpression();
      if (expression instanceof AllColumns all) {
        Collection<Source> covered = all instanceof AllTableColumns t ? named(t.getTable()) : sources;
        for (Source source : covered) {
          if (source.table() != null) {
            Column key = new Column(source.key());
            if (covered.size() == 1 || refersTo(key, source, source.key())) {
              addOutput(outputs, ambiguous, source.key(), source);
            }
          }
        }
      } else if (expression instanceof Column column) {
        Source source = keyNamedBy(column);
        String label = item.getAlias() != null ? lower(item.getAlias().getUnquotedName())
            : lower(column.getUnquotedColumnName());
        if (source != null) {
          addOutput(outputs, ambiguous, label, source);
        } else {
          ambiguous.add(label);
        }
      }
    }
    ambiguous.forEach(outputs::remove);
    return outputs;
  }

  private static void addOutput(Map<String, Source> outputs, Set<String> ambiguous, String label, Source source) {
    if (outputs.putIfAbsent(label, source) != null) {
      ambiguous.add(label);
    }
  }

  private List<Source> named(Table table) {
    String name = table == null || table.getName() == null ? null : lower(table.getUnquotedName());
    return sources.stream().filter(s -> name != null && name.equals(s.qualifier())).toList();
  }

  /**
   * Whether the rows of {@code select} are rows of its FROM items, filtered, with columns passed
   * on unchanged: no grouping, DISTINCT, limit or window, and only columns and {@code *} selected.
   * Only then can a filter on its result be applied to its input instead.
   */
  static boolean isFilterOnly(PlainSelect select) {
    return selectsColumnsOnly(select) && rowLimit(select) == Long.MAX_VALUE && select.getOffset() == null;
  }

  /** Whether {@code select} returns no rows whatever its tables hold: LIMIT 0, or a WHERE no row passes. */
  static boolean returnsNothing(PlainSelect select) {
    return rowLimit(select) == 0 || IdPins.of(select.getWhere(), column -> false) != null;
  }

  /**
   * For {@code SELECT columns FROM one_table [LIMIT n]}, which returns the table's first rows as
   * they are, how many rows it returns at most (Long.MAX_VALUE without a limit); -1 for any
   * other SELECT. Such a SELECT on a listed table needs only that many rows listed.
   */
  static long plainScanLimit(PlainSelect select) {
    boolean plain = select.getJoins() == null && select.getWhere() == null && select.getOrderByElements() == null
        && select.getOffset() == null && selectsColumnsOnly(select);
    return plain ? Math.max(rowLimit(select), -1) : -1;
  }

  /** No grouping, DISTINCT or window, and only columns and {@code *} selected. */
  private static boolean selectsColumnsOnly(PlainSelect select) {
    if (select.getGroupBy() != null || select.getHaving() != null || select.getDistinct() != null
        || select.getQualify() != null || select.getWindowDefinitions() != null) {
      return false;
    }
    for (SelectItem<?> item : select.getSelectItems()) {
      Expression expression = item.getExpression();
      if (!(expression instanceof Column || expression instanceof AllColumns all && plain(all))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The row count of LIMIT, FETCH FIRST or TOP when it is a plain number, Long.MAX_VALUE without
   * any, -2 when it is something else (a parameter, an expression, a percentage) or comes with
   * an offset.
   */
  static long rowLimit(PlainSelect select) {
    Expression count;
    if (select.getLimit() != null) {
      count = select.getLimit().getOffset() == null ? select.getLimit().getRowCount() : null;
      if (count instanceof AllValue || count instanceof NullValue) {
        return Long.MAX_VALUE; // LIMIT ALL, LIMIT NULL
      }
    } else if (select.getFetch() != null) {
      count = select.getFetch().getExpression();
    } else if (select.getTop() != null) {
      count = select.getTop().isPercentage() ? null : select.getTop().getExpression();
    } else {
      return Long.MAX_VALUE;
    }
    return count instanceof LongValue value && value.getValue() >= 0 ? value.getValue() : -2;
  }

  private static boolean plain(AllColumns all) {
    return (all.getExceptColumns() == null || all.getExceptColumns().isEmpty())
        && (all.getReplaceExpressions() == null || all.getReplaceExpressions().isEmpty());
  }

  static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
