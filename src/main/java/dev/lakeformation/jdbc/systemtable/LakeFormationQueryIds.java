package dev.lakeformation.jdbc.systemtable;

import dev.lakeformation.jdbc.errors.SqlErrors;
import dev.lakeformation.jdbc.errors.SqlState;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The Lake Formation query IDs a query on queries or work_units names; the API cannot list them. */
final class LakeFormationQueryIds {
  static final String COLUMN = "query_id";

  private LakeFormationQueryIds() {}

  static List<String> of(SystemQuery query) throws SQLException {
    Set<String> ids = SystemTable.pinnedStrings(query, COLUMN);
    if (ids == null) {
      throw SqlErrors.of(SqlState.SYNTAX_OR_ACCESS, "system." + query.table() + " needs the queries named, as in"
          + " WHERE query_id = '…' or WHERE query_id IN ('…', '…'): Lake Formation cannot list queries.");
    }
    return List.copyOf(new TreeSet<>(ids));
  }
}
