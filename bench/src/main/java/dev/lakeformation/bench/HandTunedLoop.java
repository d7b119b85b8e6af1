package dev.lakeformation.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * The fastest single-thread loop we could write over decoded batches: column by column, straight
 * from the buffers, building the values the getters return (a String from one bulk copy of the
 * text bytes, a BigDecimal from the unscaled long, a java.sql.Date from the day number). No checks
 * beyond the validity bitmap and Arrow's own: it trusts its input, as a driver cannot. The
 * baseline of the reading thread's CPU per row (decode and CPU figures).
 */
final class HandTunedLoop {
  /** Where the values go: a JMH Blackhole, or a checksum. */
  interface Sink {
    void consume(long value);

    void consume(Object value);
  }

  private final BenchData.Kind[] kinds;
  private final long zoneOffsetMillis = ZoneId.systemDefault().getRules().getOffset(Instant.EPOCH).getTotalSeconds()
      * 1000L;
  private byte[] text = new byte[0];

  HandTunedLoop(BenchData.Kind[] kinds) {
    this.kinds = kinds;
  }

  /** The kinds of a result's columns (64- and 32-bit integers, decimals, text, days). */
  static BenchData.Kind[] kindsOf(List<Field> fields) {
    BenchData.Kind[] kinds = new BenchData.Kind[fields.size()];
    for (int c = 0; c < kinds.length; c++) {
      ArrowType type = fields.get(c).getType();
      kinds[c] = kindOf(type);
    }
    return kinds;
  }

  private static BenchData.Kind kindOf(ArrowType type) {
    if (type instanceof ArrowType.Int i && i.getBitWidth() == 64) {
      return BenchData.Kind.BIGINT;
    }
    if (type instanceof ArrowType.Int i && i.getBitWidth() == 32) {
      return BenchData.Kind.INT;
    }
    if (type instanceof ArrowType.Decimal) {
      return BenchData.Kind.DECIMAL;
    }
    if (type instanceof ArrowType.Utf8) {
      return BenchData.Kind.TEXT;
    }
    if (type instanceof ArrowType.Date d && d.getUnit() == DateUnit.DAY) {
      return BenchData.Kind.DATE;
    }
    throw new IllegalArgumentException("the hand-tuned loop does not read " + type);
  }

  /** Builds every value of the batch; returns its rows. */
  long read(VectorSchemaRoot batch, Sink sink) {
    int count = batch.getRowCount();
    List<FieldVector> vectors = batch.getFieldVectors();
    for (int c = 0; c < kinds.length; c++) {
      FieldVector vector = vectors.get(c);
      ArrowBuf validity = vector.getValidityBuffer();
      ArrowBuf data = vector.getDataBuffer();
      switch (kinds[c]) {
        case BIGINT -> {
          for (int r = 0; r < count; r++) {
            if (isSet(validity, r)) {
              sink.consume(data.getLong((long) r * 8));
            }
          }
        }
        case INT -> {
          for (int r = 0; r < count; r++) {
            if (isSet(validity, r)) {
              sink.consume(data.getInt((long) r * 4));
            }
          }
        }
        case DECIMAL -> {
          int scale = ((DecimalVector) vector).getScale();
          for (int r = 0; r < count; r++) {
            if (isSet(validity, r)) {
              sink.consume(BigDecimal.valueOf(data.getLong((long) r * 16), scale));
            }
          }
        }
        case TEXT -> {
          ArrowBuf offsets = vector.getOffsetBuffer();
          int end = offsets.getInt((long) count * 4);
          if (text.length < end) {
            text = new byte[end];
          }
          data.getBytes(0, text, 0, end);
          for (int r = 0; r < count; r++) {
            if (isSet(validity, r)) {
              int from = offsets.getInt((long) r * 4);
              sink.consume(new String(text, from, offsets.getInt((long) (r + 1) * 4) - from, UTF_8));
            }
          }
        }
        case DATE -> {
          for (int r = 0; r < count; r++) {
            if (isSet(validity, r)) {
              sink.consume(new Date(data.getInt((long) r * 4) * 86_400_000L - zoneOffsetMillis));
            }
          }
        }
      }
    }
    return count;
  }

  private static boolean isSet(ArrowBuf validity, int row) {
    return (validity.getByte(row >>> 3) & (1 << (row & 7))) != 0;
  }
}
