package dev.lakeformation.jdbc.systemtable;

import java.util.List;
import java.util.Set;

/** A statement on the {@code system} schema, as {@link SystemQueryParser} recognised it. */
public sealed interface SystemStatement {

  /**
   * A SELECT that H2 answers over the rows of the system tables it reads.
   *
   * @param sql the statement as written: H2 runs exactly this text
   * @param reads each table it reads, once, with the keys to fetch it for
   * @param schemaNames the names the statement gives the system schema, as H2 reads them: "system"
   *     for unquoted ones in any case, and each quoted spelling ({@code "SYSTEM"}) besides
   * @param plainScanLimit for {@code SELECT columns FROM one_table [LIMIT n]}: its limit
   *     (Long.MAX_VALUE without one), since the table's first rows are all it returns; -1 otherwise
   */
  record Select(String sql, List<TableRead> reads, Set<String> schemaNames, long plainScanLimit)
      implements SystemStatement {}

  /** {@code SELECT * FROM system.query_results WHERE query_id = '…' [LIMIT n]}: -1 for no limit. */
  record QueryResults(String queryId, long limit) implements SystemStatement {}
}
