package dev.lakeformation.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * JDBC values as JSON: numbers as numbers (decimals exactly, never in exponent form; NaN and
 * the infinities, which JSON cannot hold, as the strings "NaN", "Infinity" and "-Infinity"),
 * booleans as booleans, binary as base64, dates and times as ISO-8601 strings, lists
 * (java.sql.Array) as arrays, structs and maps as objects (a map's keys as their text).
 */
final class JsonValues {
  static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      // Characters beyond the BMP (emoji) as their UTF-8 bytes, like every other character.
      .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();

  private JsonValues() {}

  /**
   * Column {@code column}'s value: for dates and times the java.time object, which keeps the
   * full precision (java.sql.Time stops at milliseconds); otherwise {@code getObject}'s.
   */
  static Object read(ResultSet rs, int column, int jdbcType) throws SQLException {
    return switch (jdbcType) {
      case Types.DATE -> rs.getObject(column, LocalDate.class);
      case Types.TIME -> rs.getObject(column, LocalTime.class);
      case Types.TIMESTAMP -> rs.getObject(column, LocalDateTime.class);
      case Types.TIMESTAMP_WITH_TIMEZONE -> rs.getObject(column, OffsetDateTime.class);
      default -> rs.getObject(column);
    };
  }

  /** Whether {@code value} is a list, struct or map: text formats write those as JSON. */
  static boolean isNested(Object value) {
    return value instanceof Array || value instanceof Map;
  }

  /** {@code value} as JSON text. */
  static String text(Object value) throws SQLException {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(text)) {
      write(json, value);
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to memory failed", e);
    }
    return text.toString();
  }

  static void write(JsonGenerator json, Object value) throws IOException, SQLException {
    if (value == null) {
      json.writeNull();
    } else if (value instanceof Boolean b) {
      json.writeBoolean(b);
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      json.writeNumber(((Number) value).longValue());
    } else if (value instanceof BigDecimal d) {
      json.writeNumber(d);
    } else if (value instanceof BigInteger i) {
      json.writeNumber(i);
    } else if (value instanceof Double d) {
      if (Double.isFinite(d)) {
        json.writeNumber(d);
      } else {
        json.writeString(d.toString());
      }
    } else if (value instanceof Float f) {
      if (Float.isFinite(f)) {
        json.writeNumber(f);
      } else {
        json.writeString(f.toString());
      }
    } else if (value instanceof byte[] bytes) {
      json.writeBinary(bytes);
    } else if (value instanceof Array array) {
      json.writeStartArray();
      for (Object element : (Object[]) array.getArray()) {
        write(json, element);
      }
      json.writeEndArray();
    } else if (value instanceof Map<?, ?> map) {
      json.writeStartObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        json.writeFieldName(String.valueOf(timeOrSelf(entry.getKey())));
        write(json, entry.getValue());
      }
      json.writeEndObject();
    } else {
      json.writeString(String.valueOf(timeOrSelf(value)));
    }
  }

  /**
   * Dates and times as ISO-8601 text (seconds always written, fractions as far as they go);
   * anything else unchanged. Values inside lists and structs arrive as java.sql classes.
   */
  private static Object timeOrSelf(Object value) {
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate().toString();
    } else if (value instanceof Time t) {
      return t.toLocalTime().format(DateTimeFormatter.ISO_LOCAL_TIME);
    } else if (value instanceof Timestamp t) {
      return t.toLocalDateTime().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    } else if (value instanceof LocalTime t) {
      return t.format(DateTimeFormatter.ISO_LOCAL_TIME);
    } else if (value instanceof LocalDateTime t) {
      return t.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    } else if (value instanceof OffsetDateTime t) {
      return t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
    return value; // LocalDate, Duration and Period print as ISO-8601 already
  }
}
