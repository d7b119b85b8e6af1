package dev.lakeformation.jdbc.resultset.accessor;

import dev.lakeformation.core.types.ArrowFieldTypes;
import dev.lakeformation.core.types.SqlType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/** Chooses the accessor of a column, once, from its Arrow field. */
public final class Accessors {
  private Accessors() {}

  public static ColumnAccessor forField(Field field) {
    String name = field.getName();
    ArrowType type = field.getType();
    return switch (type.getTypeID()) {
      case Int -> ((ArrowType.Int) type).getIsSigned()
          ? new IntegerAccessor(name, ((ArrowType.Int) type).getBitWidth())
          : new UnsignedAccessor(name, ((ArrowType.Int) type).getBitWidth());
      case FloatingPoint -> new FloatingPointAccessor(name, switch (((ArrowType.FloatingPoint) type).getPrecision()) {
        case HALF -> 2;
        case SINGLE -> 4;
        case DOUBLE -> 8;
      });
      case Decimal -> new DecimalAccessor(name);
      case Bool -> new BooleanAccessor(name);
      case Utf8, LargeUtf8, Utf8View -> new TextAccessor(name);
      case Binary, LargeBinary, BinaryView, FixedSizeBinary -> new BinaryAccessor(name);
      case Date -> new DateAccessor(name);
      case Time -> new TimeAccessor(name, (ArrowType.Time) type);
      case Timestamp -> new TimestampAccessor(name, (ArrowType.Timestamp) type);
      case Duration -> new DurationAccessor(name, (ArrowType.Duration) type);
      case List, LargeList, FixedSizeList -> {
        Field element = field.getChildren().get(0);
        SqlType elementType = ArrowFieldTypes.of(element);
        yield new ListAccessor(name, forField(element), elementType.typeName(), elementType.jdbcType());
      }
      case Struct -> {
        List<String> names = new ArrayList<>();
        List<ColumnAccessor> children = new ArrayList<>();
        for (Field child : field.getChildren()) {
          names.add(child.getName());
          children.add(forField(child));
        }
        yield new StructAccessor(name, ArrowFieldTypes.of(field).typeName(), names, children);
      }
      case Map -> {
        List<Field> entry = field.getChildren().get(0).getChildren();
        yield new MapAccessor(name, forField(entry.get(0)), forField(entry.get(1)));
      }
      case Union -> {
        List<ColumnAccessor> members = new ArrayList<>();
        for (Field member : field.getChildren()) {
          members.add(forField(member));
        }
        yield new UnionAccessor(name, (ArrowType.Union) type, members);
      }
      case Null -> new NullAccessor(name);
      default -> new GenericAccessor(name);
    };
  }
}
