package dev.lakeformation.jdbc.systemtable;

import java.util.List;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * A column of a table the driver answers itself (system tables, DatabaseMetaData results).
 * Values are held as Java objects of the kind's class until they become Arrow vectors (through
 * {@link InMemoryTable}, or through H2 for system tables), so these results are read by the same
 * accessors as query results.
 */
public record SystemColumn(String name, Kind kind) {
  /** The types such columns have, and the Java class of their values. */
  public enum Kind {
    VARCHAR(String.class), SMALLINT(Integer.class), INTEGER(Integer.class), BIGINT(Long.class),
    DOUBLE(Double.class), BOOLEAN(Boolean.class),
    /** An instant (java.time.Instant), shown in UTC. */
    TIMESTAMP_TZ(java.time.Instant.class),
    /** A list of strings (java.util.List). */
    ARRAY_VARCHAR(List.class);

    final Class<?> javaClass;

    Kind(Class<?> javaClass) {
      this.javaClass = javaClass;
    }
  }

  public static SystemColumn varchar(String name) {
    return new SystemColumn(name, Kind.VARCHAR);
  }

  public static SystemColumn smallint(String name) {
    return new SystemColumn(name, Kind.SMALLINT);
  }

  public static SystemColumn integer(String name) {
    return new SystemColumn(name, Kind.INTEGER);
  }

  public static SystemColumn bigint(String name) {
    return new SystemColumn(name, Kind.BIGINT);
  }

  public static SystemColumn doubleColumn(String name) {
    return new SystemColumn(name, Kind.DOUBLE);
  }

  public static SystemColumn bool(String name) {
    return new SystemColumn(name, Kind.BOOLEAN);
  }

  public static SystemColumn timestamp(String name) {
    return new SystemColumn(name, Kind.TIMESTAMP_TZ);
  }

  public static SystemColumn varcharArray(String name) {
    return new SystemColumn(name, Kind.ARRAY_VARCHAR);
  }

  /** The Arrow field of this column (every one nullable). */
  public Field field() {
    return switch (kind) {
      case VARCHAR -> new Field(name, FieldType.nullable(ArrowType.Utf8.INSTANCE), null);
      case SMALLINT -> new Field(name, FieldType.nullable(new ArrowType.Int(16, true)), null);
      case INTEGER -> new Field(name, FieldType.nullable(new ArrowType.Int(32, true)), null);
      case BIGINT -> new Field(name, FieldType.nullable(new ArrowType.Int(64, true)), null);
      case DOUBLE -> new Field(name, FieldType.nullable(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
          null);
      case BOOLEAN -> new Field(name, FieldType.nullable(ArrowType.Bool.INSTANCE), null);
      case TIMESTAMP_TZ -> new Field(name, FieldType.nullable(new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC")),
          null);
      // "item" names list elements in the driver's other results too (H2's arrays through ArrowMapping).
      case ARRAY_VARCHAR -> new Field(name, FieldType.nullable(ArrowType.List.INSTANCE),
          List.of(new Field("item", FieldType.nullable(ArrowType.Utf8.INSTANCE), null)));
    };
  }
}
