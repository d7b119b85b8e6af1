package dev.lakeformation.spark.column;

import dev.lakeformation.api.LakeFormationException;
import dev.lakeformation.api.SqlState;
import dev.lakeformation.core.types.ArrowFieldTypes;
import dev.lakeformation.core.types.SqlType;
import java.util.List;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.spark.sql.types.DataType;
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
      // Nullable whatever the producer declared: Spark reads a value it was told cannot be null
      // without looking at its null bit, so a batch that broke the claim would read 0 or "".
      sparkFields[i] = DataTypes.createStructField(field.getName(), columns[i].dataType(), true);
    }
    return DataTypes.createStructType(sparkFields);
  }

  /**
   * The column that reads {@code field}'s vectors. What the column is decides its Spark type, and
   * that comes from the driver's one type mapping ({@link ArrowFieldTypes}): the same SQL type
   * JDBC's ResultSetMetaData reports, here as its nearest safe Spark type. The Arrow layout only
   * chooses the reader.
   */
  public static ArrowColumn of(Field field) throws LakeFormationException {
    ArrowType type = field.getType();
    SqlType sqlType = ArrowFieldTypes.of(field);
    return switch (sqlType.kind()) {
      case TINYINT -> new SignedIntColumn(DataTypes.ByteType);
      case SMALLINT -> new SignedIntColumn(DataTypes.ShortType);
      case INTEGER -> new SignedIntColumn(DataTypes.IntegerType);
      case BIGINT -> new SignedIntColumn(DataTypes.LongType);
      case UTINYINT, USMALLINT, UINTEGER, UBIGINT ->
          UnsignedIntColumn.ofWidth(((ArrowType.Int) type).getBitWidth());
      case HALF_FLOAT, REAL, DOUBLE -> new FloatingPointColumn(((ArrowType.FloatingPoint) type).getPrecision());
      case DECIMAL -> sqlType.length() <= DecimalType.MAX_PRECISION() && sqlType.scale() >= 0
          && sqlType.scale() <= sqlType.length()
          ? new DecimalColumn((ArrowType.Decimal) type) : new WideDecimalColumn(); // to text, exactly
      case BOOLEAN -> new BooleanColumn();
      case CHAR, VARCHAR -> new TextColumn();
      case BINARY, VARBINARY -> new BinaryColumn();
      case DATE -> ((ArrowType.Date) type).getUnit() == DateUnit.DAY
          ? new SignedIntColumn(DataTypes.DateType) : new DateMillisColumn();
      case TIME -> new TimeColumn((ArrowType.Time) type);
      // With a zone, Arrow's values are instants in UTC, whatever the zone's name.
      case TIMESTAMP -> new MicrosColumn(DataTypes.TimestampNTZType, ((ArrowType.Timestamp) type).getUnit());
      case TIMESTAMP_WITH_TIME_ZONE -> new MicrosColumn(DataTypes.TimestampType,
          ((ArrowType.Timestamp) type).getUnit());
      case INTERVAL_DAY_TO_SECOND -> new MicrosColumn(DataTypes.createDayTimeIntervalType(),
          ((ArrowType.Duration) type).getUnit());
      case INTERVAL -> switch (((ArrowType.Interval) type).getUnit()) {
        case YEAR_MONTH -> new SignedIntColumn(DataTypes.createYearMonthIntervalType());
        case DAY_TIME -> new DayTimeColumn();
        case MONTH_DAY_NANO -> new MonthDayNanoColumn();
      };
      case ARRAY -> {
        ArrowType.ArrowTypeID layout = type.getTypeID();
        if (layout == ArrowType.ArrowTypeID.ListView || layout == ArrowType.ArrowTypeID.LargeListView) {
          throw unreadable(field);
        }
        Field element = field.getChildren().get(0);
        yield new ListColumn(of(element));
      }
      case STRUCT -> {
        ArrowColumn[] columns = of(field.getChildren());
        yield new StructColumn(structType(field.getChildren(), columns), columns);
      }
      case MAP -> {
        List<Field> entry = field.getChildren().get(0).getChildren();
        yield new MapColumn(of(entry.get(0)), of(entry.get(1)));
      }
      case NULL -> new NullColumn();
      case OTHER -> throw unreadable(field);
    };
  }

  /**
   * The Spark type of a column the catalog describes (a Glue type, parsed by the driver's one type
   * mapping): the type the same column has when its values are read from Arrow, for every type a
   * catalog can hold. A table read checks the two against each other once the query is planned.
   */
  public static DataType sparkType(SqlType type) throws LakeFormationException {
    return switch (type.kind()) {
      case TINYINT -> DataTypes.ByteType;
      case SMALLINT -> DataTypes.ShortType;
      case INTEGER -> DataTypes.IntegerType;
      case BIGINT -> DataTypes.LongType;
      case HALF_FLOAT, REAL -> DataTypes.FloatType;
      case DOUBLE -> DataTypes.DoubleType;
      case DECIMAL -> type.length() <= DecimalType.MAX_PRECISION() && type.scale() >= 0 && type.scale() <= type.length()
          ? DataTypes.createDecimalType(type.length(), type.scale()) : DataTypes.StringType;
      case BOOLEAN -> DataTypes.BooleanType;
      case CHAR, VARCHAR, TIME -> DataTypes.StringType;
      case BINARY, VARBINARY -> DataTypes.BinaryType;
      case DATE -> DataTypes.DateType;
      case TIMESTAMP -> DataTypes.TimestampNTZType;
      case TIMESTAMP_WITH_TIME_ZONE -> DataTypes.TimestampType;
      case ARRAY -> DataTypes.createArrayType(sparkType(type.children().get(0)), true);
      case MAP -> DataTypes.createMapType(sparkType(type.children().get(0)), sparkType(type.children().get(1)), true);
      case STRUCT -> {
        StructField[] fields = new StructField[type.children().size()];
        for (int i = 0; i < fields.length; i++) {
          fields[i] = DataTypes.createStructField(type.fieldNames().get(i), sparkType(type.children().get(i)), true);
        }
        yield DataTypes.createStructType(fields);
      }
      default -> throw new LakeFormationException(SqlState.FEATURE_NOT_SUPPORTED, "The catalog type " + type
          + " has no Spark type the table option can read: read the table with the query option and cast it.");
    };
  }

  private static LakeFormationException unreadable(Field field) {
    return new LakeFormationException(SqlState.FEATURE_NOT_SUPPORTED, "Column " + field.getName()
        + " has the Arrow type " + field.getType() + ", which the Spark connector cannot read; cast it to another"
        + " type in the query.");
  }
}
