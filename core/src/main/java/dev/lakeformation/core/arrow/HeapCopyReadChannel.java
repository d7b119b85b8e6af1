package dev.lakeformation.core.arrow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.util.concurrent.ArrayBlockingQueue;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.ipc.ReadChannel;

/**
 * A {@link ReadChannel} that fills Arrow buffers through a heap array instead of
 * {@code ArrowBuf.nioBuffer()}.
 *
 * <p>Why: {@code nioBuffer()} wraps off-heap memory in a {@code DirectByteBuffer} through a
 * private constructor, which needs {@code --add-opens=java.base/java.nio} on JDK 17+. Copying
 * through the heap lets the driver run in any host JVM with no flags. It is not free: a body
 * arrives from the SDK in heap arrays anyway, and copying it on into Arrow memory is about half
 * of what the fetch threads spend beyond the SDK's own read (docs/benchmarks.md, figure 9).
 */
public final class HeapCopyReadChannel extends ReadChannel {
  /**
   * The size of the heap array a body passes through. Each fill asks the SDK's stream for this
   * many bytes at once, and fewer, larger reads cost less when several bodies arrive at the same
   * time: with 8 units read at once, about 256 KiB took 40% fewer read system calls than 64 KiB
   * (90 KB on average against 54 KB) and 7% less CPU per row on the fetch threads (4% over
   * HTTPS), with no clear change one unit at a time (docs/benchmarks.md, fifth session). A little
   * under 256 KiB, so that with its header the array is still an ordinary allocation for ZGC
   * (small objects go up to 256 KiB) and Shenandoah (regions of 256 KiB in small heaps), as it is
   * for G1 (humongous from half a region, 512 KiB at least).
   */
  static final int CHUNK_BYTES = 256 * 1024 - 64;
  /**
   * Arrays between two copies. A body's copy takes one and gives it back when it returns, so
   * arrays are held only by the threads copying at that moment: a fetch parked between batches,
   * whose body stays open, holds none. A few are kept for the next copies, the rest left to the
   * garbage collector. Its lock is taken twice per message body, never per value.
   */
  private static final ArrayBlockingQueue<byte[]> FREE_CHUNKS =
      new ArrayBlockingQueue<>(2 * Runtime.getRuntime().availableProcessors());
  /**
   * The largest message header accepted. Arrow allocates a heap array of the length a stream
   * announces before reading it, so a corrupt length of 2 GiB would end in OutOfMemoryError;
   * real headers are a few kilobytes.
   */
  static final int MAX_HEADER_BYTES = 16 << 20;
  private static final int CONTINUATION = 0xFFFFFFFF;

  private final InputStream in;

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
   * Reads as the base class does, and checks each 4-byte read, which is how Arrow reads a
   * message's length prefix, against {@link #MAX_HEADER_BYTES} before Arrow allocates for it.
   */
  @Override
  public int readFully(ByteBuffer buffer) throws IOException {
    int start = buffer.position();
    int read = super.readFully(buffer);
    if (read == 4) {
      int value = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(start);
      if (value != CONTINUATION && (value < 0 || value > MAX_HEADER_BYTES)) {
        throw new IOException("a message header claims " + (value & 0xFFFFFFFFL) + " bytes; at most "
            + MAX_HEADER_BYTES + " are accepted");
      }
    }
    return read;
  }

  /**
   * Reads up to {@code length} bytes into {@code buffer} at its writer index and advances it,
   * as the base class does; returns fewer bytes only at end of stream.
   */
  @Override
  public long readFully(ArrowBuf buffer, long length) throws IOException {
    byte[] chunk = FREE_CHUNKS.poll();
    if (chunk == null) {
      chunk = new byte[CHUNK_BYTES];
    }
    long remaining = length;
    try {
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
    } finally {
      FREE_CHUNKS.offer(chunk);
    }
    return length - remaining;
  }
}
