package dev.lakeformation.core.query;

import dev.lakeformation.api.QueryListener;
import dev.lakeformation.api.WorkUnit;
import java.io.IOException;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * One work unit as Arrow's own {@link ArrowReader}, on the caller's allocator. Each batch the
 * {@link WorkUnitReader} decodes (validated, dictionaries decoded, exactly once across re-fetches)
 * is moved into the reader's root without copying, and told to the query's listener as the result
 * stream tells it: each batch read, then the unit read. Failures are {@code LakeFormationException}s.
 */
final class WorkUnitArrowReader extends ArrowReader {
  private final WorkUnitReader unit;
  private final WorkUnit workUnit;
  private final QueryListener listener;
  private long bytesRead;
  private boolean ended;

  WorkUnitArrowReader(WorkUnitReader unit, WorkUnit workUnit, QueryListener listener, BufferAllocator allocator) {
    super(allocator);
    this.unit = unit;
    this.workUnit = workUnit;
    this.listener = listener;
  }

  @Override
  protected Schema readSchema() throws IOException {
    return unit.schema();
  }

  @Override
  public boolean loadNextBatch() throws IOException {
    prepareLoadNextBatch();
    VectorSchemaRoot batch = unit.next();
    if (batch == null) {
      if (!ended) {
        ended = true;
        listener.workUnitRead(workUnit);
      }
      return false;
    }
    try {
      List<FieldVector> target = getVectorSchemaRoot().getFieldVectors();
      List<FieldVector> source = batch.getFieldVectors();
      for (int i = 0; i < source.size(); i++) {
        source.get(i).makeTransferPair(target.get(i)).transfer();
      }
      getVectorSchemaRoot().setRowCount(batch.getRowCount());
    } finally {
      batch.close();
    }
    long wireBytes = unit.lastBatchWireBytes();
    bytesRead += wireBytes;
    listener.batchRead(workUnit, getVectorSchemaRoot().getRowCount(), wireBytes);
    return true;
  }

  /** Bytes of the unit's body read so far, as they came over the wire. */
  @Override
  public long bytesRead() {
    return bytesRead;
  }

  @Override
  protected void closeReadSource() {
    unit.close();
  }
}
