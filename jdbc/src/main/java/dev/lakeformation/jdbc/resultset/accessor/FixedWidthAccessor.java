package dev.lakeformation.jdbc.resultset.accessor;

import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.FieldVector;

/**
 * An accessor of a fixed-width type, reading values straight from the address of the vector's
 * data buffer: its length was checked once, when the batch was bound (see {@link #address}), so
 * a value costs one memory read, not the reference-count and bounds checks of Arrow's getters.
 */
abstract class FixedWidthAccessor extends ColumnAccessor {
  /** The address of the current batch's data buffer. */
  protected long data;

  FixedWidthAccessor(String columnName) {
    super(columnName);
  }

  @Override
  public void bind(FieldVector vector) {
    super.bind(vector);
    if (!(vector instanceof BaseFixedWidthVector fixed)) {
      throw new IllegalArgumentException("column " + columnName + " is not a fixed-width vector: "
          + vector.getClass().getSimpleName());
    }
    this.data = address(vector.getDataBuffer(), (long) fixed.getValueCount() * fixed.getTypeWidth(), "data buffer");
  }

  /** The 8-byte value of {@code row}. */
  protected final long longAt(int row) {
    return MemoryUtil.getLong(data + ((long) row << 3));
  }

  /** The 4-byte value of {@code row}. */
  protected final int intAt(int row) {
    return MemoryUtil.getInt(data + ((long) row << 2));
  }

  /** The 2-byte value of {@code row}. */
  protected final short shortAt(int row) {
    return MemoryUtil.getShort(data + ((long) row << 1));
  }

  /** The 1-byte value of {@code row}. */
  protected final byte byteAt(int row) {
    return MemoryUtil.getByte(data + row);
  }
}
