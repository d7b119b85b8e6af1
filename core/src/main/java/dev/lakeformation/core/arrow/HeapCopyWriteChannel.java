package dev.lakeformation.core.arrow;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.ipc.WriteChannel;

/**
 * A {@link WriteChannel} that writes Arrow buffers through a heap array instead of
 * {@code ArrowBuf.nioBuffer()}, for the same reason as {@link HeapCopyReadChannel}: so that
 * writing IPC streams (LakeFormation Local inside DBeaver, say) needs no JVM flags.
 */
public final class HeapCopyWriteChannel extends WriteChannel {
  private static final int CHUNK_BYTES = 64 * 1024;

  private final byte[] chunk = new byte[CHUNK_BYTES];

  public HeapCopyWriteChannel(WritableByteChannel out) {
    super(out);
  }

  @Override
  public void write(ArrowBuf buffer) throws IOException {
    long index = buffer.readerIndex();
    long end = index + buffer.readableBytes();
    while (index < end) {
      int length = (int) Math.min(end - index, CHUNK_BYTES);
      buffer.getBytes(index, chunk, 0, length);
      write(ByteBuffer.wrap(chunk, 0, length));
      index += length;
    }
  }
}
