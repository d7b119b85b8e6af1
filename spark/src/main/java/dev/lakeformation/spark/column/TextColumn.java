package dev.lakeformation.spark.column;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseLargeVariableWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.ViewVarCharVector;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Utf8, LargeUtf8 and Utf8View columns as Spark strings.
 *
 * <p>Utf8 and LargeUtf8 values are handed to Spark as a {@link UTF8String} over the vector's own
 * memory, with no copy: the query layer has checked every batch's offsets (never decreasing,
 * ending inside the data buffer) before any read, so each address is inside the buffer. The
 * string lives as long as the batch, which is Spark's contract for column vectors: whatever keeps
 * a value longer (a row, a hash table) copies it.
 *
 * <p>Utf8View values are copied through Arrow's bounds-checked reads: a view names a data buffer
 * and an offset of its own, which the query layer does not check, so they are not read by address.
 */
final class TextColumn extends ArrowColumn {
  private ArrowBuf offsets;
  private long dataAddress;
  /** 4 or 8 for offset vectors, 0 for views. */
  private int offsetWidth;

  TextColumn() {
    super(DataTypes.StringType);
  }

  @Override
  public void bind(FieldVector vector) {
    super.bind(vector);
    offsetWidth = vector instanceof BaseVariableWidthVector ? 4 : vector instanceof BaseLargeVariableWidthVector ? 8 : 0;
    if (offsetWidth > 0) {
      offsets = vector.getOffsetBuffer();
      dataAddress = vector.getDataBuffer().memoryAddress();
    }
  }

  @Override
  public UTF8String getUTF8String(int rowId) {
    long start;
    long end;
    switch (offsetWidth) {
      case 4 -> {
        start = offsets.getInt((long) rowId * 4);
        end = offsets.getInt((long) (rowId + 1) * 4);
      }
      case 8 -> {
        start = offsets.getLong((long) rowId * 8);
        end = offsets.getLong((long) (rowId + 1) * 8);
      }
      default -> {
        return UTF8String.fromBytes(((ViewVarCharVector) vector).get(rowId));
      }
    }
    return UTF8String.fromAddress(null, dataAddress + start, (int) (end - start));
  }
}
