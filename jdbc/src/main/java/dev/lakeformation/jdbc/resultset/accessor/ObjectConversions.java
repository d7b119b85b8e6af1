package dev.lakeformation.jdbc.resultset.accessor;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Struct;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * {@code getObject(column, Class)}: the table of which target classes each accessor can give.
 * A native getter is used where one exists; a non-null value never converts to null.
 */
final class ObjectConversions {
  private ObjectConversions() {}

  @SuppressWarnings("unchecked")
  static <T> T convert(ColumnAccessor accessor, int row, Class<T> type) throws SQLException {
    Object value = convertUnchecked(accessor, row, type);
    if (value == null) {
      throw accessor.cannotConvert(type.getName());
    }
    return (T) value;
  }

  private static Object convertUnchecked(ColumnAccessor a, int row, Class<?> type) throws SQLException {
    if (type == Object.class) {
      return a.getObject(row);
    }
    if (type == String.class) {
      return a.getString(row);
    }
    if (type == Long.class || type == long.class) {
      return a.getLong(row);
    }
    if (type == Integer.class || type == int.class) {
      return a.getInt(row);
    }
    if (type == Short.class || type == short.class) {
      return a.getShort(row);
    }
    if (type == Byte.class || type == byte.class) {
      return a.getByte(row);
    }
    if (type == Double.class || type == double.class) {
      return a.getDouble(row);
    }
    if (type == Float.class || type == float.class) {
      return a.getFloat(row);
    }
    if (type == Boolean.class || type == boolean.class) {
      return a.getBoolean(row);
    }
    if (type == BigDecimal.class) {
      return a.getBigDecimal(row);
    }
    if (type == BigInteger.class) {
      return a.getBigInteger(row);
    }
    if (type == byte[].class) {
      return a.getBytes(row);
    }
    if (type == java.sql.Date.class) {
      return a.getDate(row, null);
    }
    if (type == java.sql.Time.class) {
      return a.getTime(row, null);
    }
    if (type == java.sql.Timestamp.class) {
      return a.getTimestamp(row, null);
    }
    if (type == Array.class) {
      return a.getArray(row);
    }
    Object temporal = temporal(a, row, type);
    if (temporal != null) {
      return temporal;
    }
    if (type == List.class && a instanceof ListAccessor list) {
      return list.list(row);
    }
    if (type == Struct.class && a instanceof StructAccessor struct) {
      return new ArrowStruct(struct.typeName(), struct.attributes(row));
    }
    Object value = a.getObject(row);
    return type.isInstance(value) ? value : null;
  }

  private static Object temporal(ColumnAccessor a, int row, Class<?> type) {
    if (a instanceof TimestampAccessor ts) {
      if (type == LocalDateTime.class) {
        return ts.wallClock(row);
      }
      if (type == LocalDate.class) {
        return ts.wallClock(row).toLocalDate();
      }
      if (type == LocalTime.class) {
        return ts.wallClock(row).toLocalTime();
      }
      if (type == Instant.class) {
        return ts.instantInUtc(row);
      }
      if (type == OffsetDateTime.class) {
        return ts.offsetDateTime(row);
      }
      if (type == ZonedDateTime.class) {
        return ts.zonedDateTime(row);
      }
    } else if (a instanceof DateAccessor date) {
      if (type == LocalDate.class) {
        return date.localDate(row);
      }
      if (type == LocalDateTime.class) {
        return date.localDate(row).atStartOfDay();
      }
    } else if (a instanceof TimeAccessor time && type == LocalTime.class) {
      return time.localTime(row);
    }
    return null;
  }

  /** A java.sql.Struct over one struct value's attributes. */
  private record ArrowStruct(String typeName, Object[] attributes) implements Struct {
    @Override
    public String getSQLTypeName() {
      return typeName;
    }

    @Override
    public Object[] getAttributes() {
      return attributes.clone();
    }

    @Override
    public Object[] getAttributes(Map<String, Class<?>> map) {
      return getAttributes();
    }
  }
}
