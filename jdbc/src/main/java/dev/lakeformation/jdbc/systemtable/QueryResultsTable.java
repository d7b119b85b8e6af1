package dev.lakeformation.jdbc.systemtable;

import dev.lakeformation.api.SqlState;
import dev.lakeformation.jdbc.errors.SqlErrors;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;

/**
 * {@code system.query_results}: the rows of a query that was planned elsewhere (another
 * session, another tool, the AWS console), read by its ID without planning it again:
 * <pre>SELECT * FROM system.query_results WHERE query_id = '…' [LIMIT n]</pre>
 * Its columns are the query's own and its rows stream from the work units, so it is never loaded
 * into H2: only {@code *}, that one condition and LIMIT apply, in a statement of its own.
 */
public final class QueryResultsTable {
  public static final String NAME = "query_results";
  public static final String QUERY_ID = "query_id";
  static final String DESCRIPTION = "The rows of a Lake Formation query planned elsewhere: SELECT * FROM"
      + " system.query_results WHERE query_id = '…'. Its other columns are the query's own.";
  static final List<SystemColumn> COLUMNS = List.of(SystemColumn.varchar(QUERY_ID));
  private static final String FORM = "SELECT * FROM system.query_results WHERE query_id = '…' [LIMIT n]";

  private QueryResultsTable() {}

  /** Whether {@code reference} names this table. */
  static boolean isNamedBy(Table reference) {
    return SelectScope.lower(reference.getUnquotedName()).equals(NAME);
  }

  /**
   * The query {@code statement} reads, given that it reads this table; anything it asks besides
   * is an error saying the form to use.
   *
   * @param references every system table the statement names
   */
  static SystemStatement.QueryResults read(Select statement, List<Table> references) throws SQLException {
    if (references.size() != 1 || !(statement instanceof PlainSelect select)
        || select.getFromItem() != references.get(0) || select.getJoins() != null
        || select.getWithItemsList() != null) {
      throw shapeError("reading it together with other tables or inside another statement (its rows stream from"
          + " the query's work units and are never held by the driver)");
    }
    if (select.getSelectItems().size() != 1
        || !(select.getSelectItems().get(0).getExpression() instanceof AllColumns)) {
      throw shapeError("a column list (the columns are the query's own: use *)");
    }
    if (select.getOrderByElements() != null) {
      throw shapeError("ORDER BY (rows come in work-unit order)");
    }
    if (select.getGroupBy() != null || select.getHaving() != null || select.getDistinct() != null
        || select.getOffset() != null || select.getLimit() != null && select.getLimit().getOffset() != null) {
      throw shapeError("grouping, DISTINCT or OFFSET");
    }
    Expression where = select.getWhere();
    while (where instanceof ParenthesedExpressionList<?> inner && inner.size() == 1) {
      where = inner.get(0);
    }
    Set<String> ids = IdPins.of(where, QueryResultsTable::isQueryId);
    boolean onlyTheId = (where instanceof EqualsTo || where instanceof InExpression) && ids != null && ids.size() == 1;
    if (!onlyTheId || ids.iterator().next().isBlank()) {
      throw SqlErrors.of(SqlState.SYNTAX_OR_ACCESS, "system.query_results needs exactly one query ID, as a quoted"
          + " string, and no other condition: SELECT * FROM system.query_results WHERE query_id = '<the Lake"
          + " Formation query ID>'");
    }
    long limit = SelectScope.rowLimit(select);
    if (limit < 0) {
      throw shapeError("a LIMIT that is not a whole number");
    }
    return new SystemStatement.QueryResults(ids.iterator().next(), limit == Long.MAX_VALUE ? -1 : limit);
  }

  private static boolean isQueryId(Column column) {
    return SelectScope.lower(column.getUnquotedColumnName()).equals(QUERY_ID);
  }

  private static SQLException shapeError(String what) {
    return SqlErrors.of(SqlState.FEATURE_NOT_SUPPORTED, "system.query_results does not support " + what + ". Use: "
        + FORM);
  }
}
