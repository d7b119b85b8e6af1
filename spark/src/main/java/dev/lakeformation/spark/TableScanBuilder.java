package dev.lakeformation.spark;

import dev.lakeformation.api.LakeFormationException;
import dev.lakeformation.api.SqlState;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.sql.connector.expressions.aggregate.Aggregation;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.SupportsPushDownAggregates;
import org.apache.spark.sql.connector.read.SupportsPushDownFilters;
import org.apache.spark.sql.connector.read.SupportsPushDownLimit;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The scan of a table read by name: Spark first says which rows (filters), columns and how many
 * rows it needs, then the query is planned with exactly those, once per scan. A DataFrame that
 * selects 3 of 16 columns fetches 3 columns; a filter SQL answers alike is planned as a WHERE
 * clause (see {@link FilterSql}); one that shows 20 rows plans a query with {@code LIMIT 20}; a
 * {@code groupBy().agg()} SQL computes alike is planned as the query's own aggregation (see
 * {@link AggregateSql}), which then fetches one row per group.
 */
final class TableScanBuilder implements SupportsPushDownRequiredColumns, SupportsPushDownFilters,
    SupportsPushDownLimit, SupportsPushDownAggregates {
  private final ReadOptions options;
  private final FilterSql filterSql;
  private final AggregateSql aggregateSql;
  private final StructType schema;
  /** The table's columns Spark reads, whole and with the catalog's types (Spark copes with a wider struct). */
  private StructType required;
  private FilterSql.Split filters = new FilterSql.Split(List.of(), List.of(), List.of());
  /** The aggregation Spark pushed, which replaces the columns; null when Spark reads rows. */
  private AggregateSql.Written aggregation;
  private int limit = -1;

  TableScanBuilder(ReadOptions options, StructType schema, TableColumns columns) {
    this.options = options;
    this.schema = schema;
    this.required = schema;
    this.filterSql = new FilterSql(columns);
    this.aggregateSql = new AggregateSql(columns);
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

  /** Whole or not at all: one query computes every group over the whole table, so Spark need not again. */
  @Override
  public boolean supportCompletePushDown(Aggregation asked) {
    return aggregateSql.sql(asked).isPresent();
  }

  @Override
  public boolean pushAggregation(Aggregation asked) {
    Optional<AggregateSql.Written> written = aggregateSql.sql(asked);
    aggregation = written.orElse(null);
    return written.isPresent();
  }

  @Override
  public boolean pushLimit(int rows) {
    this.limit = rows;
    return true;
  }

  /** The SQL this scan plans: identifiers quoted, values as literals, nothing of Spark's written in as text. */
  String sql() {
    String columns = aggregation != null ? aggregation.selectList()
        : required.isEmpty() ? "1" // a count Spark did not push (after a limit, say) needs rows, not columns
        : Arrays.stream(required.fields()).map(f -> TableName.quoted(f.name())).collect(Collectors.joining(", "));
    return "SELECT " + columns + " FROM " + options.table().sql() + filters.where()
        + (aggregation != null ? aggregation.groupByClause() : "") + (limit >= 0 ? " LIMIT " + limit : "");
  }

  @Override
  public Scan build() {
    try {
      if (aggregation != null) {
        // One row per group: reading the schema on the driver costs next to nothing here, and
        // tells the types the service gives counts and sums.
        return aggregatedScan(ResolvedQuery.plan(options.planning(sql())));
      }
      ResolvedQuery planned = ResolvedQuery.planWithoutSchema(options.planning(sql()));
      return new LakeFormationScan(planned, IntStream.range(0, required.size()).toArray(), required,
          new ExpectedColumns(options.table().toString(), required));
    } catch (LakeFormationException e) {
      throw new LakeFormationSparkException(e);
    }
  }

  /**
   * The groups and aggregates, by position: a group and a MIN or MAX keep their column's type
   * (Spark goes on using the group's), a count or a sum is a number of the service's type, which
   * Spark casts to its own.
   */
  private Scan aggregatedScan(ResolvedQuery planned) throws LakeFormationException {
    List<AggregateSql.Output> outputs = aggregation.outputs();
    if (planned.units.isEmpty()) {
      if (aggregation.groupBy().isEmpty()) {
        // An aggregation without GROUP BY has exactly one row, even over no rows.
        throw new LakeFormationException(SqlState.DATA_EXCEPTION, "The query " + planned.queryId + " of table "
            + options.table() + " returned no row for an aggregation without GROUP BY, which always has one.");
      }
      // No rows (grouped, over no rows); the columns are those Spark expects, as nothing is read.
      StructField[] fields = new StructField[outputs.size()];
      for (int i = 0; i < fields.length; i++) {
        AggregateSql.Output output = outputs.get(i);
        fields[i] = output.column() != null ? schema.fields()[schema.fieldIndex(output.column())]
            : DataTypes.createStructField(output.sql(), DataTypes.LongType, true);
      }
      return new LakeFormationScan(planned, new int[0], new StructType(fields), null);
    }
    StructField[] got = planned.sparkSchema.fields();
    for (int i = 0; i < outputs.size(); i++) {
      AggregateSql.Output output = outputs.get(i);
      DataType type = i < got.length ? got[i].dataType() : null;
      boolean fits = output.column() == null ? type instanceof NumericType
          : type != null && type.sameType(schema.fields()[schema.fieldIndex(output.column())].dataType());
      if (!fits) {
        throw new LakeFormationException(SqlState.DATA_EXCEPTION, "Table " + options.table() + " does not aggregate"
            + " as its catalog describes it: " + output.sql() + " returned " + (type == null ? "no column"
            : type.simpleString()) + " in query " + planned.queryId + ". Read it with the query option instead.");
      }
    }
    return new LakeFormationScan(planned, IntStream.range(0, outputs.size()).toArray());
  }
}
