package dev.lakeformation.jdbc.resultset;

import java.sql.Types;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * How an Arrow type appears to JDBC: the {@link Types} code, the type name, precision, scale,
 * display size and Java class. The single mapping shared by ResultSetMetaData, the accessors'
 * arrays and DatabaseMetaData.
 *
 * @param jdbcType the java.sql.Types code
 * @param typeName the SQL type name shown to tools
 * @param precision digits for numbers, characters for text and times (0 when unbounded)
 * @param scale digits after the point (decimals) or fractional-second digits (times)
 * @param displaySize the most characters the value's text can take
 * @param className the class {@code getObject} returns
 * @param signed whether the values can be negative
 */
public record JdbcColumnType(int jdbcType, String typeName, int precision, int scale, int displaySize,
    String className, boolean signed) {

  private static final int UNBOUNDED = Integer.MAX_VALUE;

  public static JdbcColumnType of(Field field) {
    return of(field.getType(), field);
  }

  private static JdbcColumnType of(ArrowType type, Field field) {
    return switch (type.getTypeID()) {
      case Int -> {
        ArrowType.Int i = (ArrowType.Int) type;
        if (!i.getIsSigned()) {
          yield switch (i.getBitWidth()) {
            case 8 -> new JdbcColumnType(Types.SMALLINT, "UTINYINT", 3, 0, 3, "java.lang.Integer", false);
            case 16 -> new JdbcColumnType(Types.INTEGER, "USMALLINT", 5, 0, 5, "java.lang.Integer", false);
            case 32 -> new JdbcColumnType(Types.BIGINT, "UINTEGER", 10, 0, 10, "java.lang.Long", false);
            default -> new JdbcColumnType(Types.DECIMAL, "UBIGINT", 20, 0, 20, "java.math.BigDecimal", false);
          };
        }
        yield switch (i.getBitWidth()) {
          case 8 -> new JdbcColumnType(Types.TINYINT, "TINYINT", 3, 0, 4, "java.lang.Integer", true);
          case 16 -> new JdbcColumnType(Types.SMALLINT, "SMALLINT", 5, 0, 6, "java.lang.Integer", true);
          case 32 -> new JdbcColumnType(Types.INTEGER, "INTEGER", 10, 0, 11, "java.lang.Integer", true);
          default -> new JdbcColumnType(Types.BIGINT, "BIGINT", 19, 0, 20, "java.lang.Long", true);
        };
      }
      case FloatingPoint -> ((ArrowType.FloatingPoint) type).getPrecision() == FloatingPointPrecision.DOUBLE
          ? new JdbcColumnType(Types.DOUBLE, "DOUBLE", 17, 0, 25, "java.lang.Double", true)
          : ((ArrowType.FloatingPoint) type).getPrecision() == FloatingPointPrecision.SINGLE
              ? new JdbcColumnType(Types.REAL, "REAL", 7, 0, 15, "java.lang.Float", true)
              : new JdbcColumnType(Types.REAL, "HALF FLOAT", 3, 0, 10, "java.lang.Float", true);
      case Decimal -> {
        ArrowType.Decimal d = (ArrowType.Decimal) type;
        int display = d.getPrecision() + (d.getScale() > 0 ? 2 : 1);
        yield new JdbcColumnType(Types.DECIMAL, "DECIMAL", d.getPrecision(), d.getScale(), display,
            "java.math.BigDecimal", true);
      }
      case Bool -> new JdbcColumnType(Types.BOOLEAN, "BOOLEAN", 1, 0, 5, "java.lang.Boolean", false);
      case Utf8, LargeUtf8, Utf8View -> new JdbcColumnType(Types.VARCHAR, "VARCHAR", UNBOUNDED, 0, UNBOUNDED,
          "java.lang.String", false);
      case Binary, LargeBinary, BinaryView -> new JdbcColumnType(Types.VARBINARY, "VARBINARY", UNBOUNDED, 0,
          UNBOUNDED, "[B", false);
      case FixedSizeBinary -> {
        int width = ((ArrowType.FixedSizeBinary) type).getByteWidth();
        yield new JdbcColumnType(Types.BINARY, "BINARY", width, 0, width * 2, "[B", false);
      }
      case Date -> new JdbcColumnType(Types.DATE, "DATE", 10, 0, 10, "java.sql.Date", false);
      case Time -> {
        int digits = fractionDigits(((ArrowType.Time) type).getUnit());
        yield new JdbcColumnType(Types.TIME, "TIME", 8 + (digits > 0 ? digits + 1 : 0), digits,
            8 + (digits > 0 ? digits + 1 : 0), "java.sql.Time", false);
      }
      case Timestamp -> {
        ArrowType.Timestamp t = (ArrowType.Timestamp) type;
        int digits = fractionDigits(t.getUnit());
        int size = 19 + (digits > 0 ? digits + 1 : 0);
        yield t.getTimezone() == null
            ? new JdbcColumnType(Types.TIMESTAMP, "TIMESTAMP", size, digits, size, "java.sql.Timestamp", false)
            : new JdbcColumnType(Types.TIMESTAMP_WITH_TIMEZONE, "TIMESTAMP WITH TIME ZONE", size + 6, digits,
                size + 6, "java.time.OffsetDateTime", false);
      }
      case Duration -> new JdbcColumnType(Types.OTHER, "INTERVAL DAY TO SECOND", 0, 0, 64, "java.time.Duration", true);
      case Interval -> new JdbcColumnType(Types.OTHER, "INTERVAL", 0, 0, 64, "java.lang.Object", true);
      case List, LargeList, FixedSizeList, ListView, LargeListView -> new JdbcColumnType(Types.ARRAY,
          "ARRAY<" + elementTypeName(field) + ">", 0, 0, UNBOUNDED, "java.sql.Array", false);
      case Struct -> new JdbcColumnType(Types.STRUCT, "STRUCT", 0, 0, UNBOUNDED, "java.util.Map", false);
      case Map -> new JdbcColumnType(Types.OTHER, "MAP", 0, 0, UNBOUNDED, "java.util.Map", false);
      case Null -> new JdbcColumnType(Types.NULL, "NULL", 0, 0, 4, "java.lang.Object", false);
      default -> new JdbcColumnType(Types.OTHER, type.getTypeID().name().toUpperCase(java.util.Locale.ROOT), 0, 0,
          UNBOUNDED, "java.lang.Object", false);
    };
  }

  /** The type name of a list's elements (for Array.getBaseTypeName and ARRAY<…> names). */
  public static String elementTypeName(Field listField) {
    return listField == null || listField.getChildren().isEmpty() ? "UNKNOWN"
        : of(listField.getChildren().get(0)).typeName();
  }

  private static int fractionDigits(org.apache.arrow.vector.types.TimeUnit unit) {
    return switch (unit) {
      case SECOND -> 0;
      case MILLISECOND -> 3;
      case MICROSECOND -> 6;
      case NANOSECOND -> 9;
    };
  }
}
