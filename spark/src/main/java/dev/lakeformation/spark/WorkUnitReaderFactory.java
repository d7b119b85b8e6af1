package dev.lakeformation.spark;

import dev.lakeformation.api.LakeFormationException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.vectorized.ColumnarBatch;

/**
 * Serialised into every task: how to connect (without secrets, see {@link ExecutorConnection}),
 * the query's Arrow schema (as its IPC message: Arrow's schema objects are not serialisable) or,
 * for a table whose query's schema was not read on the Spark driver, the columns its catalog
 * gave, and the columns to read. Reads are always columnar, straight from the Arrow vectors.
 */
final class WorkUnitReaderFactory implements PartitionReaderFactory {
  private static final long serialVersionUID = 1L;

  private final ExecutorConnection connection;
  private final byte[] schemaMessage;
  private final ExpectedColumns expected;
  private final int[] columns;

  /** @param schemaMessage the query's schema, or null to check each partition's first unit against {@code expected} */
  WorkUnitReaderFactory(ExecutorConnection connection, byte[] schemaMessage, ExpectedColumns expected,
      int[] columns) {
    this.connection = connection;
    this.schemaMessage = schemaMessage;
    this.expected = expected;
    this.columns = columns;
  }

  @Override
  public boolean supportColumnarReads(InputPartition partition) {
    return true;
  }

  @Override
  public PartitionReader<ColumnarBatch> createColumnarReader(InputPartition partition) {
    Schema schema = schemaMessage == null ? null : Schema.deserializeMessage(ByteBuffer.wrap(schemaMessage));
    try {
      return new WorkUnitPartitionReader(((WorkUnitPartition) partition).units(), connection, schema, expected,
          columns);
    } catch (LakeFormationException e) {
      throw new LakeFormationSparkException(e);
    }
  }

  @Override
  public String toString() {
    return "work-unit readers of columns " + Arrays.toString(columns) + ", " + connection;
  }

  /** Never called: Spark reads row by row only from factories that refuse columnar reads. */
  @Override
  public PartitionReader<InternalRow> createReader(InputPartition partition) {
    throw new UnsupportedOperationException("format(\"lakeformation\") reads columnar batches only");
  }
}
