package dev.lakeformation.jdbc.spark.column;

import dev.lakeformation.jdbc.errors.LakeFormationException;
import dev.lakeformation.jdbc.errors.SqlState;
import java.util.List;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The one mapping from Arrow to Spark: chooses, once per column, the {@link ArrowColumn} that
 * reads it, whose Spark type is the column's type in the DataFrame. The Spark driver derives the
 * schema from it and the executors their readers, so the two cannot disagree.
 */
public final class ArrowColumns {
  private ArrowColumns() {}

  /** The Spark schema of these Arrow fields; a type Spark cannot hold fails with SQLState 0A000. */
  public static StructType sparkSchema(List<Field> fields) throws LakeFormationException {
    return structType(fields, of(fields));
  }

  /** One column per field. */
  public static ArrowColumn[] of(List<Field> fields) throws LakeFormationException {
    ArrowColumn[] columns = new ArrowColumn[fields.size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = of(fields.get(i));
    }
    return columns;
  }

  private static StructType structType(List<Field> fields, ArrowColumn[] columns) {
    StructField[] sparkFields = new StructField[columns.length];
    for (int i = 0; i < columns.length; i++) {
      Field field = fields.get(i);
      sparkFields[i] = DataTypes.createStructField(field.getName(), columns[i].dataType(), field.isNullable());
    }
    return DataTypes.createStructType(sparkFields);
  }

  /** The column that reads {@code field}'s vectors. */
  public static ArrowColumn of(Field field) throws LakeFormationException {
    ArrowType type = field.getType();
    return switch (type.getTypeID()) {
      case Int -> {
        ArrowType.Int integer = (ArrowType.Int) type;
        if (!integer.getIsSigned()) {
          yield UnsignedIntColumn.ofWidth(integer.getBitWidth());
        }
        yield new SignedIntColumn(switch (integer.getBitWidth()) {
          case 8 -> DataTypes.ByteType;
          case 16 -> DataTypes.ShortType;
          case 32 -> DataTypes.IntegerType;
          default -> DataTypes.LongType;
        });
      }
      case FloatingPoint -> new FloatingPointColumn(((ArrowType.FloatingPoint) type).getPrecision());
      case Decimal -> {
        ArrowType.Decimal decimal = (ArrowType.Decimal) type;
        boolean fits = decimal.getPrecision() <= DecimalType.MAX_PRECISION() && decimal.getScale() >= 0
            && decimal.getScale() <= decimal.getPrecision();
        yield fits ? new DecimalColumn(decimal) : new WideDecimalColumn();
      }
      case Bool -> new BooleanColumn();
      case Utf8, LargeUtf8, Utf8View -> new TextColumn();
      case Binary, LargeBinary, BinaryView, FixedSizeBinary -> new BinaryColumn();
      case Date -> ((ArrowType.Date) type).getUnit() == DateUnit.DAY
          ? new SignedIntColumn(DataTypes.DateType) : new DateMillisColumn();
      case Time -> new TimeColumn((ArrowType.Time) type);
      case Timestamp -> {
        ArrowType.Timestamp timestamp = (ArrowType.Timestamp) type;
        // With a zone, Arrow's values are instants in UTC, whatever the zone's name.
        yield new MicrosColumn(timestamp.getTimezone() == null ? DataTypes.TimestampNTZType : DataTypes.TimestampType,
            timestamp.getUnit());
      }
      case Duration -> new MicrosColumn(DataTypes.createDayTimeIntervalType(), ((ArrowType.Duration) type).getUnit());
      case Interval -> switch (((ArrowType.Interval) type).getUnit()) {
        case YEAR_MONTH -> new SignedIntColumn(DataTypes.createYearMonthIntervalType());
        case DAY_TIME -> new DayTimeColumn();
        case MONTH_DAY_NANO -> new MonthDayNanoColumn();
      };
      case List, LargeList, FixedSizeList -> {
        Field element = field.getChildren().get(0);
        yield new ListColumn(of(element), element.isNullable());
      }
      case Struct -> {
        ArrowColumn[] columns = of(field.getChildren());
        yield new StructColumn(structType(field.getChildren(), columns), columns);
      }
      case Map -> {
        List<Field> entry = field.getChildren().get(0).getChildren();
        yield new MapColumn(of(entry.get(0)), of(entry.get(1)), entry.get(1).isNullable());
      }
      case Null -> new NullColumn();
      default -> throw new LakeFormationException(SqlState.FEATURE_NOT_SUPPORTED, "Column " + field.getName()
          + " has the Arrow type " + type + ", which the Spark connector cannot read; cast it to another type"
          + " in the query.");
    };
  }
}
