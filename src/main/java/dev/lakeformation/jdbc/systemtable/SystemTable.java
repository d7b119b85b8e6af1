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
public interface SystemTable {
  String name();

  /** What the table holds, for getTables' REMARKS and the docs. */
  String description();

  List<SystemColumn> columns();

  /** The column whose values name what is fetched: query_execution_id or query_id. */
  String keyColumn();

  /** Whether the service can list the table's rows when no key is named (Lake Formation cannot list queries). */
  boolean listsWithoutKeys();

  /**
   * The rows of {@code keys}, or, when {@code keys} is null, the rows the service lists (the first
   * {@code most} of them suffice). The statement's own filters are applied afterwards, so a table
   * may return more rows than match. Partial answers add a warning to {@code warnings}.
   */
  InMemoryTable scan(Set<String> keys, long most, SystemTableContext context, List<SQLWarning> warnings)
      throws SQLException;
}
