package dev.lakeformation.jdbc.systemtable;

import dev.lakeformation.jdbc.errors.SqlErrors;
import dev.lakeformation.jdbc.errors.SqlState;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Set;

/**
 * {@code system.query_results}: the rows of a query that was planned elsewhere (another
 * session, another tool, the AWS console), read by its ID without planning it again:
 * <pre>SELECT * FROM system.query_results WHERE query_id = '…' [LIMIT n]</pre>
 * Its columns are the query's own, so only {@code *}, that one condition and LIMIT apply.
 */
public final class QueryResultsTable {
  public static final String NAME = "query_results";
  public static final String QUERY_ID = "query_id";
  static final String DESCRIPTION = "The rows of a Lake Formation query planned elsewhere: SELECT * FROM"
      + " system.query_results WHERE query_id = '…'. Its other columns are the query's own.";
  static final java.util.List<SystemColumn> COLUMNS = java.util.List.of(SystemColumn.varchar(QUERY_ID));

  private QueryResultsTable() {}

  /** The ID of the query {@code query} reads; anything it asks besides is an error. */
  public static String queryId(SystemQuery query) throws SQLException {
    if (!query.selectsAll()) {
      throw shapeError("a column list (the columns are the query's own: use *)");
    }
    if (!query.orderBy().isEmpty()) {
      throw shapeError("ORDER BY (rows come in work-unit order)");
    }
    Condition where = query.where();
    Set<Object> ids = where == null ? null : where.pinnedValues(QUERY_ID);
    boolean onlyTheId = where instanceof Condition.Compare
        || (where instanceof Condition.In in && !in.negated() && in.literals().size() == 1);
    if (ids == null || ids.size() != 1 || !onlyTheId) {
      throw SqlErrors.of(SqlState.SYNTAX_OR_ACCESS, "system.query_results needs exactly one query ID and no other"
          + " condition: SELECT * FROM system.query_results WHERE query_id = '<the Lake Formation query ID>'");
    }
    Object id = ids.iterator().next();
    if (!(id instanceof String text) || text.isBlank()) {
      throw SqlErrors.of(SqlState.SYNTAX_OR_ACCESS, "query_id must be a quoted string, such as"
          + " WHERE query_id = '0f3c…', not " + id + ".");
    }
    return text;
  }

  private static SQLException shapeError(String what) {
    return new SQLFeatureNotSupportedException("system.query_results does not support " + what + ". Use: SELECT *"
        + " FROM system.query_results WHERE query_id = '…' [LIMIT n]", SqlState.FEATURE_NOT_SUPPORTED);
  }
}
