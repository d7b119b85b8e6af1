package dev.lakeformation.jdbc.resultset.accessor;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Locale;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseLargeVariableWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.ViewVarCharVector;

/**
 * Utf8, LargeUtf8 and Utf8View vectors. Strings are decoded from the data buffer through one
 * reusable scratch array: the String itself is the only allocation.
 */
final class TextAccessor extends ColumnAccessor {
  private ArrowBuf offsets;
  private ArrowBuf data;
  private int offsetWidth;
  private byte[] scratch = new byte[256];

  TextAccessor(String columnName) {
    super(columnName);
  }

  @Override
  public void bind(FieldVector vector) {
    super.bind(vector);
    if (vector instanceof BaseVariableWidthVector) {
      offsetWidth = 4;
    } else if (vector instanceof BaseLargeVariableWidthVector) {
      offsetWidth = 8;
    } else {
      offsetWidth = 0; // a view vector: read through its own API
    }
    if (offsetWidth > 0) {
      offsets = vector.getOffsetBuffer();
      data = vector.getDataBuffer();
    }
  }

  @Override
  public String getString(int row) {
    if (offsetWidth == 0) {
      return new String(((ViewVarCharVector) vector).get(row), StandardCharsets.UTF_8);
    }
    long start;
    long end;
    if (offsetWidth == 4) {
      start = offsets.getInt((long) row * 4);
      end = offsets.getInt((long) (row + 1) * 4);
    } else {
      start = offsets.getLong((long) row * 8);
      end = offsets.getLong((long) (row + 1) * 8);
    }
    int length = (int) (end - start);
    if (scratch.length < length) {
      scratch = new byte[Math.max(length, scratch.length * 2)];
    }
    data.getBytes(start, scratch, 0, length);
    return new String(scratch, 0, length, StandardCharsets.UTF_8);
  }

  @Override
  public Object getObject(int row) {
    return getString(row);
  }

  @Override
  public byte[] getBytes(int row) {
    return getString(row).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public boolean getBoolean(int row) throws SQLException {
    String value = getString(row).trim().toLowerCase(Locale.ROOT);
    return switch (value) {
      case "true", "t", "yes", "y", "1" -> true;
      case "false", "f", "no", "n", "0" -> false;
      default -> throw cannotConvert("boolean: '" + value + "' is not a boolean");
    };
  }

  @Override
  public long getLong(int row) throws SQLException {
    String value = getString(row).trim();
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw cannotConvert("long: '" + value + "' is not an integer");
    }
  }

  @Override
  public double getDouble(int row) throws SQLException {
    String value = getString(row).trim();
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw cannotConvert("double: '" + value + "' is not a number");
    }
  }

  @Override
  public BigDecimal getBigDecimal(int row) throws SQLException {
    String value = getString(row).trim();
    try {
      return new BigDecimal(value);
    } catch (NumberFormatException e) {
      throw cannotConvert("BigDecimal: '" + value + "' is not a number");
    }
  }

  @Override
  protected String describe() {
    return "utf8";
  }
}
