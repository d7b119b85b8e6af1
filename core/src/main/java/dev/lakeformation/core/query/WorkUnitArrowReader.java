package dev.lakeformation.core.query;

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
 * is moved into the reader's root without copying. Failures are {@code LakeFormationException}s.
 */
final class WorkUnitArrowReader extends ArrowReader {
  private final WorkUnitReader unit;
  private long bytesRead;

  WorkUnitArrowReader(WorkUnitReader unit, BufferAllocator allocator) {
    super(allocator);
    this.unit = unit;
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
    bytesRead += unit.lastBatchWireBytes();
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
