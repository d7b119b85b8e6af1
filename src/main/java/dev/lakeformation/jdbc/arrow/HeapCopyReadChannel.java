package dev.lakeformation.jdbc.arrow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.ipc.ReadChannel;

/**
 * A {@link ReadChannel} that fills Arrow buffers through a small heap array instead of
 * {@code ArrowBuf.nioBuffer()}.
 *
 * <p>Why: {@code nioBuffer()} wraps off-heap memory in a {@code DirectByteBuffer} through a
 * private constructor, which needs {@code --add-opens=java.base/java.nio} on JDK 17+. Copying
 * through the heap costs one memcpy per message body, which measurements show to be noise next
 * to decoding, and it lets the driver run in any host JVM with no flags.
 */
public final class HeapCopyReadChannel extends ReadChannel {
  private static final int CHUNK_BYTES = 64 * 1024;

  private final InputStream in;
  private final byte[] chunk = new byte[CHUNK_BYTES];

  /**
   * Message headers are read through a channel over {@code in}, bodies from {@code in} itself:
   * a channel over a stream would copy every body once more through its own 8 KiB array. The
   * channel reads no further than asked, so the two can take turns on one stream.
   */
  public HeapCopyReadChannel(InputStream in) {
    super(Channels.newChannel(in));
    this.in = in;
  }

  /**
   * Reads up to {@code length} bytes into {@code buffer} at its writer index and advances it,
   * as the base class does; returns fewer bytes only at end of stream.
   */
  @Override
  public long readFully(ArrowBuf buffer, long length) throws IOException {
    long remaining = length;
    while (remaining > 0) {
      int wanted = (int) Math.min(remaining, CHUNK_BYTES);
      int read = in.readNBytes(chunk, 0, wanted);
      if (read > 0) {
        long writerIndex = buffer.writerIndex();
        buffer.setBytes(writerIndex, chunk, 0, read);
        buffer.writerIndex(writerIndex + read);
        remaining -= read;
      }
      if (read < wanted) {
        break;
      }
    }
    return length - remaining;
  }
}
