package dev.lakeformation.core.h2;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;

/** Writers for numbers, booleans, text and bytes. */
final class ScalarWriters {
  private ScalarWriters() {}

  static ValueWriter int8() {
    return (rs, c, v, i) -> {
      int value = rs.getInt(c);
      if (rs.wasNull()) {
        v.setNull(i);
      } else {
        ((TinyIntVector) v).setSafe(i, value);
      }
    };
  }

  static ValueWriter int16() {
    return (rs, c, v, i) -> {
      int value = rs.getInt(c);
      if (rs.wasNull()) {
        v.setNull(i);
      } else {
        ((SmallIntVector) v).setSafe(i, value);
      }
    };
  }

  static ValueWriter int32() {
    return (rs, c, v, i) -> {
      int value = rs.getInt(c);
      if (rs.wasNull()) {
        v.setNull(i);
      } else {
        ((IntVector) v).setSafe(i, value);
      }
    };
  }

  static ValueWriter int64() {
    return (rs, c, v, i) -> {
      long value = rs.getLong(c);
      if (rs.wasNull()) {
        v.setNull(i);
      } else {
        ((BigIntVector) v).setSafe(i, value);
      }
    };
  }

  static ValueWriter float32() {
    return (rs, c, v, i) -> {
      float value = rs.getFloat(c);
      if (rs.wasNull()) {
        v.setNull(i);
      } else {
        ((Float4Vector) v).setSafe(i, value);
      }
    };
  }

  static ValueWriter float64() {
    return (rs, c, v, i) -> {
      double value = rs.getDouble(c);
      if (rs.wasNull()) {
        v.setNull(i);
      } else {
        ((Float8Vector) v).setSafe(i, value);
      }
    };
  }

  /**
   * DECFLOAT sent as DOUBLE, rounded to the nearest double. Read as text because H2 hands out
   * Infinity and NaN only that way; a finite value beyond DOUBLE's range fails, naming {@code column}.
   */
  static ValueWriter decfloatAsDouble(String column) {
    return (rs, c, v, i) -> {
      String text = rs.getString(c);
      if (text == null) {
        v.setNull(i);
        return;
      }
      double value = switch (text) {
        case "Infinity" -> Double.POSITIVE_INFINITY;
        case "-Infinity" -> Double.NEGATIVE_INFINITY;
        case "NaN" -> Double.NaN;
        default -> {
          double d = new BigDecimal(text).doubleValue();
          if (Double.isInfinite(d)) {
            throw new SQLException("The DECFLOAT value " + text + " of column " + column
                + " is beyond the range of DOUBLE, the type DECFLOAT values are returned as.", "22003");
          }
          yield d;
        }
      };
      ((Float8Vector) v).setSafe(i, value);
    };
  }

  static ValueWriter decimal(DecimalShape shape, String column) {
    return (rs, c, v, i) -> {
      BigDecimal value = rs.getBigDecimal(c);
      if (value == null) {
        v.setNull(i);
      } else {
        ((DecimalVector) v).setSafe(i, shape.fit(value, column));
      }
    };
  }

  static ValueWriter bool() {
    return (rs, c, v, i) -> {
      boolean value = rs.getBoolean(c);
      if (rs.wasNull()) {
        v.setNull(i);
      } else {
        ((BitVector) v).setSafe(i, value ? 1 : 0);
      }
    };
  }

  /** Any type whose text H2 gives in the form Athena shows it: strings, ENUM, UUID, JSON, GEOMETRY. */
  static ValueWriter text() {
    return (rs, c, v, i) -> {
      String value = rs.getString(c);
      if (value == null) {
        v.setNull(i);
      } else {
        ((VarCharVector) v).setSafe(i, value.getBytes(StandardCharsets.UTF_8));
      }
    };
  }

  static ValueWriter binary() {
    return (rs, c, v, i) -> {
      byte[] value = rs.getBytes(c);
      if (value == null) {
        v.setNull(i);
      } else {
        ((VarBinaryVector) v).setSafe(i, value);
      }
    };
  }

  /** The Arrow Null type holds no values, only its length, which is set when the batch is complete. */
  static ValueWriter nothing() {
    return (rs, c, v, i) -> {};
  }
}
