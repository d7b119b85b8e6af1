package dev.lakeformation.core.arrow.compression;

import java.io.IOException;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.compression.AbstractCompressionCodec;
import org.apache.arrow.vector.compression.CompressionCodec;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.compression.NoCompressionCodec;

/**
 * A {@link BufferCodec} behind Arrow Java's {@link CompressionCodec} SPI, which frames each
 * buffer as the IPC format says (the 8-byte uncompressed length, or -1 before a buffer left
 * uncompressed because compressing did not make it shorter). Writers hand it to Arrow's
 * {@code VectorUnloader}; {@link #factory()} lets Arrow's own readers use it too.
 *
 * <p>Buffers pass through heap arrays: handing Arrow memory to a codec as a {@code ByteBuffer}
 * would need {@code ArrowBuf.nioBuffer()}, and so a JVM flag (see {@code HeapCopyReadChannel}).
 */
public final class ArrowCodec extends AbstractCompressionCodec {
  private static final int MAX_ARRAY_BYTES = Integer.MAX_VALUE - 8;

  private final BufferCodec codec;

  public ArrowCodec(BufferCodec codec) {
    this.codec = codec;
  }

  /** A factory giving Arrow's readers a new codec of this package for each compressed batch. */
  public static CompressionCodec.Factory factory() {
    return new CompressionCodec.Factory() {
      @Override
      public CompressionCodec createCodec(CompressionUtil.CodecType type) {
        if (type == CompressionUtil.CodecType.NO_COMPRESSION) {
          return NoCompressionCodec.INSTANCE;
        }
        try {
          return new ArrowCodec(BufferCodec.forIpcCodec(type.getType()));
        } catch (IOException e) {
          throw new IllegalArgumentException(e.getMessage(), e);
        }
      }

      @Override
      public CompressionCodec createCodec(CompressionUtil.CodecType type, int level) {
        return createCodec(type);
      }
    };
  }

  @Override
  protected ArrowBuf doCompress(BufferAllocator allocator, ArrowBuf uncompressed) {
    byte[] in = heapCopy(uncompressed, 0, uncompressed.writerIndex());
    byte[] out = new byte[codec.maxEncodedLength(in.length)];
    int length = codec.encode(in, in.length, out);
    ArrowBuf framed = allocator.buffer(CompressionUtil.SIZE_OF_UNCOMPRESSED_LENGTH + length);
    framed.setBytes(CompressionUtil.SIZE_OF_UNCOMPRESSED_LENGTH, out, 0, length);
    framed.writerIndex(CompressionUtil.SIZE_OF_UNCOMPRESSED_LENGTH + length);
    return framed; // the base class writes the length in front
  }

  @Override
  protected ArrowBuf doDecompress(BufferAllocator allocator, ArrowBuf compressed) {
    long claimed = readUncompressedLength(compressed);
    long compressedLength = compressed.writerIndex() - CompressionUtil.SIZE_OF_UNCOMPRESSED_LENGTH;
    if (claimed < 0 || claimed > MAX_ARRAY_BYTES || claimed > codec.maxDecodedLength(compressedLength)) {
      throw new IllegalArgumentException("a compressed buffer of " + compressedLength + " bytes claims to hold "
          + claimed);
    }
    byte[] in = heapCopy(compressed, CompressionUtil.SIZE_OF_UNCOMPRESSED_LENGTH, compressedLength);
    byte[] out = new byte[(int) claimed];
    try {
      codec.decode(in, 0, in.length, out);
    } catch (IOException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    ArrowBuf decompressed = allocator.buffer(claimed);
    decompressed.setBytes(0, out, 0, out.length);
    decompressed.writerIndex(claimed);
    return decompressed;
  }

  @Override
  public CompressionUtil.CodecType getCodecType() {
    return CompressionUtil.CodecType.fromCompressionType(codec.ipcCodec());
  }

  private static byte[] heapCopy(ArrowBuf buffer, long from, long length) {
    if (length > MAX_ARRAY_BYTES) {
      throw new IllegalArgumentException("a buffer of " + length + " bytes is too large to compress");
    }
    byte[] copy = new byte[(int) length];
    buffer.getBytes(from, copy, 0, copy.length);
    return copy;
  }
}
