package dev.lakeformation.core.arrow.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Both codecs: what they encode decodes to the same bytes; what is corrupt is an IOException. */
class BufferCodecTest {
  private static byte[] decode(BufferCodec codec, byte[] encoded, int length) throws IOException {
    byte[] out = new byte[length];
    codec.decode(encoded, 0, encoded.length, out);
    return out;
  }

  private static byte[] encode(BufferCodec codec, byte[] data) {
    byte[] out = new byte[codec.maxEncodedLength(data.length)];
    return Arrays.copyOf(out, codec.encode(data, data.length, out));
  }

  /** Random bytes (incompressible) or a few repeated words (compressible), {@code length} of them. */
  private static byte[] data(int length, boolean compressible, long seed) {
    byte[] data = new byte[length];
    Random random = new Random(seed);
    if (compressible) {
      String[] words = {"lineitem ", "DELIVER IN PERSON ", "0.04 ", "1996-03-13 ", "N|O "};
      StringBuilder text = new StringBuilder();
      while (text.length() < length) {
        text.append(words[random.nextInt(words.length)]);
      }
      System.arraycopy(text.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, data, 0, length);
    } else {
      random.nextBytes(data);
    }
    return data;
  }

  @ParameterizedTest
  @EnumSource(value = IpcCompression.class, names = {"LZ4_FRAME", "ZSTD"})
  void everyLengthRoundTrips(IpcCompression compression) throws IOException {
    BufferCodec codec = compression.newCodec();
    for (int length : new int[] {0, 1, 15, 16, 17, 4095, 65_536, 65_537, 1 << 20, (4 << 20) + 5}) {
      for (boolean compressible : new boolean[] {true, false}) {
        byte[] data = data(length, compressible, length);
        byte[] encoded = encode(codec, data);
        assertArrayEquals(data, decode(codec, encoded, length), compression + " " + length);
        assertTrue(length <= codec.maxDecodedLength(encoded.length), "the expansion bound holds");
        if (compressible && length > 4096) {
          assertTrue(encoded.length < length / 2, compression + " compresses text: " + encoded.length);
        }
      }
    }
  }

  @Test
  void lz4FramesOfOurEncoderHaveTheirContentSizeAndChecksum() throws IOException {
    BufferCodec codec = IpcCompression.LZ4_FRAME.newCodec();
    byte[] data = data((4 << 20) + 5, true, 1);
    byte[] encoded = encode(codec, data);
    assertEquals(0x6C, encoded[4] & 0xFF, "version 1, independent blocks, content size, content checksum");
    encoded[encoded.length - 1] ^= 1;
    assertTrue(assertThrows(IOException.class, () -> decode(codec, encoded, data.length)).getMessage()
        .contains("content checksum"));
  }

  @Test
  void zstdFramesOfTheReferenceImplementationAlsoSeveralInARow() throws IOException {
    byte[] frame = Resources.bytes("zstd-cli.zst");
    byte[] text = Resources.lines();
    BufferCodec codec = IpcCompression.ZSTD.newCodec();
    assertArrayEquals(text, decode(codec, frame, text.length));
    assertArrayEquals(HandMadeLz4.concat(text, text), decode(codec, HandMadeLz4.concat(frame, frame), 2 * text.length));
  }

  @ParameterizedTest
  @EnumSource(value = IpcCompression.class, names = {"LZ4_FRAME", "ZSTD"})
  void wrongLengthsTruncationAndBitFlipsGiveIoExceptionsOnly(IpcCompression compression) throws IOException {
    BufferCodec codec = compression.newCodec();
    byte[] data = data(200_000, true, 3);
    byte[] encoded = encode(codec, data);
    assertThrows(IOException.class, () -> decode(codec, encoded, data.length + 1));
    assertThrows(IOException.class, () -> decode(codec, encoded, data.length - 1));
    for (int cut = 0; cut < encoded.length; cut += Math.max(1, encoded.length / 200)) {
      byte[] truncated = Arrays.copyOf(encoded, cut);
      assertThrows(IOException.class, () -> decode(codec, truncated, data.length), "cut at " + cut);
    }
    Random random = new Random(11);
    for (int i = 0; i < 1_000; i++) {
      byte[] corrupt = encoded.clone();
      for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
        corrupt[random.nextInt(corrupt.length)] ^= (byte) (1 << random.nextInt(8));
      }
      // Both encoders write a content checksum, so a flip is caught, unless it changes nothing
      // that is decoded (a match offset moved to equal bytes, say): never wrong bytes.
      try {
        assertArrayEquals(data, decode(codec, corrupt, data.length));
      } catch (IOException expected) {
        // caught
      }
    }
  }

  @Test
  void theNamesTheOptionsAccept() {
    assertEquals(IpcCompression.LZ4_FRAME, IpcCompression.parse("LZ4"));
    assertEquals(IpcCompression.LZ4_FRAME, IpcCompression.parse("lz4_frame"));
    assertEquals(IpcCompression.ZSTD, IpcCompression.parse("zstd"));
    assertEquals(IpcCompression.NONE, IpcCompression.parse("none"));
    assertEquals("compression must be none, lz4 or zstd, got 'gzip'",
        assertThrows(IllegalArgumentException.class, () -> IpcCompression.parse("gzip")).getMessage());
    assertThrows(IOException.class, () -> BufferCodec.forIpcCodec((byte) 2));
  }
}
