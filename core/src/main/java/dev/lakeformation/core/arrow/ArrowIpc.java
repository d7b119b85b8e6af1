package dev.lakeformation.core.arrow;

import dev.lakeformation.core.arrow.compression.ArrowCodec;
import dev.lakeformation.core.arrow.compression.IpcCompression;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.WritableByteChannel;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.compression.CompressionCodec;
import org.apache.arrow.vector.compression.NoCompressionCodec;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Reading and writing the Arrow IPC <em>stream</em> format without touching the JDK internals
 * that Arrow's own readers and writers need (see {@link HeapCopyReadChannel}).
 */
public final class ArrowIpc {
  private ArrowIpc() {}

  /**
   * A stream reader over {@code in} whose buffers come from {@code allocator}. Batches may be
   * compressed (LZ4_FRAME or ZSTD); they are read as the uncompressed batches they stand for.
   */
  public static ArrowStreamReader openStream(InputStream in, BufferAllocator allocator) {
    return new ArrowStreamReader(
        new CheckedMessageReader(new HeapCopyReadChannel(in), allocator),
        allocator);
  }

  /**
   * Writes IPC stream messages, one schema first, then batches, then the end-of-stream marker;
   * with a compression other than NONE, every buffer of every batch is compressed as the IPC
   * format's {@code BodyCompression} says.
   */
  public static final class StreamWriter implements AutoCloseable {
    private final HeapCopyWriteChannel out;
    private final IpcOption option = IpcOption.DEFAULT;
    private final CompressionCodec codec;
    private boolean ended;

    public StreamWriter(WritableByteChannel channel, Schema schema) throws IOException {
      this(channel, schema, IpcCompression.NONE);
    }

    public StreamWriter(WritableByteChannel channel, Schema schema, IpcCompression compression) throws IOException {
      this.out = new HeapCopyWriteChannel(channel);
      this.codec = compression == IpcCompression.NONE ? NoCompressionCodec.INSTANCE
          : new ArrowCodec(compression.newCodec());
      MessageSerializer.serialize(out, schema, option);
    }

    /** Writes the current contents of {@code root} as one record batch. */
    public void writeBatch(VectorSchemaRoot root) throws IOException {
      try (ArrowRecordBatch batch = new VectorUnloader(root, true, codec, true).getRecordBatch()) {
        MessageSerializer.serialize(out, batch, option);
      }
    }

    public long bytesWritten() {
      return out.getCurrentPosition();
    }

    /** Writes the end-of-stream marker; the channel itself is left open for its owner. */
    public void end() throws IOException {
      if (!ended) {
        ended = true;
        ArrowStreamWriter.writeEndOfStream(out, option);
      }
    }

    @Override
    public void close() throws IOException {
      end();
    }
  }
}
