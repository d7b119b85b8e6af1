package dev.lakeformation.jdbc.systemtable;

import dev.lakeformation.jdbc.errors.SqlErrors;
import dev.lakeformation.jdbc.errors.SqlState;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.List;
import java.util.Set;

/** A table in the {@code system} schema whose rows the driver gets from AWS APIs itself. */
public interface SystemTable {
  String name();

  /** What the table holds, for getTables' REMARKS and the docs. */
  String description();

  List<SystemColumn> columns();

  /**
   * The rows {@code query} may select (its filter is applied afterwards, so a table may return
   * more): a table uses the values the WHERE clause pins its key to, to call AWS for those
   * only. Partial answers add a warning to {@code warnings}.
   */
  InMemoryTable scan(SystemQuery query, SystemTableContext context, List<SQLWarning> warnings) throws SQLException;

  /** The string values {@code query} pins {@code column} to, or null; anything else is an error. */
  static Set<String> pinnedStrings(SystemQuery query, String column) throws SQLException {
    Set<Object> values = query.where() == null ? null : query.where().pinnedValues(column);
    if (values == null) {
      return null;
    }
    for (Object value : values) {
      if (!(value instanceof String)) {
        throw SqlErrors.of(SqlState.SYNTAX_OR_ACCESS, column + " values are quoted strings, not " + value + ".");
      }
    }
    @SuppressWarnings("unchecked")
    Set<String> strings = (Set<String>) (Set<?>) values;
    return strings;
  }
}
