package dev.lakeformation.core.arrow.compression;

import static dev.lakeformation.core.arrow.compression.HandMadeLz4.concat;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * LZ4 frames as the frame specification allows them, made by hand and by the reference lz4
 * command line tool: every form decodes to the right bytes, every corruption is an IOException.
 */
class Lz4FrameDecoderTest {
  private static final byte[] ALPHABET = "abcdefghijklmnop".getBytes(US_ASCII);

  private static byte[] decode(byte[] frame, int length) throws IOException {
    byte[] out = new byte[length];
    Lz4FrameDecoder.decode(frame, 0, frame.length, out);
    return out;
  }

  private static IOException refused(byte[] frame, int length) {
    return assertThrows(IOException.class, () -> decode(frame, length));
  }

  /** Block 1 holds the alphabet; block 2 copies it from block 1, then adds "XYZ". */
  private static byte[] twoBlocks(boolean independent) {
    return new HandMadeLz4.Frame(independent, false, false, null, 4)
        .block(new HandMadeLz4.Block().last(ALPHABET))
        .block(new HandMadeLz4.Block().sequence(new byte[0], 16, 16).last("XYZ".getBytes(US_ASCII)))
        .end(null);
  }

  @Test
  void linkedBlocksCopyFromEarlierBlocksAndIndependentOnesMayNot() throws IOException {
    assertEquals("abcdefghijklmnopabcdefghijklmnopXYZ", new String(decode(twoBlocks(false), 35), US_ASCII));
    assertTrue(refused(twoBlocks(true), 35).getMessage().contains("before the data it may copy from"));
  }

  @Test
  void overlappingMatchesAndLengthsWithExtensionBytes() throws IOException {
    byte[] twenty = new byte[20];
    Arrays.fill(twenty, (byte) 'z');
    byte[] block = new HandMadeLz4.Block()
        .sequence("ab".getBytes(US_ASCII), 2, 300) // offset 2, 300 bytes: "abab…" by overlap, 281 in extension bytes
        .sequence(twenty, 1, 4 + 15 + 255) // 20 literals (an extension byte), then a match of exactly 274
        .last("!".getBytes(US_ASCII));
    byte[] frame = new HandMadeLz4.Frame(true, false, false, null, 4).block(block).end(null);
    StringBuilder expected = new StringBuilder("ab".repeat(151)).append("z".repeat(20 + 274)).append('!');
    assertEquals(expected.toString(), new String(decode(frame, expected.length()), US_ASCII));
  }

  @Test
  void checksumsAndContentSizeAreCheckedWhenPresent() throws IOException {
    byte[] content = concat(ALPHABET, ALPHABET, "XYZ".getBytes(US_ASCII));
    byte[] frame = new HandMadeLz4.Frame(false, true, true, 35L, 5)
        .block(new HandMadeLz4.Block().last(ALPHABET))
        .block(new HandMadeLz4.Block().sequence(new byte[0], 16, 16).last("XYZ".getBytes(US_ASCII)))
        .end(content);
    assertArrayEquals(content, decode(frame, 35));

    int headerChecksum = 4 + 2 + 8;
    int firstBlockChecksum = headerChecksum + 1 + 4 + 17;
    for (int[] flip : new int[][] {{headerChecksum, 0}, {firstBlockChecksum, 1}, {frame.length - 1, 2}}) {
      byte[] corrupt = frame.clone();
      corrupt[flip[0]] ^= 1;
      String message = refused(corrupt, 35).getMessage();
      assertTrue(message.contains(new String[] {"header checksum", "block checksum", "content checksum"}[flip[1]]),
          message);
    }
    byte[] wrongSize = new HandMadeLz4.Frame(false, false, false, 34L, 4)
        .block(new HandMadeLz4.Block().last(ALPHABET)).end(null);
    assertTrue(refused(wrongSize, 16).getMessage().contains("exceeds"));
    byte[] smallerSize = new HandMadeLz4.Frame(false, false, false, 15L, 4)
        .block(new HandMadeLz4.Block().last(ALPHABET)).end(null);
    assertTrue(refused(smallerSize, 16).getMessage().contains("its header says 15"));
  }

  @Test
  void severalFramesInARowWithSkippableFramesBetweenThem() throws IOException {
    byte[] first = new HandMadeLz4.Frame(true, false, true, 16L, 4).block(new HandMadeLz4.Block().last(ALPHABET))
        .end(ALPHABET);
    byte[] second = new HandMadeLz4.Frame(false, false, false, null, 7).stored("stored".getBytes(US_ASCII)).end(null);
    byte[] body = concat(HandMadeLz4.skippable(0xF, new byte[3]), first, HandMadeLz4.skippable(0, new byte[0]),
        second, HandMadeLz4.skippable(3, "ignored".getBytes(US_ASCII)));
    assertEquals("abcdefghijklmnopstored", new String(decode(body, 22), US_ASCII));
    // frames do not link to each other: the second frame cannot copy from the first
    byte[] linked = new HandMadeLz4.Frame(false, false, false, null, 4)
        .block(new HandMadeLz4.Block().sequence(new byte[0], 16, 16).last(new byte[0])).end(null);
    refused(concat(first, linked), 32);
  }

  @Test
  void aBufferWhoseFramesDecodeToMoreOrFewerBytesThanItsPrefixIsRefused() {
    byte[] frame = twoBlocks(false);
    assertTrue(refused(frame, 36).getMessage().contains("decodes to 35 bytes; its length prefix says 36"));
    refused(frame, 34);
    refused(new byte[0], 1);
  }

  @Test
  void malformedDescriptorsAndBlocksAreRefused() {
    byte[] frame = twoBlocks(false);
    byte[][] corrupt = new byte[8][];
    for (int i = 0; i < corrupt.length; i++) {
      corrupt[i] = frame.clone();
    }
    corrupt[0][0] = 0x05; // magic
    corrupt[1][4] = (byte) 0x80; // version 10
    corrupt[2][4] |= 0x02; // reserved flag
    corrupt[3][5] = 0x30; // block size code 3
    corrupt[4][4] |= 0x01; // a dictionary ID
    corrupt[5][7] = (byte) 0xFF; // the first block claims more than 64 KiB
    corrupt[6][8] = 0x7F; // the same, with the stored bit
    corrupt = Arrays.copyOf(corrupt, 7);
    for (byte[] bytes : corrupt) {
      refused(bytes, 35);
    }
    byte[] offsetZero = new HandMadeLz4.Frame(true, false, false, null, 4)
        .block(new HandMadeLz4.Block().sequence(ALPHABET, 0, 4).last(new byte[0])).end(null);
    refused(offsetZero, 20);
    byte[] noLastLiterals = new HandMadeLz4.Frame(true, false, false, null, 4)
        .block(Arrays.copyOf(new HandMadeLz4.Block().sequence(ALPHABET, 16, 4).last(new byte[0]), 19)).end(null);
    refused(noLastLiterals, 20);
  }

  @Test
  void truncationAndBitFlipsGiveIoExceptionsOnly() throws Exception {
    byte[] frame = Resources.bytes("lz4-cli-linked-checksums.lz4");
    byte[] text = Resources.lines();
    for (int cut = 0; cut < frame.length; cut += 97) {
      refused(Arrays.copyOf(frame, cut), text.length);
    }
    Random random = new Random(7);
    for (int i = 0; i < 300; i++) {
      byte[] corrupt = frame.clone();
      corrupt[random.nextInt(corrupt.length)] ^= (byte) (1 << random.nextInt(8));
      refused(corrupt, text.length); // every byte is covered by a checksum, a length or a magic number
    }
  }

  @Test
  void framesOfTheReferenceImplementation() throws Exception {
    byte[] text = Resources.lines();
    // lz4 -BD -B4 --content-size -BX: linked 64 KiB blocks, block checksums, content size and checksum
    byte[] linked = Resources.bytes("lz4-cli-linked-checksums.lz4");
    assertEquals(0x40 | 0x10 | 0x08 | 0x04, linked[4] & 0xFF, "linked blocks, block checksums, size, checksum");
    assertArrayEquals(text, decode(linked, text.length));
    // lz4 -BI -B5 --no-frame-crc: independent 256 KiB blocks, no checksum
    byte[] independent = Resources.bytes("lz4-cli-independent.lz4");
    assertEquals(0x40 | 0x20, independent[4] & 0xFF);
    assertArrayEquals(text, decode(independent, text.length));
    assertArrayEquals(concat(text, text), decode(concat(linked, independent), 2 * text.length));
  }

  @Test
  void xxHash32OfKnownInputs() {
    assertEquals(0x02CC5D05, XxHash32.hash(new byte[0], 0, 0));
    // the header checksum of a frame descriptor of the reference tool: FLG 0x64, BD 0x40
    byte[] independent = Resources.bytesUnchecked("lz4-cli-independent.lz4");
    assertEquals(independent[6] & 0xFF, (XxHash32.hash(independent, 4, 2) >>> 8) & 0xFF);
  }
}
