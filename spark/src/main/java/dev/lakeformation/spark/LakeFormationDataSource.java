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
 * {@code spark.read.format("lakeformation")}: a Lake Formation query as a DataFrame, its work
 * units spread over Spark's executors. Registered under its short name in
 * {@code META-INF/services/org.apache.spark.sql.sources.DataSourceRegister}.
 *
 * <p>Spark creates one instance per {@code load()} and asks it for the schema, then for the
 * table: the query is planned (or attached to) for the first and kept for the second, so each
 * load plans once. See {@code docs/spark.md} for the options.
 */
public final class LakeFormationDataSource implements TableProvider, DataSourceRegister {
  /** The planned query of this load, and the options it was planned from. */
  private Map<String, String> plannedOptions;
  private ResolvedQuery planned;

  @Override
  public String shortName() {
    return "lakeformation";
  }

  @Override
  public StructType inferSchema(CaseInsensitiveStringMap options) {
    return planned(options.asCaseSensitiveMap()).sparkSchema;
  }

  @Override
  public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties) {
    return new LakeFormationTable(planned(properties));
  }

  private synchronized ResolvedQuery planned(Map<String, String> options) {
    if (planned == null || !plannedOptions.equals(options)) {
      try {
        planned = ResolvedQuery.plan(ReadOptions.parse(options));
      } catch (LakeFormationException e) {
        throw new LakeFormationSparkException(e);
      }
      plannedOptions = Map.copyOf(options);
    }
    return planned;
  }
}
