package dev.lakeformation.spark;

import dev.lakeformation.api.LakeFormationException;
import dev.lakeformation.api.WorkUnit;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The read of a planned query's columns, as one batch job: one input partition per work unit
 * (or per {@code workUnitsPerPartition} consecutive units), in the query's order.
 */
final class LakeFormationScan implements Scan, Batch {
  private final ResolvedQuery planned;
  private final int[] columns;
  private final StructType readSchema;
  private final ExpectedColumns expected;

  /** The columns at these positions of the query's result (its schema read), under the result's names. */
  LakeFormationScan(ResolvedQuery planned, int[] columns) {
    this(planned, columns, projection(planned.sparkSchema, columns), null);
  }

  /**
   * @param readSchema what Spark is told it reads: the columns at {@code columns}, under the names
   *     Spark knows them by (a table's, as its catalog spells them)
   * @param expected what each task checks the units against, where the query's schema was not
   *     read; null where it was
   */
  LakeFormationScan(ResolvedQuery planned, int[] columns, StructType readSchema, ExpectedColumns expected) {
    this.planned = planned;
    this.columns = columns;
    this.readSchema = readSchema;
    this.expected = expected;
  }

  private static StructType projection(StructType schema, int[] columns) {
    StructField[] all = schema.fields();
    StructField[] read = new StructField[columns.length];
    for (int i = 0; i < columns.length; i++) {
      read[i] = all[columns[i]];
    }
    return new StructType(read);
  }

  @Override
  public StructType readSchema() {
    return readSchema;
  }

  /** What explain() and the Spark UI show: never a secret (the URL is the driver's redacted form). */
  @Override
  public String description() {
    return "LakeFormation query " + planned.queryId + " (work units: " + planned.units.size() + ", partitions: "
        + partitionCount() + ") " + planned.options.config().redactedUrl()
        + (planned.options.sql() == null ? "" : " planned as: " + planned.options.sql());
  }

  @Override
  public Batch toBatch() {
    return this;
  }

  @Override
  public InputPartition[] planInputPartitions() {
    int perPartition = planned.options.workUnitsPerPartition();
    InputPartition[] partitions = new InputPartition[partitionCount()];
    for (int p = 0; p < partitions.length; p++) {
      List<WorkUnit> units = planned.units.subList(p * perPartition,
          Math.min(planned.units.size(), (p + 1) * perPartition));
      partitions[p] = new WorkUnitPartition(List.copyOf(units));
    }
    return partitions;
  }

  private int partitionCount() {
    int perPartition = planned.options.workUnitsPerPartition();
    return (planned.units.size() + perPartition - 1) / perPartition;
  }

  /** Called once per scan, on the Spark driver: this is where the secrets are broadcast. */
  @Override
  public PartitionReaderFactory createReaderFactory() {
    try {
      ExecutorConnection connection = ExecutorConnection.share(planned.options.config(),
          SparkSession.active().sparkContext());
      byte[] schema = planned.arrowSchema == null ? null : planned.arrowSchema.serializeAsMessage();
      return new WorkUnitReaderFactory(connection, schema, expected, columns);
    } catch (LakeFormationException e) {
      throw new LakeFormationSparkException(e);
    }
  }

  @Override
  public String toString() {
    return description();
  }
}
