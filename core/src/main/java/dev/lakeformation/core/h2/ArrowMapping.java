package dev.lakeformation.core.h2;

import dev.lakeformation.core.types.ArrowFieldTypes;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.IntervalUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * The Arrow type each H2 result type is sent as, and the writer that copies its values. Athena's
 * own types are the guide: every H2 type either becomes the Arrow type of its Athena
 * counterpart, or fails the query with a message naming the column and its type. The table in
 * docs/local-service.md lists the choices; LakeFormation Local's work units and the driver's
 * system-table results both follow it.
 */
final class ArrowMapping {
  /** One column (or array element, or ROW field): its Arrow field and its writer. */
  record MappedColumn(Field field, ValueWriter writer) {}

  /** H2's precision of an unbounded NUMERIC, taken for a nested NUMERIC printed without one. */
  private static final long UNBOUNDED_NUMERIC = 100_000;
  /** FLOAT(p) is REAL up to 24 binary digits, DOUBLE PRECISION above, as in H2 and the SQL standard. */
  private static final long REAL_MAX_BITS = 24;
  private static final String LIST_ELEMENT = "item";

  private ArrowMapping() {}

  /** Every column of a result, in order. */
  static List<MappedColumn> columns(ResultSetMetaData metaData) throws SQLException {
    List<MappedColumn> columns = new ArrayList<>();
    for (int c = 1; c <= metaData.getColumnCount(); c++) {
      String name = metaData.getColumnLabel(c);
      // Every result column may hold NULL, as in Athena, whose catalog declares no NOT NULL either.
      columns.add(map(name, name, H2Type.ofColumn(metaData, c), true));
    }
    return columns;
  }

  /**
   * {@code fieldName} names the Arrow field; {@code where} names the value in messages: the
   * column, followed by {@code []} for its elements and {@code .field} for ROW fields.
   */
  static MappedColumn map(String fieldName, String where, H2Type type, boolean nullable) throws SQLException {
    String name = type.name();
    if (name.startsWith("INTERVAL ")) {
      return name.equals("INTERVAL YEAR") || name.equals("INTERVAL MONTH") || name.equals("INTERVAL YEAR TO MONTH")
          ? leaf(fieldName, nullable, new ArrowType.Interval(IntervalUnit.YEAR_MONTH), TemporalWriters.months(where))
          : leaf(fieldName, nullable, new ArrowType.Duration(TimeUnit.MICROSECOND), TemporalWriters.durationMicros(where));
    }
    return switch (name) {
      case "TINYINT" -> leaf(fieldName, nullable, new ArrowType.Int(8, true), ScalarWriters.int8());
      case "SMALLINT" -> leaf(fieldName, nullable, new ArrowType.Int(16, true), ScalarWriters.int16());
      case "INTEGER" -> leaf(fieldName, nullable, new ArrowType.Int(32, true), ScalarWriters.int32());
      case "BIGINT" -> leaf(fieldName, nullable, new ArrowType.Int(64, true), ScalarWriters.int64());
      case "NUMERIC", "DECIMAL" -> {
        DecimalShape shape = DecimalShape.forH2(
            type.precision() == H2Type.NOT_GIVEN ? UNBOUNDED_NUMERIC : type.precision(), type.scale());
        yield leaf(fieldName, nullable, new ArrowType.Decimal(shape.precision(), shape.scale(), 128),
            ScalarWriters.decimal(shape, where));
      }
      // DECFLOAT is a decimal floating point of up to 100000 digits and a huge exponent: no
      // decimal holds it, and H2 gives it for AVG and SUM of DOUBLE and for 1e0 literals, which
      // Athena types as DOUBLE.
      case "DECFLOAT" -> leaf(fieldName, nullable, double64(), ScalarWriters.decfloatAsDouble(where));
      case "REAL" -> leaf(fieldName, nullable, float32(), ScalarWriters.float32());
      case "DOUBLE PRECISION" -> leaf(fieldName, nullable, double64(), ScalarWriters.float64());
      case "FLOAT" -> type.precision() != H2Type.NOT_GIVEN && type.precision() <= REAL_MAX_BITS
          ? leaf(fieldName, nullable, float32(), ScalarWriters.float32())
          : leaf(fieldName, nullable, double64(), ScalarWriters.float64());
      case "BOOLEAN" -> leaf(fieldName, nullable, ArrowType.Bool.INSTANCE, ScalarWriters.bool());
      case "CHARACTER", "CHARACTER VARYING" -> TextLength.isDeclared(type.precision())
          ? declaredText(fieldName, nullable, name.equals("CHARACTER") ? "CHAR" : "VARCHAR", type.precision())
          : leaf(fieldName, nullable, ArrowType.Utf8.INSTANCE, ScalarWriters.text());
      case "VARCHAR_IGNORECASE", "CHARACTER LARGE OBJECT", "ENUM", "UUID", "JSON", "GEOMETRY" ->
          leaf(fieldName, nullable, ArrowType.Utf8.INSTANCE, ScalarWriters.text());
      case "BINARY", "BINARY VARYING", "BINARY LARGE OBJECT" ->
          leaf(fieldName, nullable, ArrowType.Binary.INSTANCE, ScalarWriters.binary());
      case "DATE" -> leaf(fieldName, nullable, new ArrowType.Date(DateUnit.DAY), TemporalWriters.date());
      case "TIME" -> leaf(fieldName, nullable, new ArrowType.Time(TimeUnit.MICROSECOND, 64),
          TemporalWriters.timeMicros());
      case "TIME WITH TIME ZONE" -> leaf(fieldName, nullable, ArrowType.Utf8.INSTANCE,
          TemporalWriters.offsetTimeText());
      case "TIMESTAMP" -> leaf(fieldName, nullable, new ArrowType.Timestamp(TimeUnit.MICROSECOND, null),
          TemporalWriters.timestampMicros(where));
      case "TIMESTAMP WITH TIME ZONE" -> leaf(fieldName, nullable,
          new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC"), TemporalWriters.instantMicros(where));
      case "NULL" -> leaf(fieldName, true, ArrowType.Null.INSTANCE, ScalarWriters.nothing());
      case "ARRAY" -> {
        MappedColumn element = map(LIST_ELEMENT, where + "[]", type.element(), true);
        yield new MappedColumn(new Field(fieldName, new FieldType(nullable, ArrowType.List.INSTANCE, null),
            List.of(element.field())), NestedWriters.list(element.writer()));
      }
      case "ROW" -> {
        List<Field> children = new ArrayList<>();
        List<ValueWriter> writers = new ArrayList<>();
        for (H2Type.RowField rowField : type.fields()) {
          MappedColumn child = map(rowField.name(), where + "." + rowField.name(), rowField.type(), true);
          children.add(child.field());
          writers.add(child.writer());
        }
        yield new MappedColumn(new Field(fieldName, new FieldType(nullable, ArrowType.Struct.INSTANCE, null),
            children), NestedWriters.struct(writers, where));
      }
      default -> throw new SQLException("Column " + where + " has type " + type.sql()
          + ", which has no Arrow counterpart: Athena has no such type. CAST it to VARCHAR or VARBINARY.", "0A000");
    };
  }

  /**
   * A text column with a declared length, told in the field's metadata with the keys Arrow Flight
   * SQL defines for result columns: an Arrow string has no length of its own, and clients size
   * their grids from it (the catalog lists the same length for the table's column).
   */
  private static MappedColumn declaredText(String name, boolean nullable, String typeName, long length) {
    Map<String, String> declared = Map.of(ArrowFieldTypes.TYPE_NAME, typeName,
        ArrowFieldTypes.PRECISION, Long.toString(length));
    return new MappedColumn(new Field(name, new FieldType(nullable, ArrowType.Utf8.INSTANCE, null, declared), null),
        ScalarWriters.text());
  }

  private static MappedColumn leaf(String name, boolean nullable, ArrowType type, ValueWriter writer) {
    return new MappedColumn(new Field(name, new FieldType(nullable, type, null), null), writer);
  }

  private static ArrowType float32() {
    return new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
  }

  private static ArrowType double64() {
    return new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
  }
}
