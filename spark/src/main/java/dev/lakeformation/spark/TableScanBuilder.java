package dev.lakeformation.spark;

import dev.lakeformation.api.LakeFormationException;
import dev.lakeformation.api.SqlState;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.SupportsPushDownFilters;
import org.apache.spark.sql.connector.read.SupportsPushDownLimit;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The scan of a table read by name: Spark first says which rows (filters), columns and how many
 * rows it needs, then the query is planned with exactly those, once per scan. A DataFrame that
 * selects 3 of 16 columns fetches 3 columns; a filter SQL answers alike is planned as a WHERE
 * clause (see {@link FilterSql}); one that shows 20 rows plans a query with {@code LIMIT 20}.
 */
final class TableScanBuilder implements SupportsPushDownRequiredColumns, SupportsPushDownFilters, SupportsPushDownLimit {
  private final ReadOptions options;
  private final FilterSql filterSql;
  private final StructType schema;
  /** The table's columns Spark reads, whole and with the catalog's types (Spark copes with a wider struct). */
  private StructType required;
  private FilterSql.Split filters = new FilterSql.Split(List.of(), List.of(), List.of());
  private int limit = -1;

  TableScanBuilder(ReadOptions options, StructType schema, FilterSql filterSql) {
    this.options = options;
    this.schema = schema;
    this.required = schema;
    this.filterSql = filterSql;
  }

  /** Writes the filters SQL gives the same answer for into the query; returns the rest, for Spark. */
  @Override
  public Filter[] pushFilters(Filter[] candidates) {
    filters = filterSql.split(candidates);
    return filters.left().toArray(Filter[]::new);
  }

  @Override
  public Filter[] pushedFilters() {
    return filters.pushed().toArray(Filter[]::new);
  }

  /** The top-level columns Spark names, as the catalog has them (a struct of which Spark needs one field is read whole). */
  @Override
  public void pruneColumns(StructType requiredSchema) {
    StructField[] asked = requiredSchema.fields();
    StructField[] columns = new StructField[asked.length];
    for (int i = 0; i < asked.length; i++) {
      columns[i] = schema.fields()[schema.fieldIndex(asked[i].name())];
    }
    this.required = new StructType(columns);
  }

  @Override
  public boolean pushLimit(int rows) {
    this.limit = rows;
    return true;
  }

  /** The SQL this scan plans: identifiers quoted, values as literals, nothing of Spark's written in as text. */
  String sql() {
    String columns = required.isEmpty() ? "1" // a count needs rows, not columns
        : Arrays.stream(required.fields()).map(f -> TableName.quoted(f.name())).collect(Collectors.joining(", "));
    return "SELECT " + columns + " FROM " + options.table().sql() + filters.where() + (limit >= 0 ? " LIMIT " + limit : "");
  }

  @Override
  public Scan build() {
    try {
      ResolvedQuery planned = ResolvedQuery.plan(options.planning(sql()));
      if (planned.units.isEmpty() || required.isEmpty()) {
        // No rows (a query without work units has no schema to check either), or rows without columns.
        return new LakeFormationScan(planned, new int[0], required);
      }
      checkTypes(planned);
      return new LakeFormationScan(planned, IntStream.range(0, required.size()).toArray(), required);
    } catch (LakeFormationException e) {
      throw new LakeFormationSparkException(e);
    }
  }

  /**
   * The planned result's columns must be the ones asked for with the catalog's types: a table
   * whose data has types other than its catalog says cannot be read as the catalog says.
   */
  private void checkTypes(ResolvedQuery planned) throws LakeFormationException {
    StructField[] got = planned.sparkSchema.fields();
    StructField[] asked = required.fields();
    for (int i = 0; i < asked.length; i++) {
      if (i >= got.length || !got[i].name().equalsIgnoreCase(asked[i].name())
          || !got[i].dataType().sameType(asked[i].dataType())) {
        throw new LakeFormationException(SqlState.DATA_EXCEPTION, "Table " + options.table() + " does not read as its"
            + " catalog describes it: column " + asked[i].name() + " is " + asked[i].dataType().simpleString()
            + " in the catalog, but the query " + planned.queryId + " returned "
            + (i < got.length ? got[i].name() + " " + got[i].dataType().simpleString() : "no such column")
            + ". Read it with the query option instead.");
      }
    }
  }
}
