package dev.lakeformation.core.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.core.arrow.compression.IpcCompression;
import dev.lakeformation.core.arrow.compression.Resources;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.arrow.flatbuf.BodyCompressionMethod;
import org.apache.arrow.flatbuf.CompressionType;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.WriteChannel;
import org.apache.arrow.vector.ipc.message.ArrowBodyCompression;
import org.apache.arrow.vector.ipc.message.ArrowFieldNode;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/**
 * Compressed batches from a producer that lies: claimed lengths that are negative, huge or
 * wrong, truncated or corrupt compressed data, codecs and methods the format does not define.
 * Each ends in an IOException, within the allocator's limit, allocating little, freeing all.
 */
class CompressedHostileTest {
  private static final long LIMIT = 64L << 20;
  private static final Schema SCHEMA = new Schema(List.of(Field.nullable("n", new ArrowType.Int(32, true))));

  /** The 16 bytes of four ints, 1 to 4, as one zstd frame (by our encoder). */
  private static byte[] zstdOfFourInts() {
    ByteBuffer ints = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putInt(1).putInt(2).putInt(3).putInt(4);
    var codec = IpcCompression.ZSTD.newCodec();
    byte[] out = new byte[codec.maxEncodedLength(16)];
    return Arrays.copyOf(out, codec.encode(ints.array(), 16, out));
  }

  /** A stream of one 4-row batch of {@link #SCHEMA}: no validity buffer, the data buffer as given. */
  private static byte[] stream(byte codec, byte method, byte[] dataBuffer) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (BufferAllocator allocator = new RootAllocator()) {
      WriteChannel out = new HeapCopyWriteChannel(Channels.newChannel(bytes));
      MessageSerializer.serialize(out, SCHEMA, IpcOption.DEFAULT);
      ArrowBuf validity = allocator.buffer(0);
      ArrowBuf data = allocator.buffer(Math.max(1, dataBuffer.length));
      data.setBytes(0, dataBuffer);
      data.writerIndex(dataBuffer.length);
      try (ArrowRecordBatch batch = new ArrowRecordBatch(4, List.of(new ArrowFieldNode(4, 0)),
          List.of(validity, data), new ArrowBodyCompression(codec, method), true)) {
        MessageSerializer.serialize(out, batch, IpcOption.DEFAULT);
      }
      validity.close();
      data.close();
      ArrowStreamWriter.writeEndOfStream(out, IpcOption.DEFAULT);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return bytes.toByteArray();
  }

  /** The buffer: the claimed length, little-endian, then {@code payload}. */
  private static byte[] prefixed(long claimed, byte[] payload) {
    return ByteBuffer.allocate(8 + payload.length).order(ByteOrder.LITTLE_ENDIAN).putLong(claimed).put(payload).array();
  }

  /** Reads all of {@code stream}; returns the values read, or the IOException's message. */
  private static String read(byte[] stream) {
    BufferAllocator allocator = new RootAllocator(LIMIT);
    try (ArrowStreamReader reader = ArrowIpc.openStream(new ByteArrayInputStream(stream), allocator)) {
      return CompressedStreams.rows(reader, allocator).toString();
    } catch (IOException e) {
      return "IOException: " + e.getMessage();
    } finally {
      assertTrue(allocator.getPeakMemoryAllocation() < (1 << 20),
          "allocated " + allocator.getPeakMemoryAllocation() + " bytes on a tiny body's word");
      allocator.close(); // throws if anything was left allocated
    }
  }

  @Test
  void anHonestBatchReads() {
    assertEquals("[[1], [2], [3], [4]]", read(stream(CompressionType.ZSTD, BodyCompressionMethod.BUFFER,
        prefixed(16, zstdOfFourInts()))));
    ByteBuffer raw = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putInt(5).putInt(6).putInt(7).putInt(8);
    assertEquals("[[5], [6], [7], [8]]", read(stream(CompressionType.LZ4_FRAME, BodyCompressionMethod.BUFFER,
        prefixed(-1, raw.array()))));
  }

  @Test
  void claimedLengthsThatAreNegativeHugeOrWrong() {
    byte[] zstd = zstdOfFourInts();
    List<String> refusals = new ArrayList<>();
    for (long claimed : new long[] {-2, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 40, 1L << 30, 15, 17, 0}) {
      refusals.add(read(stream(CompressionType.ZSTD, BodyCompressionMethod.BUFFER, prefixed(claimed, zstd))));
    }
    for (String refusal : refusals) {
      assertTrue(refusal.startsWith("IOException: "), refusal);
    }
    assertTrue(refusals.get(0).contains("claims -2 bytes"), refusals.get(0));
    assertTrue(refusals.get(4).contains("cannot hold that"), "a 1 GiB claim for a tiny frame: " + refusals.get(4));
    assertTrue(refusals.get(5).contains("Zstandard"), refusals.get(5));
  }

  @Test
  void aClaimWithinTheCodecsRatioIsStillHeldToTheAllocatorsLimit() {
    byte[] payload = new byte[4096]; // 4 KiB of zstd could decode to 128 MiB; the limit is 64 MiB
    String refusal = read(stream(CompressionType.ZSTD, BodyCompressionMethod.BUFFER, prefixed(100L << 20, payload)));
    assertTrue(refusal.contains("the reader may allocate only"), refusal);
  }

  @Test
  void truncatedOrCorruptCompressedData() {
    byte[] zstd = zstdOfFourInts();
    for (int cut = 0; cut < zstd.length; cut++) {
      String result = read(stream(CompressionType.ZSTD, BodyCompressionMethod.BUFFER,
          prefixed(16, Arrays.copyOf(zstd, cut))));
      assertTrue(result.startsWith("IOException: "), "cut at " + cut + ": " + result);
    }
    byte[] lz4 = prefixed(16, new byte[] {0x04, 0x22, 0x4D, 0x18, 0x60, 0x40, (byte) 0x82, 1, 0, 0, 0});
    assertTrue(read(stream(CompressionType.LZ4_FRAME, BodyCompressionMethod.BUFFER, lz4)).startsWith("IOException"));
    assertTrue(read(stream(CompressionType.LZ4_FRAME, BodyCompressionMethod.BUFFER, new byte[5]))
        .contains("too few for its length prefix"));
  }

  @Test
  void codecsAndMethodsTheFormatDoesNotDefine() {
    byte[] buffer = prefixed(16, zstdOfFourInts());
    assertTrue(read(stream((byte) 7, BodyCompressionMethod.BUFFER, buffer)).contains("does not define"));
    assertTrue(read(stream(CompressionType.ZSTD, (byte) 1, buffer)).contains("defines only BUFFER"));
  }

  @Test
  void bitFlipsAndTruncationOfWholeCompressedStreams() throws IOException {
    for (String name : List.of("pyarrow-types-lz4.arrows", "pyarrow-types-zstd.arrows")) {
      byte[] stream = Resources.bytes(name);
      for (int cut = 0; cut < stream.length; cut += 13) {
        read(Arrays.copyOf(stream, cut)); // values or an IOException, never anything else
      }
      Random random = new Random(name.length());
      for (int i = 0; i < 500; i++) {
        byte[] corrupt = stream.clone();
        corrupt[random.nextInt(corrupt.length)] ^= (byte) (1 << random.nextInt(8));
        try {
          read(corrupt);
        } catch (RuntimeException e) {
          // Arrow's own loading still throws unchecked exceptions for some corrupt headers; the
          // driver's decoder turns those into SQLExceptions. What must never escape is an Error.
        }
      }
    }
  }
}
