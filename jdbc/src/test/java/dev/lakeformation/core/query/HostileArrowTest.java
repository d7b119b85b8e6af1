package dev.lakeformation.core.query;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.core.arrow.HeapCopyWriteChannel;
import dev.lakeformation.core.arrow.IpcStreams;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.WriteChannel;
import org.apache.arrow.vector.ipc.message.ArrowFieldNode;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/**
 * Corrupt and hostile work-unit bodies, made by hand, read through the code that reads the
 * service's bodies: each ends in rows or an SQLException (22000, or HY001 past the memory limit), in
 * bounded time, within the allocator's limit, with every buffer freed. (The fuzzer in
 * {@link UnitStreamFuzzTest} searches for the ones nobody thought of.)
 */
class HostileArrowTest {
  private static final long LIMIT = 64L << 20;

  /** Reads {@code body} as the driver would; returns the rows, or -1 for an SQLException. */
  private static long read(byte[] body) {
    return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      BufferAllocator allocator = new RootAllocator(LIMIT);
      try {
        return UnitsInMemory.readAll(body, allocator);
      } catch (SQLException e) {
        // Bad data (22000), a corrupt length that asks for more memory than the limit (HY001), or a
        // flipped bit that made valid Arrow the driver cannot read (0A000: a big-endian flag, say).
        assertTrue(e.getSQLState().equals("22000") || e.getSQLState().equals("HY001")
            || e.getSQLState().equals("0A000"), e.toString());
        return -1L;
      } finally {
        allocator.close(); // fails the test if a buffer was left allocated
      }
    });
  }

  /** A valid two-batch stream of (n INT, s VARCHAR): 100 rows. */
  private static byte[] valid() {
    try (BufferAllocator allocator = new RootAllocator()) {
      Schema schema = new Schema(List.of(Field.nullable("n", new ArrowType.Int(32, true)),
          Field.nullable("s", ArrowType.Utf8.INSTANCE)));
      VectorSchemaRoot first = VectorSchemaRoot.create(schema, allocator);
      VectorSchemaRoot second = VectorSchemaRoot.create(schema, allocator);
      for (VectorSchemaRoot root : List.of(first, second)) {
        root.allocateNew();
        for (int r = 0; r < 50; r++) {
          ((IntVector) root.getVector(0)).setSafe(r, r);
          ((VarCharVector) root.getVector(1)).setSafe(r, ("value " + r).getBytes(UTF_8));
        }
        root.setRowCount(50);
      }
      byte[] bytes = IpcStreams.of(first, second);
      first.close();
      second.close();
      return bytes;
    }
  }

  @Test
  void theValidStreamReadsInFull() {
    assertEquals(100, read(valid()));
  }

  @Test
  void truncatedAtEveryPointGivesFewerWholeBatchesOrAnError() {
    byte[] valid = valid();
    for (int cut = 0; cut < valid.length; cut += 7) {
      long rows = read(java.util.Arrays.copyOf(valid, cut));
      assertTrue(rows == -1 || rows == 0 || rows == 50 || rows == 100, "cut at " + cut + " gave " + rows + " rows");
    }
  }

  @Test
  void flippedBitsNeverEscapeAsAnythingButAnSqlException() {
    byte[] valid = valid();
    Random random = new Random(42);
    for (int i = 0; i < 2_000; i++) {
      byte[] body = valid.clone();
      for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
        int at = random.nextInt(body.length);
        body[at] ^= (byte) (1 << random.nextInt(8));
      }
      read(body);
    }
  }

  @Test
  void negativeAndHugeMessageLengthsAreErrors() {
    for (int length : new int[] {-5, Integer.MAX_VALUE, 1 << 30, 0x7FFFFFF0}) {
      ByteBuffer body = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
      body.putInt(0xFFFFFFFF).putInt(length).putInt(0).putInt(0);
      long rows = read(body.array());
      assertTrue(rows <= 0, "length " + length);
    }
  }

  @Test
  void garbageAfterTheContinuationMarkerIsAnError() {
    byte[] body = new byte[4096];
    new Random(3).nextBytes(body);
    ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 0xFFFFFFFF).putInt(4, 1000);
    assertEquals(-1, read(body));
  }

  @Test
  void aSecondSchemaInTheMiddleOfTheStreamIsAnError() {
    byte[] valid = valid();
    byte[] other;
    try (BufferAllocator allocator = new RootAllocator();
        VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(List.of(
            Field.nullable("x", ArrowType.Utf8.INSTANCE))), allocator)) {
      root.allocateNew();
      root.setRowCount(0);
      other = IpcStreams.of(root);
    }
    // the valid stream without its end marker (8 bytes), then another stream's schema and batch
    byte[] body = new byte[valid.length - 8 + other.length];
    System.arraycopy(valid, 0, body, 0, valid.length - 8);
    System.arraycopy(other, 0, body, valid.length - 8, other.length);
    assertEquals(-1, read(body));
  }

  @Test
  void nestingAThousandLevelsDeepIsRefused() {
    Field field = Field.nullable("leaf", new ArrowType.Int(32, true));
    for (int depth = 0; depth < 1_000; depth++) {
      field = new Field("l" + depth, FieldType.nullable(ArrowType.List.INSTANCE), List.of(field));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      WriteChannel channel = new HeapCopyWriteChannel(Channels.newChannel(out));
      MessageSerializer.serialize(channel, new Schema(List.of(field)), IpcOption.DEFAULT);
      ArrowStreamWriter.writeEndOfStream(channel, IpcOption.DEFAULT);
    } catch (Exception | StackOverflowError e) {
      return; // Arrow cannot even write it here; nothing for the reader to refuse
    }
    assertEquals(-1, read(out.toByteArray()));
  }

  @Test
  void aBatchClaimingBillionsOfRowsIsAnErrorNotAnAllocation() throws Exception {
    Schema schema = new Schema(List.of(Field.nullable("n", new ArrowType.Int(32, true))));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (BufferAllocator allocator = new RootAllocator()) {
      WriteChannel channel = new HeapCopyWriteChannel(Channels.newChannel(out));
      MessageSerializer.serialize(channel, schema, IpcOption.DEFAULT);
      ArrowBuf validity = allocator.buffer(8);
      ArrowBuf values = allocator.buffer(64);
      validity.setZero(0, 8);
      values.setZero(0, 64);
      int billions = 2_000_000_000;
      try (ArrowRecordBatch batch = new ArrowRecordBatch(billions, List.of(new ArrowFieldNode(billions, 0)),
          List.of(validity, values))) {
        MessageSerializer.serialize(channel, batch, IpcOption.DEFAULT);
      }
      validity.close();
      values.close();
      ArrowStreamWriter.writeEndOfStream(channel, IpcOption.DEFAULT);
    }
    assertEquals(-1, read(out.toByteArray()));
  }

  @Test
  void emptyAndTinyBodies() {
    List<byte[]> bodies = new ArrayList<>(List.of(new byte[0], new byte[] {0}, new byte[] {-1, -1, -1, -1},
        new byte[] {-1, -1, -1, -1, 0, 0, 0, 0}));
    for (byte[] body : bodies) {
      assertTrue(read(body) <= 0);
    }
  }
}
