package dev.lakeformation.jdbc.systemtable;

import dev.lakeformation.jdbc.errors.SqlErrors;
import dev.lakeformation.jdbc.errors.SqlState;
import dev.lakeformation.jdbc.resultset.ArrowResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.memory.BufferAllocator;

/** The tables of the {@code system} schema, and running a parsed query on one of them. */
public final class SystemTables {
  /** The tables answered from memory; {@code query_results} streams and is the statement's. */
  private static final List<SystemTable> TABLES = List.of(new QueryExecutionsTable(),
      new UnprocessedQueryExecutionsTable(), new QueriesTable(), new WorkUnitsTable());

  /** A table as DatabaseMetaData lists it. */
  public record Description(String name, String remarks, List<SystemColumn> columns) {}

  private SystemTables() {}

  /** Every system table, query_results included, by name. */
  public static List<Description> describeAll() {
    List<Description> all = new ArrayList<>();
    for (SystemTable table : TABLES) {
      all.add(new Description(table.name(), table.description(), table.columns()));
    }
    all.add(new Description(QueryResultsTable.NAME, QueryResultsTable.DESCRIPTION, QueryResultsTable.COLUMNS));
    all.sort(java.util.Comparator.comparing(Description::name));
    return all;
  }

  /**
   * Runs {@code query} on its (in-memory) table, query_results not being one of them.
   *
   * @param rowLimit the statement's maximum rows (Long.MAX_VALUE for all)
   * @param onClose run when the result set closes
   */
  public static ArrowResultSet run(SystemQuery query, SystemTableContext context, BufferAllocator allocator,
      Statement statement, long rowLimit, Runnable onClose) throws SQLException {
    SystemTable table = TABLES.stream().filter(t -> t.name().equals(query.table())).findFirst()
        .orElseThrow(() -> SqlErrors.of(SqlState.SYNTAX_OR_ACCESS, "Table system." + query.table()
            + " does not exist; the system tables are: " + names() + "."));
    // Bind the query to the columns before any call to AWS, so that mistakes cost nothing.
    InMemoryTable.empty(table.name(), table.columns()).select(query);
    List<SQLWarning> warnings = new ArrayList<>();
    InMemoryTable selected = table.scan(query, context, warnings).select(query);
    ArrowResultSet result = selected.toResultSet(allocator, statement, rowLimit, onClose);
    warnings.forEach(result::addWarning);
    return result;
  }

  private static String names() {
    List<String> names = new ArrayList<>();
    for (Description table : describeAll()) {
      names.add("system." + table.name().toLowerCase(Locale.ROOT));
    }
    return String.join(", ", names);
  }
}
