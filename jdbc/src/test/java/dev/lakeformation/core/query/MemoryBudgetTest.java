package dev.lakeformation.core.query;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.core.arrow.ArrowIpc;
import dev.lakeformation.core.arrow.IpcStreams;
import dev.lakeformation.core.arrow.compression.IpcCompression;
import dev.lakeformation.jdbc.driver.LocalFixture;
import java.io.ByteArrayOutputStream;
import java.nio.channels.Channels;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryEncoder;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/**
 * MaxBufferBytes holds for what the reader will hold in memory, not for what came over the wire:
 * dictionary-encoded columns grow when decoded, compressed buffers when inflated, and a slow
 * reader must still never have more than the budget plus one batch per fetch thread, and the one
 * it holds.
 */
class MemoryBudgetTest {
  private static final int UNITS = 24;
  private static final int BATCHES_PER_UNIT = 4;
  private static final int ROWS = 2_000;
  private static final long BUDGET = 1L << 20;
  private static final int FETCH_THREADS = 4;

  /** Reads the query slowly; returns {rows, largest decoded batch, peak buffered bytes}. */
  private static long[] readSlowly(String queryId) throws Exception {
    Properties properties = new Properties();
    properties.setProperty("MaxBufferBytes", String.valueOf(BUDGET));
    properties.setProperty("MaxConcurrentWorkUnits", String.valueOf(FETCH_THREADS));
    try (ServiceSession session = ServiceSession.open(LocalFixture.shared().url("Database=tpch"), properties);
        ResultStream stream = session.attach(queryId).stream()) {
      long rows = 0;
      long largest = 0;
      for (FetchedBatch batch = stream.next(); batch != null; batch = stream.next()) {
        rows += batch.rowCount();
        largest = Math.max(largest, DecodedBytes.of(batch.root()));
        batch.close();
        Thread.sleep(5); // a slow reader, so the fetch threads fill the budget
      }
      return new long[] {rows, largest, stream.peakBufferedBytes()};
    }
  }

  private static void assertWithinBudget(long[] read, long wireBytesPerUnit) {
    assertEquals((long) UNITS * BATCHES_PER_UNIT * ROWS, read[0]);
    long largest = read[1];
    long peak = read[2];
    assertTrue(largest * BATCHES_PER_UNIT > 4 * wireBytesPerUnit, "the units grow at least 4 times when decoded ("
        + largest + " bytes a batch from " + wireBytesPerUnit + " a unit): the test proves nothing otherwise");
    // One batch per fetch thread beyond the budget, and one more: the batch the reader holds.
    assertTrue(peak <= BUDGET + (FETCH_THREADS + 1) * largest, "peak " + peak + " bytes over the budget of " + BUDGET
        + " plus one " + largest + "-byte batch per fetch thread and the reader's");
    assertTrue(peak >= BUDGET / 2, "the budget was never approached (peak " + peak + "): the test proves nothing");
  }

  @Test
  void dictionaryEncodedUnitsAreCountedDecoded() throws Exception {
    List<byte[]> bodies = new ArrayList<>();
    try (BufferAllocator allocator = new RootAllocator()) {
      byte[] body = dictionaryUnit(allocator);
      for (int u = 0; u < UNITS; u++) {
        bodies.add(body);
      }
    }
    String queryId = LocalFixture.shared().local.publishQuery("dictionary-encoded units", bodies);
    assertWithinBudget(readSlowly(queryId), bodies.get(0).length);
  }

  @Test
  void compressedUnitsAreCountedInflated() throws Exception {
    List<byte[]> bodies = new ArrayList<>();
    try (BufferAllocator allocator = new RootAllocator()) {
      byte[] body = compressedUnit(allocator);
      for (int u = 0; u < UNITS; u++) {
        bodies.add(body);
      }
    }
    String queryId = LocalFixture.shared().local.publishQuery("compressed units", bodies);
    assertWithinBudget(readSlowly(queryId), bodies.get(0).length);
  }

  /** Batches whose text column points into a dictionary of 16 long values. */
  private static byte[] dictionaryUnit(BufferAllocator allocator) {
    DictionaryEncoding encoding = new DictionaryEncoding(1, false, new ArrowType.Int(32, true));
    try (VarCharVector values = new VarCharVector("values", allocator)) {
      values.allocateNew();
      for (int i = 0; i < 16; i++) {
        values.setSafe(i, ("a long repeated dictionary value number " + i + " ".repeat(200)).getBytes(UTF_8));
      }
      values.setValueCount(16);
      Dictionary dictionary = new Dictionary(values, encoding);
      List<VectorSchemaRoot> batches = new ArrayList<>();
      try {
        for (int b = 0; b < BATCHES_PER_UNIT; b++) {
          try (VarCharVector plain = new VarCharVector("text", allocator)) {
            plain.allocateNew();
            for (int r = 0; r < ROWS; r++) {
              plain.setSafe(r, values.get(r % 16));
            }
            plain.setValueCount(ROWS);
            IntVector indexes = (IntVector) DictionaryEncoder.encode(plain, dictionary);
            Field field = new Field("text", new FieldType(true, ArrowType.Utf8.INSTANCE, encoding), null);
            batches.add(new VectorSchemaRoot(List.of(field), List.of(indexes), ROWS));
          }
        }
        return IpcStreams.withDictionaries(new Dictionary[] {dictionary}, batches.toArray(VectorSchemaRoot[]::new));
      } finally {
        batches.forEach(VectorSchemaRoot::close);
      }
    }
  }

  /** ZSTD-compressed batches of repetitive text, which shrinks many times over. */
  private static byte[] compressedUnit(BufferAllocator allocator) throws Exception {
    Schema schema = new Schema(List.of(Field.nullable("n", new ArrowType.Int(32, true)),
        Field.nullable("text", ArrowType.Utf8.INSTANCE)));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ArrowIpc.StreamWriter writer = new ArrowIpc.StreamWriter(Channels.newChannel(bytes), schema,
        IpcCompression.ZSTD)) {
      for (int b = 0; b < BATCHES_PER_UNIT; b++) {
        try (VectorSchemaRoot batch = VectorSchemaRoot.create(schema, allocator)) {
          batch.allocateNew();
          for (int r = 0; r < ROWS; r++) {
            ((IntVector) batch.getVector(0)).setSafe(r, r % 7);
            ((VarCharVector) batch.getVector(1)).setSafe(r, ("repeated text " + (r % 5) + " ".repeat(120)).getBytes(UTF_8));
          }
          batch.setRowCount(ROWS);
          writer.writeBatch(batch);
        }
      }
    }
    return bytes.toByteArray();
  }
}
