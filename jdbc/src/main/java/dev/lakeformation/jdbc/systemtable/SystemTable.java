package dev.lakeformation.jdbc.systemtable;

import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.List;
import java.util.Set;

/**
 * A table in the {@code system} schema whose rows the driver gets from AWS APIs itself. A
 * statement's filters on the table's key are pushed to those APIs (only the named rows are
 * fetched); everything else the statement asks is answered by H2 over the fetched rows.
 */
public abstract class SystemTable {
  private final String name;
  private final String description;
  private final List<SystemColumn> columns;
  private final String keyColumn;
  private final boolean listsWithoutKeys;

  /**
   * @param description what the table holds, for getTables' REMARKS and the docs
   * @param keyColumn the column whose values name what is fetched: query_execution_id or query_id
   * @param listsWithoutKeys whether the service can list the table's rows when no key is named
   *     (Lake Formation cannot list queries)
   */
  protected SystemTable(String name, String description, List<SystemColumn> columns, String keyColumn,
      boolean listsWithoutKeys) {
    this.name = name;
    this.description = description;
    this.columns = List.copyOf(columns);
    this.keyColumn = keyColumn;
    this.listsWithoutKeys = listsWithoutKeys;
  }

  public final String name() {
    return name;
  }

  public final String description() {
    return description;
  }

  public final List<SystemColumn> columns() {
    return columns;
  }

  public final String keyColumn() {
    return keyColumn;
  }

  public final boolean listsWithoutKeys() {
    return listsWithoutKeys;
  }

  /**
   * The rows of {@code keys}, or, when {@code keys} is null, the rows the service lists (the first
   * {@code most} of them suffice). The statement's own filters are applied afterwards, so a table
   * may return more rows than match. Partial answers add a warning to {@code warnings}.
   */
  public abstract InMemoryTable scan(Set<String> keys, long most, SystemTableContext context,
      List<SQLWarning> warnings) throws SQLException;
}
