package dev.lakeformation.core.arrow.compression;

import io.airlift.compress.zstd.ZstdCompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.io.IOException;
import org.apache.arrow.flatbuf.CompressionType;

/**
 * Zstandard through aircompressor's pure-Java implementation (no native library, Java 8
 * bytecode). It reads frames in a row, skippable frames and content checksums, and reports
 * corrupt input as its own unchecked exception, turned into an IOException here.
 */
final class ZstdCodec implements BufferCodec {
  /**
   * A Zstandard block decodes to at most 128 KiB, and the smallest block (an RLE block: a 3-byte
   * header and the byte to repeat) takes 4 bytes, so no input expands more than this.
   */
  private static final long MAX_EXPANSION = (128 << 10) / 4;

  private final ZstdDecompressor decompressor = new ZstdDecompressor();
  private final ZstdCompressor compressor = new ZstdCompressor();

  @Override
  public byte ipcCodec() {
    return CompressionType.ZSTD;
  }

  @Override
  public long maxDecodedLength(long compressedLength) {
    return compressedLength * MAX_EXPANSION;
  }

  @Override
  public void decode(byte[] in, int offset, int length, byte[] out) throws IOException {
    // Given no room at all, aircompressor returns at once, whatever the frames hold: one byte of
    // room makes it decode, and fail if the frames hold anything.
    byte[] target = out.length == 0 ? new byte[1] : out;
    int decoded;
    try {
      decoded = decompressor.decompress(in, offset, length, target, 0, target.length);
    } catch (RuntimeException e) {
      throw new IOException("corrupt Zstandard data: " + e.getMessage(), e);
    }
    if (decoded != out.length) {
      throw new IOException("Zstandard data decodes to " + decoded + " bytes; its length prefix says " + out.length);
    }
  }

  @Override
  public int maxEncodedLength(int length) {
    return compressor.maxCompressedLength(length);
  }

  @Override
  public int encode(byte[] in, int length, byte[] out) {
    return compressor.compress(in, 0, length, out, 0, out.length);
  }
}
