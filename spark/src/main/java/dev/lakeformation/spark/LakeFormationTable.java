package dev.lakeformation.spark;

import java.util.EnumSet;
import java.util.Set;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/** One planned Lake Formation query, read in batches. Its name is what Spark's plans show. */
final class LakeFormationTable implements SupportsRead {
  private final ResolvedQuery planned;

  LakeFormationTable(ResolvedQuery planned) {
    this.planned = planned;
  }

  @Override
  public String name() {
    return "lakeformation query " + planned.queryId;
  }

  @Override
  public StructType schema() {
    return planned.sparkSchema;
  }

  @Override
  public Set<TableCapability> capabilities() {
    return EnumSet.of(TableCapability.BATCH_READ);
  }

  /** The options were read when the query was planned; Spark passes the same ones again here. */
  @Override
  public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
    return new LakeFormationScanBuilder(planned);
  }

  @Override
  public String toString() {
    return name();
  }
}
