package dev.lakeformation.core.arrow.compression;

import java.io.IOException;

/**
 * Decodes LZ4 frames, as the LZ4 frame format specification defines them, into a buffer of
 * known length: one or more frames in a row, skippable frames between them, independent or
 * linked blocks, stored (uncompressed) blocks, and the optional content size, header checksum,
 * block checksums and content checksum, each checked when present. Frames that need a
 * dictionary are refused: Arrow never writes them.
 */
final class Lz4FrameDecoder {
  static final int MAGIC = 0x184D2204;
  private static final int SKIPPABLE_MAGIC = 0x184D2A50;
  private static final int SKIPPABLE_MASK = 0xFFFFFFF0;
  private static final int VERSION = 1;
  private static final int FLAG_INDEPENDENT_BLOCKS = 0x20;
  private static final int FLAG_BLOCK_CHECKSUM = 0x10;
  private static final int FLAG_CONTENT_SIZE = 0x08;
  private static final int FLAG_CONTENT_CHECKSUM = 0x04;
  private static final int FLAG_RESERVED = 0x02;
  private static final int FLAG_DICTIONARY_ID = 0x01;
  private static final int BLOCK_STORED = 0x80000000;

  private final byte[] in;
  private final int end;
  private final byte[] out;
  private int at;
  private int written;

  private Lz4FrameDecoder(byte[] in, int from, int length, byte[] out) {
    this.in = in;
    this.at = from;
    this.end = from + length;
    this.out = out;
  }

  /** Decodes {@code in[from, from + length)}, which must fill all of {@code out}, exactly. */
  static void decode(byte[] in, int from, int length, byte[] out) throws IOException {
    new Lz4FrameDecoder(in, from, length, out).decodeAll();
  }

  private void decodeAll() throws IOException {
    while (at < end) {
      int magic = readInt("a frame's magic number");
      if ((magic & SKIPPABLE_MASK) == SKIPPABLE_MAGIC) {
        long skipped = readInt("a skippable frame's size") & 0xFFFFFFFFL;
        if (skipped > end - at) {
          throw corrupt("a skippable frame runs past the end of the buffer");
        }
        at += (int) skipped;
      } else if (magic == MAGIC) {
        decodeFrame();
      } else {
        throw corrupt("not an LZ4 frame (magic number " + Integer.toHexString(magic) + ")");
      }
    }
    if (written != out.length) {
      throw new IOException("LZ4 data decodes to " + written + " bytes; its length prefix says " + out.length);
    }
  }

  private void decodeFrame() throws IOException {
    int descriptorStart = at;
    int flags = readByte("a frame descriptor");
    int blockDescriptor = readByte("a frame descriptor");
    if (flags >>> 6 != VERSION || (flags & FLAG_RESERVED) != 0 || (blockDescriptor & 0x8F) != 0) {
      throw corrupt("a frame descriptor has an unknown version or reserved bits set");
    }
    int maxBlockCode = blockDescriptor >>> 4;
    if (maxBlockCode < 4) {
      throw corrupt("a frame descriptor names the undefined block size " + maxBlockCode);
    }
    int maxBlockSize = 1 << (8 + 2 * maxBlockCode); // 4: 64 KiB, 5: 256 KiB, 6: 1 MiB, 7: 4 MiB
    long contentSize = -1;
    if ((flags & FLAG_CONTENT_SIZE) != 0) {
      contentSize = readInt("a frame's content size") & 0xFFFFFFFFL;
      contentSize |= (long) readInt("a frame's content size") << 32;
      if (contentSize < 0 || contentSize > out.length - written) {
        throw new IOException("an LZ4 frame's content size (" + Long.toUnsignedString(contentSize)
            + " bytes) exceeds the buffer's length prefix");
      }
    }
    if ((flags & FLAG_DICTIONARY_ID) != 0) {
      throw corrupt("a frame needs a dictionary, which Arrow IPC never uses");
    }
    int headerChecksum = readByte("a frame's header checksum");
    if (headerChecksum != ((XxHash32.hash(in, descriptorStart, at - 1 - descriptorStart) >>> 8) & 0xFF)) {
      throw corrupt("a frame's header checksum does not match");
    }
    int frameStart = written;
    boolean independent = (flags & FLAG_INDEPENDENT_BLOCKS) != 0;
    boolean blockChecksums = (flags & FLAG_BLOCK_CHECKSUM) != 0;
    while (true) {
      int header = readInt("a block size");
      if (header == 0) {
        break; // the end mark
      }
      int size = header & ~BLOCK_STORED;
      if (size > maxBlockSize || size > end - at) {
        throw corrupt("a block of " + size + " bytes is larger than the frame's block size or runs past"
            + " the end of the buffer");
      }
      int blockStart = at;
      int blockEnd = at + size;
      at = blockEnd;
      if (blockChecksums && readInt("a block checksum") != XxHash32.hash(in, blockStart, size)) {
        throw corrupt("a block checksum does not match");
      }
      int outLimit = (int) Math.min(out.length, (long) written + maxBlockSize);
      if ((header & BLOCK_STORED) != 0) {
        if (size > outLimit - written) {
          throw new IOException("LZ4 data decodes to more bytes than its length prefix says");
        }
        System.arraycopy(in, blockStart, out, written, size);
        written += size;
      } else {
        // Linked blocks may copy from everything the frame has decoded so far (the offset
        // itself keeps them within 64 KiB); independent blocks only from their own output.
        written = Lz4BlockDecoder.decode(in, blockStart, blockEnd, out, independent ? written : frameStart, written,
            outLimit);
      }
    }
    if ((flags & FLAG_CONTENT_CHECKSUM) != 0
        && readInt("a content checksum") != XxHash32.hash(out, frameStart, written - frameStart)) {
      throw corrupt("a frame's content checksum does not match");
    }
    if (contentSize >= 0 && contentSize != written - frameStart) {
      throw corrupt("a frame holds " + (written - frameStart) + " bytes; its header says " + contentSize);
    }
  }

  private int readByte(String what) throws IOException {
    if (at >= end) {
      throw corrupt("the data ends inside " + what);
    }
    return in[at++] & 0xFF;
  }

  private int readInt(String what) throws IOException {
    if (end - at < 4) {
      throw corrupt("the data ends inside " + what);
    }
    int value = (in[at] & 0xFF) | (in[at + 1] & 0xFF) << 8 | (in[at + 2] & 0xFF) << 16 | (in[at + 3] & 0xFF) << 24;
    at += 4;
    return value;
  }

  private static IOException corrupt(String what) {
    return new IOException("corrupt LZ4 frame: " + what);
  }
}
