package dev.lakeformation.jdbc.systemtable;

import dev.lakeformation.api.SqlState;
import dev.lakeformation.jdbc.errors.SqlErrors;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;

/**
 * Recognises statements on the driver's {@code system} schema, with JSqlParser, and says before
 * anything is fetched what answering one takes: which tables it reads, for which keys
 * ({@link TableReads}), or which query's rows it streams ({@link QueryResultsTable}). What cannot
 * be answered fails here: a write (system tables are read-only), several statements at once, an
 * unknown table, a table that needs keys and has none.
 */
public final class SystemQueryParser {
  /** The schema the driver answers itself; a Glue database of that name is hidden by it. */
  public static final String SCHEMA = "system";
  /** The data catalog the system schema is listed in: Athena's name for Glue's, the connection's catalog. */
  public static final String CATALOG = "AwsDataCatalog";

  private SystemQueryParser() {}

  /**
   * What {@code sql} asks of the system tables, or null when it reads none (then it is the
   * service's to run).
   */
  public static SystemStatement parse(String sql) throws SQLException {
    if (!SystemSchemaScan.namesSystemSchema(sql)) {
      return null;
    }
    Statements statements;
    try {
      statements = CCJSqlParserUtil.parseStatements(sql);
    } catch (JSQLParserException e) {
      throw SystemDatabase.syntaxError(sql, e);
    }
    if (statements == null || statements.size() != 1) {
      throw SqlErrors.of(SqlState.SYNTAX_OR_ACCESS, "A statement on system tables must come alone; this SQL holds "
          + (statements == null ? 0 : statements.size()) + " statements. Send them one at a time.");
    }
    Statement statement = statements.get(0);
    if (!(statement instanceof Select select)
        || statement instanceof PlainSelect plain && plain.getIntoTables() != null) {
      throw SqlErrors.of(SqlState.FEATURE_NOT_SUPPORTED, "System tables are read-only: only SELECT can name them,"
          + " not " + firstWord(statement) + ".");
    }
    TableReads analysis = TableReads.of(select);
    List<Table> references = analysis.references();
    if (references.isEmpty()) {
      return null; // "system." qualified a column, not a table
    }
    checkNames(references);
    if (references.stream().anyMatch(QueryResultsTable::isNamedBy)) {
      return QueryResultsTable.read(select, references);
    }
    List<TableRead> reads = analysis.reads();
    for (TableRead read : reads) {
      if (read.keys() == null && !read.table().listsWithoutKeys()) {
        throw SqlErrors.of(SqlState.SYNTAX_OR_ACCESS, "system." + read.table().name() + " needs the queries it"
            + " reads named where it is read, as in WHERE " + read.table().keyColumn() + " = '…' or "
            + read.table().keyColumn() + " IN ('…', '…'): Lake Formation cannot list queries.");
      }
    }
    long plainScanLimit = statement instanceof PlainSelect plain && references.size() == 1
        ? SelectScope.plainScanLimit(plain) : -1;
    return new SystemStatement.Select(sql, reads, schemaNames(references), plainScanLimit);
  }

  /** Whether {@code table} is in the system schema: {@code system.x}, in any case, quoted or not. */
  static boolean isSystem(Table table) {
    return table.getSchemaName() != null && SCHEMA.equals(SelectScope.lower(table.getUnquotedSchemaName()));
  }

  private static void checkNames(List<Table> references) throws SQLException {
    for (Table reference : references) {
      String catalog = reference.getUnquotedDatabaseName();
      if (catalog != null && !catalog.equalsIgnoreCase(CATALOG)) {
        throw SqlErrors.of(SqlState.SYNTAX_OR_ACCESS, "The system schema is in the data catalog " + CATALOG
            + ": write system." + reference.getUnquotedName() + " or " + CATALOG + ".system."
            + reference.getUnquotedName() + ", not " + reference + ".");
      }
      String name = SelectScope.lower(reference.getUnquotedName());
      if (SystemTables.find(name) == null && !name.equals(QueryResultsTable.NAME)) {
        throw SqlErrors.of(SqlState.SYNTAX_OR_ACCESS, "Table " + reference + " does not exist; the system tables"
            + " are: " + SystemTables.names() + ".");
      }
    }
  }

  /** How H2 will read the schema names: an unquoted name folds to lower case, a quoted one stays as written. */
  private static Set<String> schemaNames(List<Table> references) {
    Set<String> names = new LinkedHashSet<>();
    for (Table reference : references) {
      boolean quoted = reference.getSchemaName().startsWith("\"");
      names.add(quoted ? reference.getUnquotedSchemaName() : SCHEMA);
    }
    return names;
  }

  /** The keyword a statement starts with, as it is reported. */
  private static String firstWord(Statement statement) {
    String text = statement.toString().trim();
    int end = 0;
    while (end < text.length() && Character.isLetter(text.charAt(end))) {
      end++;
    }
    return end == 0 ? "this statement" : text.substring(0, end).toUpperCase(Locale.ROOT);
  }
}
