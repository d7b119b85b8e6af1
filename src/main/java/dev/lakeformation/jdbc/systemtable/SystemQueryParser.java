package dev.lakeformation.jdbc.systemtable;

import dev.lakeformation.jdbc.errors.SqlErrors;
import dev.lakeformation.jdbc.errors.SqlState;
import dev.lakeformation.jdbc.systemtable.Condition.Operator;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.Parenthesis;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * Recognises SELECTs on the driver's {@code system} schema and turns them into a
 * {@link SystemQuery}, with JSqlParser. What a system table cannot answer (joins, functions,
 * grouping…) is an SQLFeatureNotSupportedException that names it; values in the WHERE clause
 * become literals in a {@link Condition}, never text that is run.
 */
public final class SystemQueryParser {
  /** The schema the driver answers itself; a Glue database of that name is hidden by it. */
  public static final String SCHEMA = "system";

  private static final String SUPPORTED = "System tables support SELECT with a column list or *, WHERE with "
      + "=, <>, <, <=, >, >=, IN, BETWEEN, IS [NOT] NULL, AND, OR, NOT, then ORDER BY and LIMIT.";

  private SystemQueryParser() {}

  /**
   * The system-table query {@code sql} is, or null when it reads no system table (then it is
   * the service's to run). SQL that JSqlParser cannot read is left to the service as well.
   */
  public static SystemQuery parse(String sql) throws SQLException {
    if (!mentionsSystem(sql)) {
      return null;
    }
    Statement statement;
    try {
      statement = CCJSqlParserUtil.parse(sql);
    } catch (JSQLParserException e) {
      return null;
    }
    if (statement instanceof PlainSelect select && select.getFromItem() instanceof Table table
        && isSystem(table)) {
      return toQuery(select, table);
    }
    for (String name : new TablesNamesFinder<>().getTables(statement)) {
      String[] parts = name.replace("\"", "").replace("`", "").toLowerCase(Locale.ROOT).split("\\.");
      if (parts.length >= 2 && parts[parts.length - 2].equals(SCHEMA)) {
        throw unsupported("a system table read together with other tables or inside another statement");
      }
    }
    return null;
  }

  /** A cheap test that spares the parser every ordinary query. */
  private static boolean mentionsSystem(String sql) {
    int last = sql.length() - SCHEMA.length();
    for (int i = 0; i <= last; i++) {
      if (sql.regionMatches(true, i, SCHEMA, 0, SCHEMA.length())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSystem(Table table) {
    return table.getSchemaName() != null && SCHEMA.equals(name(table.getUnquotedSchemaName()));
  }

  private static SystemQuery toQuery(PlainSelect select, Table table) throws SQLException {
    if (select.getJoins() != null && !select.getJoins().isEmpty()) {
      throw unsupported("JOIN");
    }
    if (select.getDistinct() != null) {
      throw unsupported("DISTINCT");
    }
    if (select.getGroupBy() != null || select.getHaving() != null) {
      throw unsupported("GROUP BY and HAVING");
    }
    if (select.getWithItemsList() != null && !select.getWithItemsList().isEmpty()) {
      throw unsupported("WITH");
    }
    if (select.getOffset() != null || (select.getLimit() != null && select.getLimit().getOffset() != null)) {
      throw unsupported("OFFSET");
    }
    if (select.getIntoTables() != null || select.getForUpdateTable() != null || select.getForMode() != null) {
      throw unsupported("SELECT INTO and FOR UPDATE");
    }
    String alias = table.getAlias() == null ? null : name(table.getAlias().getUnquotedName());
    Names names = new Names(name(table.getUnquotedName()), alias);
    List<String> columns = new ArrayList<>();
    for (SelectItem<?> item : select.getSelectItems()) {
      Expression expression = item.getExpression();
      if (expression instanceof AllColumns all && !(all.getExceptColumns() != null
          && !all.getExceptColumns().isEmpty()) && select.getSelectItems().size() == 1) {
        break;
      }
      if (!(expression instanceof Column column)) {
        throw unsupported("the select item " + item);
      }
      if (item.getAlias() != null) {
        throw unsupported("the column alias in " + item);
      }
      columns.add(names.column(column));
    }
    Condition where = select.getWhere() == null ? null : names.condition(select.getWhere());
    List<SystemQuery.SortKey> order = new ArrayList<>();
    if (select.getOrderByElements() != null) {
      for (OrderByElement element : select.getOrderByElements()) {
        if (!(element.getExpression() instanceof Column column)) {
          throw unsupported("ORDER BY " + element.getExpression() + " (only column names can be sorted on)");
        }
        boolean nullsFirst = element.getNullOrdering() == null ? !element.isAsc()
            : element.getNullOrdering() == OrderByElement.NullOrdering.NULLS_FIRST;
        order.add(new SystemQuery.SortKey(names.column(column), element.isAsc(), nullsFirst));
      }
    }
    return new SystemQuery(names.table, List.copyOf(columns), where, List.copyOf(order), limit(select));
  }

  private static long limit(PlainSelect select) throws SQLException {
    Expression count = null;
    if (select.getLimit() != null) {
      Limit limit = select.getLimit();
      if (limit.isLimitAll() || limit.isLimitNull()) {
        return -1;
      }
      count = limit.getRowCount();
    } else if (select.getFetch() != null) {
      count = select.getFetch().getExpression();
    }
    if (count == null) {
      return -1;
    }
    if (count instanceof LongValue value && value.getValue() >= 0) {
      return value.getValue();
    }
    throw unsupported("LIMIT " + count + " (the limit must be a non-negative whole number)");
  }

  /** Resolves column names against the table's name and alias. */
  private record Names(String table, String alias) {
    String column(Column column) throws SQLException {
      Table qualifier = column.getTable();
      if (qualifier != null && qualifier.getName() != null) {
        String prefix = name(qualifier.getUnquotedName());
        boolean matches = prefix.equals(alias) || (prefix.equals(table) && (qualifier.getSchemaName() == null
            || SCHEMA.equals(name(qualifier.getUnquotedSchemaName()))));
        if (!matches) {
          throw SqlErrors.of(SqlState.INVALID_COLUMN, "Column " + column + " names a table other than "
              + SCHEMA + "." + table + ".");
        }
      }
      return name(column.getUnquotedColumnName());
    }

    Condition condition(Expression expression) throws SQLException {
      if (expression instanceof AndExpression and) {
        return new Condition.And(condition(and.getLeftExpression()), condition(and.getRightExpression()));
      }
      if (expression instanceof OrExpression or) {
        return new Condition.Or(condition(or.getLeftExpression()), condition(or.getRightExpression()));
      }
      if (expression instanceof NotExpression not) {
        return new Condition.Not(condition(not.getExpression()));
      }
      if (expression instanceof Parenthesis parenthesis) {
        return condition(parenthesis.getExpression());
      }
      if (expression instanceof ExpressionList<?> list && list.size() == 1) {
        return condition(list.get(0));
      }
      if (expression instanceof ComparisonOperator comparison) {
        return comparison(comparison);
      }
      if (expression instanceof InExpression in && in.getLeftExpression() instanceof Column column
          && in.getRightExpression() instanceof ExpressionList<?> values) {
        List<Object> literals = new ArrayList<>();
        for (Expression value : values) {
          literals.add(literal(value));
        }
        return new Condition.In(column(column), literals, in.isNot());
      }
      if (expression instanceof IsNullExpression isNull && isNull.getLeftExpression() instanceof Column column) {
        return new Condition.IsNull(column(column), isNull.isNot());
      }
      if (expression instanceof Between between && between.getLeftExpression() instanceof Column column) {
        String name = column(column);
        Condition range = new Condition.And(
            new Condition.Compare(name, Operator.GE, literal(between.getBetweenExpressionStart())),
            new Condition.Compare(name, Operator.LE, literal(between.getBetweenExpressionEnd())));
        return between.isNot() ? new Condition.Not(range) : range;
      }
      throw unsupported("the condition " + expression);
    }

    private Condition comparison(ComparisonOperator comparison) throws SQLException {
      Operator operator = operator(comparison);
      if (comparison.getLeftExpression() instanceof Column column && !isBooleanWord(column)) {
        return new Condition.Compare(column(column), operator, literal(comparison.getRightExpression()));
      }
      if (comparison.getRightExpression() instanceof Column column && !isBooleanWord(column)) {
        return new Condition.Compare(column(column), mirrored(operator), literal(comparison.getLeftExpression()));
      }
      throw unsupported("the condition " + comparison + " (one side must be a column, the other a value)");
    }
  }

  private static Operator operator(ComparisonOperator comparison) throws SQLException {
    if (comparison instanceof EqualsTo) {
      return Operator.EQ;
    }
    if (comparison instanceof NotEqualsTo) {
      return Operator.NE;
    }
    if (comparison instanceof MinorThan) {
      return Operator.LT;
    }
    if (comparison instanceof MinorThanEquals) {
      return Operator.LE;
    }
    if (comparison instanceof GreaterThan) {
      return Operator.GT;
    }
    if (comparison instanceof GreaterThanEquals) {
      return Operator.GE;
    }
    throw unsupported("the operator " + comparison.getStringExpression());
  }

  /** {@code 5 < x} is {@code x > 5}. */
  private static Operator mirrored(Operator operator) {
    return switch (operator) {
      case LT -> Operator.GT;
      case LE -> Operator.GE;
      case GT -> Operator.LT;
      case GE -> Operator.LE;
      default -> operator;
    };
  }

  private static boolean isBooleanWord(Column column) {
    String word = column.getColumnName().toLowerCase(Locale.ROOT);
    return column.getTable() == null || column.getTable().getName() == null
        ? word.equals("true") || word.equals("false") : false;
  }

  private static Object literal(Expression expression) throws SQLException {
    if (expression instanceof StringValue string) {
      return string.getValue().replace("''", "'");
    }
    if (expression instanceof LongValue number) {
      return new BigDecimal(number.getStringValue());
    }
    if (expression instanceof DoubleValue number) {
      return new BigDecimal(number.toString());
    }
    if (expression instanceof SignedExpression signed) {
      Object value = literal(signed.getExpression());
      if (value instanceof BigDecimal number) {
        return signed.getSign() == '-' ? number.negate() : number;
      }
      throw unsupported("the sign before " + signed.getExpression());
    }
    if (expression instanceof NullValue) {
      return null;
    }
    if (expression instanceof BooleanValue bool) {
      return bool.getValue();
    }
    if (expression instanceof Column column && isBooleanWord(column)) {
      return Boolean.parseBoolean(column.getColumnName());
    }
    if (expression instanceof DateTimeLiteralExpression temporal) {
      String text = temporal.getValue();
      if (text.length() >= 2 && text.startsWith("'") && text.endsWith("'")) {
        text = text.substring(1, text.length() - 1);
      }
      return new Condition.TemporalLiteral(temporal.getType().name(), text);
    }
    if (expression instanceof JdbcParameter) {
      throw SqlErrors.of(SqlState.INVALID_PARAMETER,
          "A ? parameter reached a system table unbound; set every parameter of the PreparedStatement.");
    }
    throw unsupported("the value " + expression + " (values must be literals: 'text', numbers, TRUE, FALSE, "
        + "NULL, DATE '…', TIMESTAMP '…')");
  }

  private static String name(String unquoted) {
    return unquoted.toLowerCase(Locale.ROOT);
  }

  private static SQLException unsupported(String what) {
    return new SQLFeatureNotSupportedException(capitalised(what) + " is not supported on system tables. "
        + SUPPORTED, SqlState.FEATURE_NOT_SUPPORTED);
  }

  private static String capitalised(String what) {
    return what.isEmpty() ? what : Character.toUpperCase(what.charAt(0)) + what.substring(1);
  }
}
