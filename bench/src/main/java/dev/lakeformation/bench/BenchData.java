package dev.lakeformation.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.lakeformation.core.arrow.ArrowIpc;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.channels.Channels;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The rows the decode benchmark reads, generated from a fixed seed: lineitem-shaped (16
 * columns: bigints, an int, decimals, one-letter flags, dates, strings, each drawn from the
 * range TPC-H's lineitem has) or narrow (4 bigints).
 * The same rows as Arrow record batches and as an H2 table, so every reader reads the same data.
 */
public final class BenchData {
  public enum Shape { LINEITEM, BIGINT }

  /** Each column's kind, which decides its natural JDBC getter. */
  enum Kind { BIGINT, INT, DECIMAL, TEXT, DATE }

  static final List<Kind> LINEITEM_KINDS = List.of(Kind.BIGINT, Kind.BIGINT, Kind.BIGINT, Kind.INT, Kind.DECIMAL,
      Kind.DECIMAL, Kind.DECIMAL, Kind.DECIMAL, Kind.TEXT, Kind.TEXT, Kind.DATE, Kind.DATE, Kind.DATE, Kind.TEXT,
      Kind.TEXT, Kind.TEXT);
  static final List<Kind> BIGINT_KINDS = List.of(Kind.BIGINT, Kind.BIGINT, Kind.BIGINT, Kind.BIGINT);

  private static final String[] INSTRUCTIONS = {"DELIVER IN PERSON", "COLLECT COD", "NONE", "TAKE BACK RETURN"};
  private static final String[] MODES = {"REG AIR", "AIR", "RAIL", "SHIP", "TRUCK", "MAIL", "FOB"};
  private static final String WORDS = "carefully final deposits detect slyly agai quickly express packages sleep"
      + " furiously pending requests haggle blithely regular accounts";

  private BenchData() {}

  static List<Kind> kinds(Shape shape) {
    return shape == Shape.LINEITEM ? LINEITEM_KINDS : BIGINT_KINDS;
  }

  /** The value of {@code column} in {@code row}, as the JDBC object it stands for. */
  static Object value(Shape shape, long row, int column) {
    SplittableRandom random = new SplittableRandom(row * 31 + column);
    Kind kind = kinds(shape).get(column);
    return switch (kind) {
      case BIGINT -> random.nextLong(1, 6_000_000_000L);
      case INT -> random.nextInt(1, 8);
      // As TPC-H draws them: quantity 1..50, price spread wide, discount 0..0.10, tax 0..0.08.
      case DECIMAL -> switch (column) {
        case 4 -> BigDecimal.valueOf(random.nextLong(1, 51) * 100, 2);
        case 5 -> BigDecimal.valueOf(random.nextLong(90_000, 10_500_000), 2);
        case 6 -> BigDecimal.valueOf(random.nextLong(0, 11), 2);
        default -> BigDecimal.valueOf(random.nextLong(0, 9), 2);
      };
      case DATE -> LocalDate.of(1992, 1, 1).plusDays(random.nextInt(0, 2_500));
      case TEXT -> switch (column) {
        case 8 -> random.nextBoolean() ? "R" : "N";
        case 9 -> random.nextBoolean() ? "O" : "F";
        case 13 -> INSTRUCTIONS[random.nextInt(INSTRUCTIONS.length)];
        case 14 -> MODES[random.nextInt(MODES.length)];
        default -> WORDS.substring(random.nextInt(0, 40), random.nextInt(50, WORDS.length()));
      };
    };
  }

  static Schema schema(Shape shape) {
    List<Kind> kinds = kinds(shape);
    Field[] fields = new Field[kinds.size()];
    for (int c = 0; c < fields.length; c++) {
      ArrowType type = switch (kinds.get(c)) {
        case BIGINT -> new ArrowType.Int(64, true);
        case INT -> new ArrowType.Int(32, true);
        case DECIMAL -> new ArrowType.Decimal(15, 2, 128);
        case TEXT -> ArrowType.Utf8.INSTANCE;
        case DATE -> new ArrowType.Date(DateUnit.DAY);
      };
      fields[c] = new Field("c" + c, FieldType.nullable(type), null);
    }
    return new Schema(List.of(fields));
  }

  /** Rows {@code first} to {@code first + rows - 1} as one record batch. */
  static VectorSchemaRoot batch(Shape shape, long first, int rows, BufferAllocator allocator) {
    VectorSchemaRoot root = VectorSchemaRoot.create(schema(shape), allocator);
    root.allocateNew();
    List<Kind> kinds = kinds(shape);
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < kinds.size(); c++) {
        Object value = value(shape, first + r, c);
        switch (kinds.get(c)) {
          case BIGINT -> ((BigIntVector) root.getVector(c)).setSafe(r, (Long) value);
          case INT -> ((IntVector) root.getVector(c)).setSafe(r, (Integer) value);
          case DECIMAL -> ((DecimalVector) root.getVector(c)).setSafe(r, (BigDecimal) value);
          case TEXT -> ((VarCharVector) root.getVector(c)).setSafe(r, ((String) value).getBytes(UTF_8));
          case DATE -> ((DateDayVector) root.getVector(c)).setSafe(r, (int) ((LocalDate) value).toEpochDay());
        }
      }
    }
    root.setRowCount(rows);
    return root;
  }

  /** {@code batches} as one work unit's body: an Arrow IPC stream. */
  static byte[] ipcStream(List<VectorSchemaRoot> batches) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ArrowIpc.StreamWriter writer = new ArrowIpc.StreamWriter(Channels.newChannel(bytes),
        batches.get(0).getSchema())) {
      for (VectorSchemaRoot batch : batches) {
        writer.writeBatch(batch);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The same rows in an H2 table {@code t}. */
  static void loadH2(Connection h2, Shape shape, long rows) throws SQLException {
    List<Kind> kinds = kinds(shape);
    StringBuilder ddl = new StringBuilder("CREATE TABLE t (");
    StringBuilder marks = new StringBuilder();
    for (int c = 0; c < kinds.size(); c++) {
      ddl.append(c == 0 ? "" : ", ").append('c').append(c).append(' ').append(switch (kinds.get(c)) {
        case BIGINT -> "BIGINT";
        case INT -> "INTEGER";
        case DECIMAL -> "DECIMAL(15,2)";
        case TEXT -> "VARCHAR(200)";
        case DATE -> "DATE";
      });
      marks.append(c == 0 ? "?" : ", ?");
    }
    try (Statement s = h2.createStatement()) {
      s.execute(ddl.append(')').toString());
    }
    try (PreparedStatement insert = h2.prepareStatement("INSERT INTO t VALUES (" + marks + ")")) {
      for (long r = 0; r < rows; r++) {
        for (int c = 0; c < kinds.size(); c++) {
          Object value = value(shape, r, c);
          insert.setObject(c + 1, value instanceof LocalDate d ? Date.valueOf(d) : value);
        }
        insert.addBatch();
        if (r % 5_000 == 4_999) {
          insert.executeBatch();
        }
      }
      insert.executeBatch();
    }
  }
}
