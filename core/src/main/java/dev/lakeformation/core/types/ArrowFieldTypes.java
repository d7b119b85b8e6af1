package dev.lakeformation.core.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * The SQL type of an Arrow field. An Arrow string has no declared length, so a text column is
 * VARCHAR without a limit, unless the producer declared the column's SQL type in the field's
 * metadata with the keys Arrow Flight SQL defines for result columns
 * ({@value #TYPE_NAME} = {@code CHAR} or {@code VARCHAR}, {@value #PRECISION} = its length), as
 * LakeFormation Local does. Everything else comes from the Arrow type itself.
 */
public final class ArrowFieldTypes {
  /** Flight SQL's column-metadata key for the column's SQL type name. */
  public static final String TYPE_NAME = "ARROW:FLIGHT:SQL:TYPE_NAME";
  /** Flight SQL's column-metadata key for the column's precision (a text column's length). */
  public static final String PRECISION = "ARROW:FLIGHT:SQL:PRECISION";

  /** Interval names whose values have a java.time class (see {@link SqlType#className()}). */
  static final String YEAR_TO_MONTH = "INTERVAL YEAR TO MONTH";
  static final String DAY_TO_SECOND = "INTERVAL DAY TO SECOND";

  private ArrowFieldTypes() {}

  /**
   * The time zone a timestamp type names, or null for a timestamp without one: Schema.fbs reads
   * an empty zone as no zone, as it reads an absent one (Arrow Java writes "" where it is given it).
   */
  public static String timeZone(ArrowType.Timestamp type) {
    String zone = type.getTimezone();
    return zone == null || zone.isEmpty() ? null : zone;
  }

  public static SqlType of(Field field) {
    ArrowType type = field.getType();
    return switch (type.getTypeID()) {
      case Int -> integer((ArrowType.Int) type);
      case FloatingPoint -> switch (((ArrowType.FloatingPoint) type).getPrecision()) {
        case DOUBLE -> SqlType.of(SqlKind.DOUBLE);
        case SINGLE -> SqlType.of(SqlKind.REAL);
        case HALF -> SqlType.of(SqlKind.HALF_FLOAT);
      };
      case Decimal -> SqlType.decimal(((ArrowType.Decimal) type).getPrecision(), ((ArrowType.Decimal) type).getScale());
      case Bool -> SqlType.of(SqlKind.BOOLEAN);
      case Utf8, LargeUtf8, Utf8View -> declaredText(field.getMetadata());
      case Binary, LargeBinary, BinaryView -> SqlType.sized(SqlKind.VARBINARY, SqlType.UNBOUNDED);
      case FixedSizeBinary -> SqlType.sized(SqlKind.BINARY, ((ArrowType.FixedSizeBinary) type).getByteWidth());
      case Date -> SqlType.of(SqlKind.DATE);
      case Time -> SqlType.temporal(SqlKind.TIME, fractionDigits(((ArrowType.Time) type).getUnit()));
      case Timestamp -> {
        ArrowType.Timestamp t = (ArrowType.Timestamp) type;
        yield SqlType.temporal(timeZone(t) == null ? SqlKind.TIMESTAMP : SqlKind.TIMESTAMP_WITH_TIME_ZONE,
            fractionDigits(t.getUnit()));
      }
      case Duration -> SqlType.of(SqlKind.INTERVAL_DAY_TO_SECOND);
      case Interval -> switch (((ArrowType.Interval) type).getUnit()) {
        case YEAR_MONTH -> SqlType.named(SqlKind.INTERVAL, YEAR_TO_MONTH);
        case DAY_TIME -> SqlType.named(SqlKind.INTERVAL, DAY_TO_SECOND);
        case MONTH_DAY_NANO -> SqlType.named(SqlKind.INTERVAL, "INTERVAL");
      };
      case List, LargeList, FixedSizeList, ListView, LargeListView -> SqlType.array(child(field, 0));
      case Map -> {
        Field entries = field.getChildren().get(0);
        yield SqlType.map(of(entries.getChildren().get(0)), of(entries.getChildren().get(1)));
      }
      case Struct -> {
        List<String> names = new ArrayList<>();
        List<SqlType> types = new ArrayList<>();
        for (Field child : field.getChildren()) {
          names.add(child.getName());
          types.add(of(child));
        }
        yield SqlType.struct(names, types);
      }
      case Null -> SqlType.of(SqlKind.NULL);
      default -> SqlType.named(SqlKind.OTHER, type.getTypeID().name());
    };
  }

  private static SqlType integer(ArrowType.Int type) {
    if (type.getIsSigned()) {
      return SqlType.of(switch (type.getBitWidth()) {
        case 8 -> SqlKind.TINYINT;
        case 16 -> SqlKind.SMALLINT;
        case 32 -> SqlKind.INTEGER;
        default -> SqlKind.BIGINT;
      });
    }
    return SqlType.of(switch (type.getBitWidth()) {
      case 8 -> SqlKind.UTINYINT;
      case 16 -> SqlKind.USMALLINT;
      case 32 -> SqlKind.UINTEGER;
      default -> SqlKind.UBIGINT;
    });
  }

  private static SqlType declaredText(Map<String, String> metadata) {
    String name = metadata == null ? null : metadata.get(TYPE_NAME);
    String precision = metadata == null ? null : metadata.get(PRECISION);
    if (name != null && precision != null) {
      try {
        int length = Integer.parseInt(precision.strip());
        String declared = name.strip().toUpperCase(Locale.ROOT);
        if (length > 0 && (declared.equals("CHAR") || declared.equals("VARCHAR"))) {
          return SqlType.sized(SqlKind.valueOf(declared), length);
        }
      } catch (NumberFormatException e) {
        // a producer's malformed declaration: the Arrow type alone decides
      }
    }
    return SqlType.sized(SqlKind.VARCHAR, SqlType.UNBOUNDED);
  }

  private static SqlType child(Field field, int index) {
    return field.getChildren().size() > index ? of(field.getChildren().get(index)) : SqlType.named(SqlKind.OTHER,
        "UNKNOWN");
  }

  private static int fractionDigits(TimeUnit unit) {
    return switch (unit) {
      case SECOND -> 0;
      case MILLISECOND -> 3;
      case MICROSECOND -> 6;
      case NANOSECOND -> 9;
    };
  }
}
