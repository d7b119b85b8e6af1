package dev.lakeformation.jdbc.local;

import dev.lakeformation.jdbc.arrow.ArrowIpc;
import dev.lakeformation.jdbc.arrow.compression.IpcCompression;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Turns an H2 result into work units: Arrow IPC streams of {@code rowsPerWorkUnit} rows each (the
 * last one may hold fewer), in record batches of at most {@code rowsPerBatch}. The schema and the
 * writers come from {@link ArrowMapping}, so a type that cannot be sent fails before any row is
 * read. Buffers are compressed as {@code compression} says.
 */
final class ResultEncoder {
  /** Receives each finished work unit as the bytes of one IPC stream. */
  interface UnitSink {
    void accept(byte[] ipcStream) throws IOException;
  }

  private final BufferAllocator allocator;
  private final int rowsPerBatch;
  private final int rowsPerWorkUnit;
  private final IpcCompression compression;

  ResultEncoder(BufferAllocator allocator, int rowsPerBatch, int rowsPerWorkUnit, IpcCompression compression) {
    this.allocator = allocator;
    this.rowsPerBatch = rowsPerBatch;
    this.rowsPerWorkUnit = rowsPerWorkUnit;
    this.compression = compression;
  }

  /**
   * Encodes every row of {@code rs} into units handed to {@code sink}, in row order. A result
   * with no rows still gives one unit holding only the schema, so clients learn its columns.
   */
  void encode(ResultSet rs, UnitSink sink) throws SQLException, IOException {
    List<ArrowMapping.MappedColumn> columns = ArrowMapping.columns(rs.getMetaData());
    Schema schema = new Schema(columns.stream().map(ArrowMapping.MappedColumn::field).toList());
    ValueWriter[] writers = columns.stream().map(ArrowMapping.MappedColumn::writer).toArray(ValueWriter[]::new);
    int unitsWritten = 0;
    UnitBuffer unit = null;
    boolean more = rs.next();
    while (more) {
      if (unit == null) {
        unit = new UnitBuffer(schema, compression);
      }
      int batchRows = (int) Math.min(rowsPerBatch, rowsPerWorkUnit - unit.rows);
      try (VectorSchemaRoot batch = VectorSchemaRoot.create(schema, allocator)) {
        List<FieldVector> vectors = batch.getFieldVectors();
        for (FieldVector vector : vectors) {
          vector.setInitialCapacity(batchRows);
          vector.allocateNew();
        }
        int rows = 0;
        while (more && rows < batchRows) {
          for (int c = 0; c < writers.length; c++) {
            writers[c].write(rs, c + 1, vectors.get(c), rows);
          }
          rows++;
          more = rs.next();
        }
        batch.setRowCount(rows);
        unit.writer.writeBatch(batch);
        unit.rows += rows;
      }
      if (unit.rows == rowsPerWorkUnit) {
        sink.accept(unit.finish());
        unitsWritten++;
        unit = null;
      }
      if (Thread.currentThread().isInterrupted()) {
        throw new IOException("planning interrupted");
      }
    }
    if (unit != null || unitsWritten == 0) {
      sink.accept((unit != null ? unit : new UnitBuffer(schema, compression)).finish());
    }
  }

  private static final class UnitBuffer {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
    final ArrowIpc.StreamWriter writer;
    long rows;

    UnitBuffer(Schema schema, IpcCompression compression) throws IOException {
      writer = new ArrowIpc.StreamWriter(Channels.newChannel(bytes), schema, compression);
    }

    byte[] finish() throws IOException {
      writer.end();
      return bytes.toByteArray();
    }
  }
}
