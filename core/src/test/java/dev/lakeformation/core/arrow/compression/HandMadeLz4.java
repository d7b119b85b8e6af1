package dev.lakeformation.core.arrow.compression;

import java.io.ByteArrayOutputStream;

/**
 * LZ4 blocks and frames written byte by byte from the LZ4 block and frame format
 * specifications, to give the decoder forms our own encoder never writes: linked blocks, block
 * checksums, skippable frames, several frames in a row, any field left out or wrong.
 */
final class HandMadeLz4 {
  private HandMadeLz4() {}

  /** The sequences of one LZ4 block. */
  static final class Block {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    /** A sequence: {@code literals}, then a match of {@code length} bytes from {@code offset} back. */
    Block sequence(byte[] literals, int offset, int length) {
      int matchExtra = length - 4;
      bytes.write(Math.min(literals.length, 15) << 4 | Math.min(matchExtra, 15));
      extension(literals.length);
      bytes.writeBytes(literals);
      bytes.write(offset & 0xFF);
      bytes.write(offset >>> 8);
      extension(matchExtra);
      return this;
    }

    /** The last sequence, literals only; returns the block's bytes. */
    byte[] last(byte[] literals) {
      bytes.write(Math.min(literals.length, 15) << 4);
      extension(literals.length);
      bytes.writeBytes(literals);
      return bytes.toByteArray();
    }

    private void extension(int length) {
      if (length >= 15) {
        int rest = length - 15;
        for (; rest >= 255; rest -= 255) {
          bytes.write(255);
        }
        bytes.write(rest);
      }
    }
  }

  /** One frame: the descriptor's options, then blocks, then the end. */
  static final class Frame {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final boolean blockChecksums;
    private final boolean contentChecksum;

    Frame(boolean independent, boolean blockChecksums, boolean contentChecksum, Long contentSize, int blockSizeCode) {
      this.blockChecksums = blockChecksums;
      this.contentChecksum = contentChecksum;
      int flags = 0x40 | (independent ? 0x20 : 0) | (blockChecksums ? 0x10 : 0) | (contentSize != null ? 0x08 : 0)
          | (contentChecksum ? 0x04 : 0);
      intLe(Lz4FrameDecoder.MAGIC);
      ByteArrayOutputStream descriptor = new ByteArrayOutputStream();
      descriptor.write(flags);
      descriptor.write(blockSizeCode << 4);
      if (contentSize != null) {
        for (int i = 0; i < 8; i++) {
          descriptor.write((int) (contentSize >>> (8 * i)));
        }
      }
      byte[] header = descriptor.toByteArray();
      bytes.writeBytes(header);
      bytes.write(XxHash32.hash(header, 0, header.length) >>> 8);
    }

    Frame block(byte[] block) {
      return block(block, false);
    }

    Frame stored(byte[] raw) {
      return block(raw, true);
    }

    private Frame block(byte[] data, boolean stored) {
      intLe(data.length | (stored ? 0x80000000 : 0));
      bytes.writeBytes(data);
      if (blockChecksums) {
        intLe(XxHash32.hash(data, 0, data.length));
      }
      return this;
    }

    /** The end mark, and the checksum of {@code content} if the frame has one. */
    byte[] end(byte[] content) {
      intLe(0);
      if (contentChecksum) {
        intLe(XxHash32.hash(content, 0, content.length));
      }
      return bytes.toByteArray();
    }

    private void intLe(int value) {
      for (int i = 0; i < 4; i++) {
        bytes.write(value >>> (8 * i));
      }
    }
  }

  /** A skippable frame (magic 0x184D2A50 to 0x184D2A5F) around {@code payload}. */
  static byte[] skippable(int magicNibble, byte[] payload) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int magic = 0x184D2A50 | magicNibble;
    int size = payload.length;
    for (int value : new int[] {magic, size}) {
      for (int i = 0; i < 4; i++) {
        bytes.write(value >>> (8 * i));
      }
    }
    bytes.writeBytes(payload);
    return bytes.toByteArray();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      bytes.writeBytes(part);
    }
    return bytes.toByteArray();
  }
}
