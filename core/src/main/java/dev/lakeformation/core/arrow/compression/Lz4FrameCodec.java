package dev.lakeformation.core.arrow.compression;

import io.airlift.compress.lz4.Lz4Compressor;
import java.io.IOException;
import org.apache.arrow.flatbuf.CompressionType;

/**
 * LZ4 in the frame format, as the Arrow IPC format's LZ4_FRAME requires. Decoding is this
 * package's own ({@link Lz4FrameDecoder}), since no small pure-Java library decodes linked blocks,
 * which Arrow C++ and pyarrow write for buffers over 64 KiB. Encoding writes one frame of
 * independent 4 MiB blocks, each compressed by aircompressor's pure-Java LZ4 block compressor,
 * with the content size and a content checksum in the frame.
 */
final class Lz4FrameCodec implements BufferCodec {
  /**
   * A match's length grows by at most 255 per input byte (each extension byte of 255 adds 255),
   * literals and stored blocks copy one byte per byte: no input expands more than this.
   */
  private static final long MAX_EXPANSION = 255;
  private static final int BLOCK_SIZE = 4 << 20;
  /** Version 01, independent blocks, content size, content checksum. */
  private static final byte FLAGS = 0x40 | 0x20 | 0x08 | 0x04;
  /** Block maximum size code 7: 4 MiB. */
  private static final byte BLOCK_DESCRIPTOR = 0x70;
  private static final int HEADER_BYTES = 4 + 2 + 8 + 1;
  private static final int BLOCK_STORED = 0x80000000;

  private final Lz4Compressor compressor = new Lz4Compressor();

  @Override
  public byte ipcCodec() {
    return CompressionType.LZ4_FRAME;
  }

  @Override
  public long maxDecodedLength(long compressedLength) {
    return compressedLength * MAX_EXPANSION;
  }

  @Override
  public void decode(byte[] in, int offset, int length, byte[] out) throws IOException {
    Lz4FrameDecoder.decode(in, offset, length, out);
  }

  @Override
  public int maxEncodedLength(int length) {
    int blocks = Math.max(1, (length + BLOCK_SIZE - 1) / BLOCK_SIZE);
    // Every block is compressed or stored as it is, whichever is shorter, after a 4-byte size;
    // the frame ends with a 4-byte end mark and a 4-byte content checksum.
    return HEADER_BYTES + blocks * 4 + length + 8;
  }

  @Override
  public int encode(byte[] in, int length, byte[] out) {
    int at = 0;
    at = putInt(out, at, Lz4FrameDecoder.MAGIC);
    out[at++] = FLAGS;
    out[at++] = BLOCK_DESCRIPTOR;
    at = putInt(out, at, length);
    at = putInt(out, at, 0); // the content size's high half
    out[at] = (byte) (XxHash32.hash(out, 4, at - 4) >>> 8);
    at++;
    byte[] scratch = new byte[compressor.maxCompressedLength(Math.min(length, BLOCK_SIZE))];
    for (int from = 0; from < length; from += BLOCK_SIZE) {
      int size = Math.min(BLOCK_SIZE, length - from);
      int compressed = compressor.compress(in, from, size, scratch, 0, scratch.length);
      if (compressed < size) {
        at = putInt(out, at, compressed);
        System.arraycopy(scratch, 0, out, at, compressed);
        at += compressed;
      } else {
        at = putInt(out, at, size | BLOCK_STORED);
        System.arraycopy(in, from, out, at, size);
        at += size;
      }
    }
    at = putInt(out, at, 0); // the end mark
    return putInt(out, at, XxHash32.hash(in, 0, length));
  }

  private static int putInt(byte[] out, int at, int value) {
    out[at] = (byte) value;
    out[at + 1] = (byte) (value >>> 8);
    out[at + 2] = (byte) (value >>> 16);
    out[at + 3] = (byte) (value >>> 24);
    return at + 4;
  }
}
