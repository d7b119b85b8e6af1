package dev.lakeformation.spark;

import dev.lakeformation.api.LakeFormationException;
import dev.lakeformation.api.SqlState;
import dev.lakeformation.api.WorkUnit;
import dev.lakeformation.core.arrow.RootAllocators;
import dev.lakeformation.spark.column.ArrowColumn;
import dev.lakeformation.spark.column.ArrowColumns;
import java.io.IOException;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.vectorized.ColumnarBatch;

/**
 * Reads one partition's work units, one after the other, and hands each record batch to Spark as
 * a {@link ColumnarBatch} over the batch's own Arrow vectors (one {@link ArrowColumn} per column
 * read, chosen once and bound to each batch's vectors). A batch is valid until the next call of
 * {@link #next()}, which frees it.
 *
 * <p>Each unit is read through the query layer, which fetches a body that broke off again and
 * skips the batches already returned, so a unit yields each row exactly once. A unit that still
 * fails fails the task; Spark's next attempt reads the partition from its first unit in a new
 * reader, and only the rows of the attempt that succeeds count.
 *
 * <p>Every unit must have the schema of the query: the one read on the Spark driver (at
 * {@code load()} for the query option, when the scan is built for a table's pushed aggregate), or,
 * for a table read by name, the first unit's own, once it has been checked against what the
 * catalog said ({@link ExpectedColumns}).
 *
 * <p>The session comes from this JVM's {@link ExecutorSessions}; the Arrow memory from a child
 * allocator of it, limited to MaxBufferBytes, closed with the reader.
 */
final class WorkUnitPartitionReader implements PartitionReader<ColumnarBatch> {
  private final List<WorkUnit> units;
  private final ExecutorConnection connection;
  private final ExpectedColumns expected;
  private final int[] columns;
  /** Null until the first unit is open when the schema comes from it. */
  private Schema schema;
  private ArrowColumn[] vectors;
  private ColumnarBatch batch;

  private ExecutorSessions.Lease lease;
  private BufferAllocator allocator;
  private ArrowReader reader;
  private int nextUnit;

  /**
   * @param schema the query's schema, or null to take the first unit's, checked against
   *     {@code expected}
   */
  WorkUnitPartitionReader(List<WorkUnit> units, ExecutorConnection connection, Schema schema,
      ExpectedColumns expected, int[] columns) throws LakeFormationException {
    this.units = units;
    this.connection = connection;
    this.expected = expected;
    this.columns = columns;
    if (schema != null) {
      readWith(schema);
    }
  }

  /** Chooses the column readers, once, for the query's schema. */
  private void readWith(Schema schema) throws LakeFormationException {
    ArrowColumn[] readers = new ArrowColumn[columns.length];
    for (int i = 0; i < columns.length; i++) {
      readers[i] = ArrowColumns.of(schema.getFields().get(columns[i]));
    }
    this.schema = schema;
    this.vectors = readers;
    this.batch = new ColumnarBatch(readers);
  }

  @Override
  public boolean next() throws IOException {
    while (true) {
      if (reader == null) {
        if (nextUnit == units.size()) {
          return false;
        }
        reader = open(units.get(nextUnit++));
      }
      if (reader.loadNextBatch()) {
        VectorSchemaRoot root = reader.getVectorSchemaRoot();
        for (int i = 0; i < vectors.length; i++) {
          vectors[i].bind(root.getVector(columns[i]));
        }
        batch.setNumRows(root.getRowCount());
        return true;
      }
      reader.close();
      reader = null;
    }
  }

  private ArrowReader open(WorkUnit unit) throws IOException {
    if (lease == null) {
      lease = ExecutorSessions.SHARED.acquire(connection.properties());
      allocator = lease.session().allocator().newChildAllocator("spark partition", 0,
          lease.session().fetchSettings().maxBufferBytes());
    }
    ArrowReader opened = lease.session().openWorkUnit(unit, allocator);
    try {
      List<Field> fields = opened.getVectorSchemaRoot().getSchema().getFields();
      if (schema == null) {
        expected.check(fields, unit);
        readWith(new Schema(fields));
      } else if (!fields.equals(schema.getFields())) {
        throw new LakeFormationException(SqlState.DATA_EXCEPTION, unit + " has the schema " + fields
            + ", which differs from the schema the query was planned with: " + schema.getFields()
            + ". The service returned inconsistent work units.");
      }
      return opened;
    } catch (IOException | RuntimeException e) {
      opened.close();
      throw e;
    }
  }

  @Override
  public ColumnarBatch get() {
    return batch;
  }

  /** Called by Spark when the task ends, whether it succeeded or not. */
  @Override
  public void close() throws IOException {
    try {
      if (reader != null) {
        reader.close();
        reader = null;
      }
    } finally {
      if (allocator != null) {
        RootAllocators.close(allocator, "a Spark partition reader");
        allocator = null;
      }
      if (lease != null) {
        lease.close();
        lease = null;
      }
    }
  }
}
