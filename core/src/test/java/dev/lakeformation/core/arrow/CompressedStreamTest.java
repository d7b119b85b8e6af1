package dev.lakeformation.core.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.core.arrow.compression.ArrowCodec;
import dev.lakeformation.core.arrow.compression.IpcCompression;
import dev.lakeformation.core.arrow.compression.Resources;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.time.Period;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntervalDayVector;
import org.apache.arrow.vector.IntervalYearVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.message.MessageChannelReader;
import org.apache.arrow.vector.types.IntervalUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Compressed IPC streams read value by value as the uncompressed stream they stand for: every
 * Arrow type the driver reads, compressed by Arrow C++ (pyarrow wrote the inputs, see
 * make_inputs.sh) and by our own writer, with each codec, dictionary batches included.
 */
class CompressedStreamTest {
  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void nothingLeftAllocated() {
    allocator.close(); // throws if a buffer was leaked
  }

  private static byte[] resource(String name) throws IOException {
    return Resources.bytes(name);
  }

  @ParameterizedTest
  @EnumSource(value = IpcCompression.class, names = {"LZ4_FRAME", "ZSTD"})
  void everyTypeCompressedByArrowCppReadsAsTheUncompressedStream(IpcCompression compression) throws IOException {
    String suffix = compression == IpcCompression.ZSTD ? "zstd" : "lz4";
    byte[] compressed = resource("pyarrow-types-" + suffix + ".arrows");
    List<List<String>> expected = CompressedStreams.rows(resource("pyarrow-types.arrows"), allocator);
    assertEquals(5, expected.size());
    assertEquals(39, expected.get(0).size());
    String codec = String.valueOf(compression.ordinal() - 1);
    assertEquals(List.of("D" + codec, "R" + codec), CompressedStreams.codecs(compressed),
        "pyarrow compresses the dictionary batch too");
    assertEquals(expected, CompressedStreams.rows(compressed, allocator));
  }

  @ParameterizedTest
  @EnumSource(value = IpcCompression.class, names = {"LZ4_FRAME", "ZSTD"})
  void everyTypeCompressedByOurWriterReadsAsTheUncompressedStream(IpcCompression compression) throws IOException {
    byte[] uncompressed = resource("pyarrow-types.arrows");
    byte[] ours;
    try (ArrowStreamReader source = ArrowIpc.openStream(new ByteArrayInputStream(uncompressed), allocator)) {
      source.loadNextBatch();
      Dictionary[] dictionaries = source.getDictionaryVectors().values().toArray(Dictionary[]::new);
      ours = IpcStreams.compressed(compression, dictionaries, source.getVectorSchemaRoot());
    }
    String codec = String.valueOf(compression.ordinal() - 1);
    assertEquals(List.of("D" + codec, "R" + codec), CompressedStreams.codecs(ours));
    assertEquals(CompressedStreams.rows(uncompressed, allocator), CompressedStreams.rows(ours, allocator));
    // Arrow Java's own reader, given our codec through its SPI, reads the same values.
    try (ArrowStreamReader arrowJava = new ArrowStreamReader(new MessageChannelReader(
        new HeapCopyReadChannel(new ByteArrayInputStream(ours)), allocator), allocator, ArrowCodec.factory())) {
      assertEquals(CompressedStreams.rows(uncompressed, allocator), CompressedStreams.rows(arrowJava, allocator));
    }
  }

  @ParameterizedTest
  @EnumSource(value = IpcCompression.class, names = {"LZ4_FRAME", "ZSTD"})
  void intervalsPyarrowCannotWriteAndBuffersLeftUncompressed(IpcCompression compression) throws IOException {
    Schema schema = new Schema(List.of(Field.nullable("ym", new ArrowType.Interval(IntervalUnit.YEAR_MONTH)),
        Field.nullable("dt", new ArrowType.Interval(IntervalUnit.DAY_TIME)),
        Field.nullable("noise", ArrowType.Binary.INSTANCE)));
    byte[] noise = new byte[5000];
    new Random(5).nextBytes(noise); // random bytes do not compress: sent raw, after a length of -1
    byte[] stream;
    byte[] plain;
    try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
        VectorSchemaRoot empty = VectorSchemaRoot.create(schema, allocator)) {
      root.allocateNew();
      ((IntervalYearVector) root.getVector(0)).setSafe(0, -14);
      ((IntervalDayVector) root.getVector(1)).setSafe(0, 3, 86_399_999);
      ((VarBinaryVector) root.getVector(2)).setSafe(0, noise);
      root.getFieldVectors().forEach(v -> v.setNull(1));
      root.setRowCount(2);
      empty.allocateNew();
      empty.setRowCount(0);
      stream = IpcStreams.compressed(compression, new Dictionary[0], root, empty);
      plain = IpcStreams.of(root, empty);
    }
    assertTrue(rawBuffers(stream) > 0, "the noise is sent uncompressed");
    List<List<String>> rows = CompressedStreams.rows(stream, allocator);
    assertEquals(CompressedStreams.rows(plain, allocator), rows);
    assertEquals(String.valueOf(Period.ofMonths(-14)), rows.get(0).get(0));
    assertEquals(String.valueOf(Duration.ofDays(3).plusMillis(86_399_999)), rows.get(0).get(1));
    assertEquals(Collections.nCopies(3, "null"), rows.get(1));
  }

  /** How many 8-byte little-endian -1s the stream holds: each is a buffer sent uncompressed. */
  private static int rawBuffers(byte[] stream) {
    ByteBuffer bytes = ByteBuffer.wrap(stream).order(ByteOrder.LITTLE_ENDIAN);
    int count = 0;
    for (int at = 0; at + 8 <= stream.length; at += 8) {
      count += bytes.getLong(at) == -1 ? 1 : 0;
    }
    return count;
  }

  @ParameterizedTest
  @EnumSource(value = IpcCompression.class, names = {"LZ4_FRAME", "ZSTD"})
  void buffersOverSixtyFourKilobytesInLinkedLz4BlocksOrZstd(IpcCompression compression) throws IOException {
    byte[] stream = resource("pyarrow-large-" + (compression == IpcCompression.ZSTD ? "zstd" : "lz4") + ".arrows");
    if (compression == IpcCompression.LZ4_FRAME) {
      int frame = indexOf(stream, new byte[] {0x04, 0x22, 0x4D, 0x18});
      assertEquals(0x40, stream[frame + 4] & 0xFF, "Arrow C++ writes linked blocks, no checksums");
      assertEquals(0x40, stream[frame + 5] & 0xFF, "of at most 64 KiB");
    }
    List<List<String>> rows = CompressedStreams.rows(stream, allocator);
    assertEquals(40_000, rows.size());
    for (int i = 0; i < rows.size(); i++) {
      assertEquals(List.of(String.valueOf((i % 1000) * 7919L)), rows.get(i));
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }

  @Test
  void theWriterCompressesWhatItIsAskedTo() throws IOException {
    Schema schema = new Schema(List.of(Field.nullable("text", ArrowType.Utf8.INSTANCE)));
    for (IpcCompression compression : IpcCompression.values()) {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
          ArrowIpc.StreamWriter writer = new ArrowIpc.StreamWriter(java.nio.channels.Channels.newChannel(out), schema,
              compression)) {
        root.allocateNew();
        for (int i = 0; i < 1000; i++) {
          ((org.apache.arrow.vector.VarCharVector) root.getVector(0)).setSafe(i, ("row " + i % 10).getBytes());
        }
        root.setRowCount(1000);
        writer.writeBatch(root);
      }
      byte[] stream = out.toByteArray();
      assertEquals(List.of("R" + (compression == IpcCompression.NONE ? "-" : compression.ordinal() - 1)),
          CompressedStreams.codecs(stream));
      List<List<String>> rows = CompressedStreams.rows(stream, allocator);
      assertEquals(List.of("row 7"), rows.get(997));
    }
  }
}
