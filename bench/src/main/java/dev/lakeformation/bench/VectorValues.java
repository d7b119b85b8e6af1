package dev.lakeformation.bench;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Every value of a vector read as an Arrow consumer reads it, straight from the buffers: each
 * fixed-width value as a long (or its low eight bytes), each variable-width value's length and
 * first byte. Folded into a checksum, so that the JIT cannot skip a read.
 */
final class VectorValues {
  private VectorValues() {}

  static long checksum(FieldVector vector, int rows) {
    long sum = 0;
    if (vector instanceof BaseFixedWidthVector fixed) {
      ArrowBuf data = fixed.getDataBuffer();
      int width = fixed.getTypeWidth();
      for (int row = 0; row < rows; row++) {
        if (!fixed.isNull(row)) {
          long at = (long) row * width;
          sum = sum * 31 + switch (width) {
            case 1 -> data.getByte(at);
            case 2 -> data.getShort(at);
            case 4 -> data.getInt(at);
            default -> data.getLong(at);
          };
        }
      }
    } else if (vector instanceof BaseVariableWidthVector variable) {
      ArrowBuf offsets = variable.getOffsetBuffer();
      ArrowBuf data = variable.getDataBuffer();
      for (int row = 0; row < rows; row++) {
        if (!variable.isNull(row)) {
          int start = offsets.getInt((long) row * 4);
          int length = offsets.getInt((long) (row + 1) * 4) - start;
          sum = sum * 31 + length + (length > 0 ? data.getByte(start) : 0);
        }
      }
    } else {
      for (int row = 0; row < rows; row++) {
        sum = sum * 31 + vector.hashCode(row);
      }
    }
    return sum;
  }
}
