package dev.lakeformation.jdbc.systemtable;

import static dev.lakeformation.jdbc.systemtable.SystemColumn.bigint;
import static dev.lakeformation.jdbc.systemtable.SystemColumn.varchar;

import dev.lakeformation.api.LakeFormationException;
import dev.lakeformation.api.WorkUnitRange;
import dev.lakeformation.jdbc.errors.SqlErrors;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code system.work_units}: the work-unit ranges of a Lake Formation query (GetWorkUnits, every
 * page, waiting while units are still being planned), one row per range as the service listed
 * it: first and last ID, inclusive, and the range's token.
 */
final class WorkUnitsTable extends SystemTable {
  static final String NAME = "work_units";
  private static final List<SystemColumn> COLUMNS = List.of(varchar(QueryResultsTable.QUERY_ID),
      bigint("work_unit_id_min"), bigint("work_unit_id_max"), varchar("work_unit_token"));

  WorkUnitsTable() {
    super(NAME, "The work-unit ranges of a Lake Formation query (GetWorkUnits); needs WHERE query_id.", COLUMNS,
        QueryResultsTable.QUERY_ID, false);
  }

  /** @param keys the query IDs, never null: Lake Formation has no call that lists queries */
  @Override
  public InMemoryTable scan(Set<String> keys, long most, SystemTableContext context, List<SQLWarning> warnings)
      throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    for (String id : new TreeSet<>(keys)) {
      try {
        for (WorkUnitRange range : context.query(id).workUnitRanges()) {
          rows.add(new Object[] {id, range.idMin(), range.idMax(), range.token()});
        }
      } catch (LakeFormationException e) {
        throw SqlErrors.of(e);
      }
    }
    return new InMemoryTable(NAME, COLUMNS, rows);
  }
}
