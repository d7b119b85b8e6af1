package dev.lakeformation.local.queries;

import dev.lakeformation.core.arrow.ArrowIpc;
import dev.lakeformation.core.arrow.compression.IpcCompression;
import dev.lakeformation.core.h2.ResultBatches;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Turns an H2 result into work units: Arrow IPC streams of {@code rowsPerWorkUnit} rows each (the
 * last one may hold fewer), in record batches of at most {@code rowsPerBatch}, read by
 * {@link ResultBatches}, so a type that cannot be sent fails before any row is read. Buffers are
 * compressed as {@code compression} says.
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
    ResultBatches rows = ResultBatches.of(rs);
    int unitsWritten = 0;
    UnitBuffer unit = null;
    while (rows.hasMore()) {
      if (unit == null) {
        unit = new UnitBuffer(rows.schema(), compression);
      }
      int batchRows = (int) Math.min(rowsPerBatch, rowsPerWorkUnit - unit.rows);
      try (VectorSchemaRoot batch = rows.next(allocator, batchRows)) {
        unit.writer.writeBatch(batch);
        unit.rows += batch.getRowCount();
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
      sink.accept((unit != null ? unit : new UnitBuffer(rows.schema(), compression)).finish());
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
