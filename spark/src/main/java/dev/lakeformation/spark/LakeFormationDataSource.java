package dev.lakeformation.spark;

import dev.lakeformation.api.LakeFormationException;
import java.util.Map;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * {@code spark.read.format("lakeformation")}: a Lake Formation table or query as a DataFrame, its
 * work units spread over Spark's executors. Registered under its short name in
 * {@code META-INF/services/org.apache.spark.sql.sources.DataSourceRegister}.
 *
 * <p>Spark creates one instance per {@code load()} and asks it for the schema, then for the
 * table. A table read by name gets its schema from the catalog and plans each scan when Spark
 * builds it; a query (SQL, or an ID) is planned (or attached to) for the schema and kept for the
 * table, so each load plans once. See {@code docs/spark.md} for the options.
 */
public final class LakeFormationDataSource implements TableProvider, DataSourceRegister {
  /** The table of this load, and the options it was made from. */
  private Map<String, String> resolvedOptions;
  private Table resolved;

  @Override
  public String shortName() {
    return "lakeformation";
  }

  @Override
  public StructType inferSchema(CaseInsensitiveStringMap options) {
    return resolved(options.asCaseSensitiveMap()).schema();
  }

  @Override
  public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties) {
    return resolved(properties);
  }

  private synchronized Table resolved(Map<String, String> options) {
    if (resolved == null || !resolvedOptions.equals(options)) {
      try {
        ReadOptions read = ReadOptions.parse(options);
        resolved = read.table() != null ? CatalogTable.describe(read) : new LakeFormationTable(ResolvedQuery.plan(read));
      } catch (LakeFormationException e) {
        throw new LakeFormationSparkException(e);
      }
      resolvedOptions = Map.copyOf(options);
    }
    return resolved;
  }
}
