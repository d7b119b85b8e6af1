package dev.lakeformation.jdbc.resultset;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.lakeformation.core.arrow.IpcStreams;
import dev.lakeformation.jdbc.resultset.ConformanceData.Column;
import dev.lakeformation.jdbc.resultset.ConversionTable.Fp;
import dev.lakeformation.jdbc.resultset.ConversionTable.Text;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.Decimal256Vector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.DurationVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.Float2Vector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.IntervalDayVector;
import org.apache.arrow.vector.IntervalMonthDayNanoVector;
import org.apache.arrow.vector.IntervalYearVector;
import org.apache.arrow.vector.LargeVarBinaryVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.PeriodDuration;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeMilliVector;
import org.apache.arrow.vector.TimeNanoVector;
import org.apache.arrow.vector.TimeSecVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.UInt2Vector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ViewVarBinaryVector;
import org.apache.arrow.vector.ViewVarCharVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.LargeListVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The dataset as Arrow IPC streams, one per work unit ({@link ConformanceData#UNITS}), written
 * into Arrow's own vectors and serialized by Arrow: the bytes a producer would send.
 */
final class ConformanceUnits {
  private ConformanceUnits() {}

  /** The dataset's units, as {@link ConformanceData#UNITS} cuts them. */
  static List<byte[]> write(List<Column> columns, BufferAllocator allocator) {
    return write(columns, ConformanceData.UNITS, allocator);
  }

  /** One unit with the columns and no rows. */
  static List<byte[]> empty(List<Column> columns, BufferAllocator allocator) {
    return write(columns, new int[][][] {{{0, 0}}}, allocator);
  }

  private static List<byte[]> write(List<Column> columns, int[][][] layout, BufferAllocator allocator) {
    Schema schema = new Schema(columns.stream().map(Column::field).toList());
    List<Dictionary> dictionaries = new ArrayList<>();
    try {
      for (Column column : columns) {
        if (column.dictionary() != null) {
          dictionaries.add(dictionary(column, allocator));
        }
      }
      List<byte[]> units = new ArrayList<>();
      for (int[][] batches : layout) {
        List<VectorSchemaRoot> roots = new ArrayList<>();
        try {
          for (int[] range : batches) {
            roots.add(batch(schema, columns, range[0], range[1], allocator));
          }
          units.add(IpcStreams.withDictionaries(dictionaries.toArray(Dictionary[]::new),
              roots.toArray(VectorSchemaRoot[]::new)));
        } finally {
          roots.forEach(VectorSchemaRoot::close);
        }
      }
      return units;
    } finally {
      dictionaries.forEach(d -> d.getVector().close());
    }
  }

  private static Dictionary dictionary(Column column, BufferAllocator allocator) {
    VarCharVector values = new VarCharVector(column.name(), allocator);
    for (int i = 0; i < column.dictionary().size(); i++) {
      values.setSafe(i, column.dictionary().get(i).getBytes(UTF_8));
    }
    values.setValueCount(column.dictionary().size());
    return new Dictionary(values, column.field().getDictionary());
  }

  private static VectorSchemaRoot batch(Schema schema, List<Column> columns, int from, int to,
      BufferAllocator allocator) {
    VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
    root.allocateNew();
    for (int c = 0; c < columns.size(); c++) {
      Column column = columns.get(c);
      FieldVector vector = root.getVector(c);
      for (int row = from; row < to; row++) {
        Object value = column.values().get(row);
        if (column.dictionary() != null && value != null) {
          ((SmallIntVector) vector).setSafe(row - from, column.dictionary().indexOf(((Text) value).raw()));
        } else {
          set(vector, row - from, value);
        }
      }
    }
    root.setRowCount(to - from);
    return root;
  }

  /** Writes one value of the dataset's Java form into its vector (NULL for null). */
  private static void set(FieldVector vector, int index, Object value) {
    if (value == null) {
      vector.setNull(index);
      return;
    }
    switch (vector.getMinorType()) {
      case TINYINT -> ((TinyIntVector) vector).setSafe(index, ((Number) value).byteValue());
      case SMALLINT -> ((SmallIntVector) vector).setSafe(index, ((Number) value).shortValue());
      case INT -> ((IntVector) vector).setSafe(index, ((Number) value).intValue());
      case BIGINT -> ((BigIntVector) vector).setSafe(index, ((Number) value).longValue());
      case UINT1 -> ((UInt1Vector) vector).setSafe(index, ((Number) value).intValue());
      case UINT2 -> ((UInt2Vector) vector).setSafe(index, ((Number) value).intValue());
      case UINT4 -> ((UInt4Vector) vector).setSafe(index, ((Number) value).intValue());
      case UINT8 -> ((UInt8Vector) vector).setSafe(index, ((Number) value).longValue()); // the same 64 bits
      case FLOAT2 -> ((Float2Vector) vector).setSafeWithPossibleTruncate(index, (float) ((Fp) value).value());
      case FLOAT4 -> ((Float4Vector) vector).setSafe(index, (float) ((Fp) value).value());
      case FLOAT8 -> ((Float8Vector) vector).setSafe(index, ((Fp) value).value());
      case DECIMAL -> ((DecimalVector) vector).setSafe(index, (BigDecimal) value);
      case DECIMAL256 -> ((Decimal256Vector) vector).setSafe(index, (BigDecimal) value);
      case BIT -> ((BitVector) vector).setSafe(index, (Boolean) value ? 1 : 0);
      case VARCHAR -> ((VarCharVector) vector).setSafe(index, utf8(value));
      case LARGEVARCHAR -> ((LargeVarCharVector) vector).setSafe(index, utf8(value));
      case VIEWVARCHAR -> ((ViewVarCharVector) vector).setSafe(index, utf8(value));
      case VARBINARY -> ((VarBinaryVector) vector).setSafe(index, (byte[]) value);
      case LARGEVARBINARY -> ((LargeVarBinaryVector) vector).setSafe(index, (byte[]) value);
      case VIEWVARBINARY -> ((ViewVarBinaryVector) vector).setSafe(index, (byte[]) value);
      case FIXEDSIZEBINARY -> ((FixedSizeBinaryVector) vector).setSafe(index, (byte[]) value);
      case DATEDAY -> ((DateDayVector) vector).setSafe(index, Math.toIntExact(((LocalDate) value).toEpochDay()));
      case DATEMILLI -> ((DateMilliVector) vector).setSafe(index, ((LocalDate) value).toEpochDay() * 86_400_000L);
      case TIMESEC -> ((TimeSecVector) vector).setSafe(index, ((LocalTime) value).toSecondOfDay());
      case TIMEMILLI -> ((TimeMilliVector) vector).setSafe(index,
          (int) (((LocalTime) value).toNanoOfDay() / 1_000_000));
      case TIMEMICRO -> ((TimeMicroVector) vector).setSafe(index, ((LocalTime) value).toNanoOfDay() / 1_000);
      case TIMENANO -> ((TimeNanoVector) vector).setSafe(index, ((LocalTime) value).toNanoOfDay());
      case TIMESTAMPSEC, TIMESTAMPMILLI, TIMESTAMPMICRO, TIMESTAMPNANO, TIMESTAMPSECTZ, TIMESTAMPMILLITZ,
          TIMESTAMPMICROTZ, TIMESTAMPNANOTZ -> {
        Instant instant = value instanceof LocalDateTime wall ? wall.toInstant(ZoneOffset.UTC) : (Instant) value;
        TimeUnit unit = ((ArrowType.Timestamp) vector.getField().getType()).getUnit();
        ((TimeStampVector) vector).setSafe(index, units(instant.getEpochSecond(), instant.getNano(), unit));
      }
      case DURATION -> {
        Duration duration = (Duration) value;
        TimeUnit unit = ((ArrowType.Duration) vector.getField().getType()).getUnit();
        ((DurationVector) vector).setSafe(index, units(duration.getSeconds(), duration.getNano(), unit));
      }
      case INTERVALYEAR -> ((IntervalYearVector) vector).setSafe(index,
          Math.toIntExact(((Period) value).toTotalMonths()));
      case INTERVALDAY -> {
        Duration duration = (Duration) value;
        int days = Math.toIntExact(duration.toDays());
        ((IntervalDayVector) vector).setSafe(index, days, Math.toIntExact(duration.minusDays(days).toMillis()));
      }
      case INTERVALMONTHDAYNANO -> {
        PeriodDuration interval = (PeriodDuration) value;
        ((IntervalMonthDayNanoVector) vector).setSafe(index, interval.getPeriod().getMonths(),
            interval.getPeriod().getDays(), interval.getDuration().toNanos());
      }
      case LIST -> {
        ListVector list = (ListVector) vector;
        List<?> elements = (List<?>) value;
        int at = list.startNewValue(index);
        for (int i = 0; i < elements.size(); i++) {
          set(list.getDataVector(), at + i, elements.get(i));
        }
        list.endValue(index, elements.size());
      }
      case LARGELIST -> {
        LargeListVector list = (LargeListVector) vector;
        List<?> elements = (List<?>) value;
        int at = Math.toIntExact(list.startNewValue(index));
        for (int i = 0; i < elements.size(); i++) {
          set(list.getDataVector(), at + i, elements.get(i));
        }
        list.endValue(index, elements.size());
      }
      case FIXED_SIZE_LIST -> {
        FixedSizeListVector list = (FixedSizeListVector) vector;
        List<?> elements = (List<?>) value;
        int at = list.startNewValue(index);
        for (int i = 0; i < elements.size(); i++) {
          set(list.getDataVector(), at + i, elements.get(i));
        }
      }
      case STRUCT -> {
        StructVector struct = (StructVector) vector;
        for (Map.Entry<?, ?> field : ((Map<?, ?>) value).entrySet()) {
          set(struct.getChild((String) field.getKey()), index, field.getValue());
        }
        struct.setIndexDefined(index);
      }
      case MAP -> {
        MapVector map = (MapVector) vector;
        StructVector entries = (StructVector) map.getDataVector();
        int at = map.startNewValue(index);
        int i = 0;
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
          set((FieldVector) entries.getChildByOrdinal(0), at + i, entry.getKey());
          set((FieldVector) entries.getChildByOrdinal(1), at + i, entry.getValue());
          entries.setIndexDefined(at + i++);
        }
        map.endValue(index, i);
      }
      default -> throw new AssertionError("no writer for " + vector.getField());
    }
  }

  private static byte[] utf8(Object value) {
    return ((Text) value).raw().getBytes(UTF_8);
  }

  /** Seconds and nanoseconds as a count of {@code unit}, exactly (values are already whole units). */
  private static long units(long seconds, int nanos, TimeUnit unit) {
    long nanosPerUnit = switch (unit) {
      case SECOND -> 1_000_000_000L;
      case MILLISECOND -> 1_000_000L;
      case MICROSECOND -> 1_000L;
      case NANOSECOND -> 1L;
    };
    long perSecond = 1_000_000_000L / nanosPerUnit;
    if (seconds < 0 && nanos > 0) { // (seconds + 1) and a negative fraction: stays in range at Long.MIN_VALUE nanos
      return Math.addExact(Math.multiplyExact(seconds + 1, perSecond), (nanos - 1_000_000_000L) / nanosPerUnit);
    }
    return Math.addExact(Math.multiplyExact(seconds, perSecond), nanos / nanosPerUnit);
  }
}
