package dev.lakeformation.core.arrow.compression;

import java.io.IOException;
import org.apache.arrow.flatbuf.CompressionType;

/**
 * One codec of the Arrow IPC format's buffer compression ({@code CompressionType} in a batch's
 * {@code BodyCompression}), working on whole buffers in heap arrays. An instance keeps scratch
 * state between calls: use one per stream, from one thread.
 */
public interface BufferCodec {
  /** The codec's number in the IPC format's {@code CompressionType}. */
  byte ipcCodec();

  /**
   * The most bytes {@code compressedLength} bytes of this codec can decode to. A buffer whose
   * length prefix claims more is corrupt, and is refused before anything is allocated for it.
   */
  long maxDecodedLength(long compressedLength);

  /** Decodes {@code in[offset, offset + length)}, which must fill all of {@code out} exactly. */
  void decode(byte[] in, int offset, int length, byte[] out) throws IOException;

  /** Room {@link #encode} needs for {@code length} input bytes. */
  int maxEncodedLength(int length);

  /** Encodes {@code in[0, length)} into {@code out}; returns how many bytes it wrote. */
  int encode(byte[] in, int length, byte[] out);

  /** A new codec for the IPC format's codec number {@code ipcCodec}. */
  static BufferCodec forIpcCodec(byte ipcCodec) throws IOException {
    return switch (ipcCodec) {
      case CompressionType.LZ4_FRAME -> new Lz4FrameCodec();
      case CompressionType.ZSTD -> new ZstdCodec();
      default -> throw new IOException("the batch is compressed with codec " + ipcCodec
          + ", which the Arrow IPC format does not define (LZ4_FRAME is 0, ZSTD 1)");
    };
  }
}
