package dev.lakeformation.jdbc.systemtable;

import java.util.List;

/**
 * A SELECT on one of the driver's system tables, parsed: what {@link SystemQueryParser} gives.
 * Names are unquoted and lower-cased.
 *
 * @param table the table name without the {@code system.} schema
 * @param columns the selected columns in order, empty for {@code *}
 * @param where the filter, or null for every row
 * @param orderBy the sort keys, first one first
 * @param limit the most rows to return, or -1 for no limit
 */
public record SystemQuery(String table, List<String> columns, Condition where, List<SortKey> orderBy, long limit) {
  /** One ORDER BY item. */
  public record SortKey(String column, boolean ascending, boolean nullsFirst) {}

  public boolean selectsAll() {
    return columns.isEmpty();
  }
}
