package dev.lakeformation.spark;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Builds the scan of the columns Spark needs. The work units hold every column of the result
 * (their SQL was planned before Spark knew which it would use), so pruning cannot make bodies
 * smaller; it keeps the other columns from being handed to Spark. Top-level columns are kept
 * whole: Spark copes with a struct wider than it asked for.
 */
final class LakeFormationScanBuilder implements SupportsPushDownRequiredColumns {
  private final ResolvedQuery planned;
  /** Positions, in the result's schema, of the columns Spark reads. */
  private int[] columns;

  LakeFormationScanBuilder(ResolvedQuery planned) {
    this.planned = planned;
    this.columns = IntStream.range(0, planned.sparkSchema.size()).toArray();
  }

  @Override
  public void pruneColumns(StructType required) {
    Set<String> names = Arrays.stream(required.fields()).map(StructField::name).collect(Collectors.toSet());
    StructField[] all = planned.sparkSchema.fields();
    columns = IntStream.range(0, all.length).filter(i -> names.contains(all[i].name())).toArray();
  }

  @Override
  public Scan build() {
    return new LakeFormationScan(planned, columns);
  }
}
