package dev.lakeformation.jdbc.local;

import dev.lakeformation.jdbc.arrow.ArrowIpc;
import dev.lakeformation.jdbc.arrow.compression.IpcCompression;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.arrow.adapter.jdbc.ArrowVectorIterator;
import org.apache.arrow.adapter.jdbc.JdbcFieldInfo;
import org.apache.arrow.adapter.jdbc.JdbcToArrow;
import org.apache.arrow.adapter.jdbc.JdbcToArrowConfig;
import org.apache.arrow.adapter.jdbc.JdbcToArrowConfigBuilder;
import org.apache.arrow.adapter.jdbc.JdbcToArrowUtils;
import org.apache.arrow.adapter.jdbc.consumer.BaseConsumer;
import org.apache.arrow.adapter.jdbc.consumer.JdbcConsumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Turns an H2 result into work units: Arrow IPC streams of at most {@code rowsPerWorkUnit} rows
 * each, in record batches of {@code rowsPerBatch}, converted by arrow-jdbc, their buffers
 * compressed as {@code compression} says.
 *
 * <p>arrow-jdbc's own mapping keeps only milliseconds of TIME and TIMESTAMP and reads them
 * through the JVM's default time zone, and cannot map TIMESTAMP WITH TIME ZONE at all. Those
 * three are mapped here to microsecond Arrow types read through {@code java.time} (wall-clock
 * time for TIMESTAMP, the exact instant in UTC for TIMESTAMP WITH TIME ZONE); every other type
 * keeps arrow-jdbc's mapping.
 */
final class ResultEncoder {
  /** Receives each finished work unit as the bytes of one IPC stream. */
  interface UnitSink {
    void accept(byte[] ipcStream) throws IOException;
  }

  private static final String UTC = "UTC";

  private final BufferAllocator allocator;
  private final int rowsPerBatch;
  private final int rowsPerWorkUnit;
  private final IpcCompression compression;

  ResultEncoder(BufferAllocator allocator, int rowsPerBatch, int rowsPerWorkUnit, IpcCompression compression) {
    this.allocator = allocator;
    this.rowsPerBatch = rowsPerBatch;
    this.rowsPerWorkUnit = rowsPerWorkUnit;
    this.compression = compression;
  }

  /**
   * Encodes every row of {@code rs} into units handed to {@code sink}, in row order. A result
   * with no rows still gives one unit holding only the schema, so clients learn its columns.
   */
  void encode(ResultSet rs, UnitSink sink) throws SQLException, IOException {
    JdbcToArrowConfig config = configFor(rs.getMetaData());
    Schema schema = JdbcToArrowUtils.jdbcToArrowSchema(rs.getMetaData(), config);
    int unitsWritten = 0;
    UnitBuffer unit = null;
    try (ArrowVectorIterator batches = JdbcToArrow.sqlToArrowVectorIterator(rs, config)) {
      while (batches.hasNext()) {
        try (VectorSchemaRoot batch = batches.next()) {
          if (batch.getRowCount() == 0) {
            continue;
          }
          if (unit == null) {
            unit = new UnitBuffer(schema, compression);
          }
          unit.writer.writeBatch(batch);
          unit.rows += batch.getRowCount();
          if (unit.rows >= rowsPerWorkUnit) {
            sink.accept(unit.finish());
            unitsWritten++;
            unit = null;
          }
        }
        if (Thread.currentThread().isInterrupted()) {
          throw new IOException("planning interrupted");
        }
      }
    }
    if (unit != null || unitsWritten == 0) {
      sink.accept((unit != null ? unit : new UnitBuffer(schema, compression)).finish());
    }
  }

  private static final class UnitBuffer {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
    final ArrowIpc.StreamWriter writer;
    long rows;

    UnitBuffer(Schema schema, IpcCompression compression) throws IOException {
      writer = new ArrowIpc.StreamWriter(Channels.newChannel(bytes), schema, compression);
    }

    byte[] finish() throws IOException {
      writer.end();
      return bytes.toByteArray();
    }
  }

  private JdbcToArrowConfig configFor(ResultSetMetaData metaData) throws SQLException {
    Map<Integer, JdbcFieldInfo> arrayElementTypes = new HashMap<>();
    for (int column = 1; column <= metaData.getColumnCount(); column++) {
      if (metaData.getColumnType(column) == Types.ARRAY) {
        arrayElementTypes.put(column, arrayElementType(metaData.getColumnTypeName(column)));
      }
    }
    Function<JdbcFieldInfo, ArrowType> arrowJdbcMapping =
        field -> JdbcToArrowUtils.getArrowTypeFromJdbcType(field, JdbcToArrowUtils.getUtcCalendar());
    return new JdbcToArrowConfigBuilder(allocator, JdbcToArrowUtils.getUtcCalendar())
        .setTargetBatchSize(rowsPerBatch)
        .setReuseVectorSchemaRoot(false)
        .setArraySubTypeByColumnIndexMap(arrayElementTypes)
        .setJdbcToArrowTypeConverter(field -> switch (field.getJdbcType()) {
          case Types.TIMESTAMP -> new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
          case Types.TIMESTAMP_WITH_TIMEZONE -> new ArrowType.Timestamp(TimeUnit.MICROSECOND, UTC);
          case Types.TIME -> new ArrowType.Time(TimeUnit.MICROSECOND, 64);
          default -> arrowJdbcMapping.apply(field);
        })
        .setJdbcConsumerGetter(ResultEncoder::consumerFor)
        .build();
  }

  private static JdbcConsumer<?> consumerFor(
      ArrowType type, int column, boolean nullable, FieldVector vector, JdbcToArrowConfig config) {
    if (vector instanceof TimeStampMicroTZVector v) {
      return new MicrosConsumer<>(v, column, rs -> {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : micros(value.toInstant().getEpochSecond(), value.getNano());
      });
    }
    if (vector instanceof TimeStampMicroVector v) {
      return new MicrosConsumer<>(v, column, rs -> {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : micros(value.toEpochSecond(ZoneOffset.UTC), value.getNano());
      });
    }
    if (vector instanceof TimeMicroVector v) {
      return new MicrosConsumer<>(v, column, rs -> {
        LocalTime value = rs.getObject(column, LocalTime.class);
        return value == null ? null : value.toNanoOfDay() / 1_000;
      });
    }
    return JdbcToArrowUtils.getConsumer(type, column, nullable, vector, config);
  }

  private static long micros(long epochSecond, int nanos) {
    return Math.addExact(Math.multiplyExact(epochSecond, 1_000_000L), nanos / 1_000);
  }

  private interface MicrosReader {
    Long read(ResultSet rs) throws SQLException;
  }

  /** Writes a 64-bit count of microseconds read from one column into a fixed-width vector. */
  private static final class MicrosConsumer<V extends org.apache.arrow.vector.BaseFixedWidthVector>
      extends BaseConsumer<V> {
    private final MicrosReader reader;

    MicrosConsumer(V vector, int column, MicrosReader reader) {
      super(vector, column);
      this.reader = reader;
    }

    @Override
    public void consume(ResultSet rs) throws SQLException {
      Long value = reader.read(rs);
      if (value == null) {
        vector.setNull(currentIndex);
      } else {
        vector.setIndexDefined(currentIndex);
        vector.getDataBuffer().setLong((long) currentIndex * BigIntVector.TYPE_WIDTH, value);
      }
      currentIndex++;
    }

    @Override
    public void close() {
      vector.close();
    }
  }

  /** The JDBC type of the elements of an H2 array column, from its type name ("INTEGER ARRAY"). */
  static JdbcFieldInfo arrayElementType(String h2TypeName) throws SQLException {
    String element = h2TypeName.toUpperCase(Locale.ROOT).replaceFirst("\\s+ARRAY(\\[\\d+])?$", "");
    int jdbcType = switch (element.replaceFirst("\\(.*$", "").trim()) {
      case "TINYINT" -> Types.TINYINT;
      case "SMALLINT" -> Types.SMALLINT;
      case "INTEGER", "INT" -> Types.INTEGER;
      case "BIGINT" -> Types.BIGINT;
      case "REAL" -> Types.REAL;
      case "DOUBLE PRECISION", "DOUBLE", "FLOAT" -> Types.DOUBLE;
      case "BOOLEAN" -> Types.BOOLEAN;
      case "CHARACTER VARYING", "VARCHAR", "CHARACTER", "CHAR" -> Types.VARCHAR;
      case "DATE" -> Types.DATE;
      default -> throw new SQLException("arrays of " + element + " are not supported by LakeFormation Local");
    };
    return new JdbcFieldInfo(jdbcType);
  }
}
