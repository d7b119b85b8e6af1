package dev.lakeformation.jdbc.systemtable;

import dev.lakeformation.jdbc.resultset.ArrowResultSet;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/** The tables of the {@code system} schema, and answering a SELECT on them. */
public final class SystemTables {
  /** The tables H2 answers from; {@code query_results} streams and is the statement's. */
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
    all.sort(Comparator.comparing(Description::name));
    return all;
  }

  /** The tables H2 answers from (query_results is not one). */
  static List<SystemTable> all() {
    return TABLES;
  }

  /** The table of that (lower-case) name, or null; query_results is not one. */
  static SystemTable find(String name) {
    return TABLES.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
  }

  /** The names of every system table, for messages. */
  static String names() {
    return String.join(", ", describeAll().stream().map(d -> SystemQueryParser.SCHEMA + "." + d.name()).toList());
  }

  /**
   * Answers {@code select}: checks its SQL in a private H2 database before anything is fetched,
   * fetches the rows of each table it reads (for the keys its filters name), loads them and lets
   * H2 run the statement. The database is gone before this returns; the result is Arrow batches
   * from {@code allocator}, which its result set frees when closed.
   *
   * @param rowLimit the statement's maximum rows (Long.MAX_VALUE for all)
   * @param onClose run when the result set closes
   */
  public static ArrowResultSet run(SystemStatement.Select select, SystemTableContext context,
      BufferAllocator allocator, Statement statement, long rowLimit, Runnable onClose) throws SQLException {
    List<SQLWarning> warnings = new ArrayList<>();
    List<SystemTable> tables = select.reads().stream().map(TableRead::table).toList();
    // A plain "SELECT … FROM table LIMIT n" returns the table's first rows: listing more is wasted.
    long listed = select.plainScanLimit() < 0 ? Long.MAX_VALUE : Math.min(select.plainScanLimit(), rowLimit);
    InMemoryBatches rows;
    try (SystemDatabase database = SystemDatabase.create(tables, select.schemaNames());
        PreparedStatement query = database.prepare(select.sql())) {
      for (TableRead read : select.reads()) {
        database.load(read.table(), read.table().scan(read.keys(), listed, context, warnings));
      }
      rows = database.run(query, allocator, context.cancellation(), rowLimit);
    }
    ArrowResultSet result = new ArrowResultSet(rows, statement, rowLimit, onClose);
    warnings.forEach(result::addWarning);
    return result;
  }
}
