package dev.lakeformation.core.arrow.compression;

import java.io.IOException;

/**
 * Decodes one LZ4 block (the sequence format inside LZ4 frames) from a producer that is not
 * trusted: every length is checked against both the input left and the output room before a byte
 * moves, and every match offset against the start of the window it may reach back into.
 */
final class Lz4BlockDecoder {
  private static final int MIN_MATCH = 4;
  private static final int LENGTH_MORE = 15;

  private final byte[] in;
  private final int end;
  private int at;

  private Lz4BlockDecoder(byte[] in, int from, int to) {
    this.in = in;
    this.at = from;
    this.end = to;
  }

  /**
   * Decodes the block {@code in[from, to)} into {@code out} at {@code outAt}, writing no further
   * than {@code outLimit}. Matches may copy from {@code out[windowStart, outAt)}: the block's own
   * output for independent blocks, also earlier blocks' output for linked ones.
   *
   * @return where the block's output ends in {@code out}
   */
  static int decode(byte[] in, int from, int to, byte[] out, int windowStart, int outAt, int outLimit)
      throws IOException {
    return new Lz4BlockDecoder(in, from, to).decodeInto(out, windowStart, outAt, outLimit);
  }

  private int decodeInto(byte[] out, int windowStart, int outAt, int outLimit) throws IOException {
    int written = outAt;
    while (true) {
      if (at >= end) {
        throw corrupt("a block ends in the middle of a sequence");
      }
      int token = in[at++] & 0xFF;
      int literals = length(token >>> 4, outLimit - written);
      if (literals > end - at) {
        throw corrupt("a block's literals run past its end");
      }
      if (literals > outLimit - written) {
        throw tooLong();
      }
      System.arraycopy(in, at, out, written, literals);
      at += literals;
      written += literals;
      if (at == end) {
        return written; // the last sequence of a block has literals only
      }
      if (end - at < 2) {
        throw corrupt("a block ends inside a match offset");
      }
      int offset = (in[at] & 0xFF) | (in[at + 1] & 0xFF) << 8;
      at += 2;
      if (offset == 0 || offset > written - windowStart) {
        throw corrupt("a match reaches " + offset + " bytes back, before the data it may copy from");
      }
      int matchLength = length(token & LENGTH_MORE, outLimit - written) + MIN_MATCH;
      if (matchLength > outLimit - written) {
        throw tooLong();
      }
      copyMatch(out, written - offset, written, matchLength);
      written += matchLength;
    }
  }

  /**
   * A token's 4-bit length, plus its extension bytes when it is 15 (each byte 255 says another
   * follows). Stops as soon as the length exceeds {@code room}, so that a long run of 255s can
   * neither overflow an int nor take long.
   */
  private int length(int nibble, int room) throws IOException {
    int total = nibble;
    if (nibble == LENGTH_MORE) {
      int next;
      do {
        if (at >= end) {
          throw corrupt("a block ends inside a length");
        }
        next = in[at++] & 0xFF;
        total += next;
        if (total > room) {
          throw tooLong();
        }
      } while (next == 255);
    }
    return total;
  }

  /**
   * A match may overlap its own output (offset 1 repeats one byte): the bytes from {@code from}
   * on repeat with the offset's period, so copying as many bytes as already lie between source and
   * destination, a distance that doubles each time, gives what a byte-by-byte copy would.
   */
  private static void copyMatch(byte[] out, int from, int at, int length) {
    int remaining = length;
    int to = at;
    while (remaining > 0) {
      int chunk = Math.min(remaining, to - from);
      System.arraycopy(out, from, out, to, chunk);
      to += chunk;
      remaining -= chunk;
    }
  }

  private static IOException tooLong() {
    return corrupt("a block decodes to more bytes than its buffer or block size allows");
  }

  private static IOException corrupt(String what) {
    return new IOException("corrupt LZ4 data: " + what);
  }
}
