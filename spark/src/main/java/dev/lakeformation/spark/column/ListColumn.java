package dev.lakeformation.spark.column;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.LargeListVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.vectorized.ColumnarArray;

/**
 * List, LargeList and FixedSizeList columns as Spark arrays: each value is a window (start,
 * length) on the column of elements, itself an {@link ArrowColumn} over the list's child vector,
 * so elements are read in place like top-level values. The query layer has checked that every
 * offset ends inside the child vector.
 */
final class ListColumn extends ArrowColumn {
  private final ArrowColumn elements;
  private ArrowBuf offsets;
  /** 4 or 8 for offset lists, 0 for fixed-size lists. */
  private int offsetWidth;
  private int fixedSize;

  /** Elements may be null whatever the producer declared (see {@link ArrowColumns}). */
  ListColumn(ArrowColumn elements) {
    super(DataTypes.createArrayType(elements.dataType(), true));
    this.elements = elements;
  }

  @Override
  public void bind(FieldVector vector) {
    super.bind(vector);
    if (vector instanceof FixedSizeListVector fixed) {
      offsetWidth = 0;
      fixedSize = fixed.getListSize();
      elements.bind(fixed.getDataVector());
    } else {
      offsetWidth = vector instanceof LargeListVector ? 8 : 4;
      offsets = vector.getOffsetBuffer();
      elements.bind(vector instanceof ListVector list ? list.getDataVector()
          : (FieldVector) ((LargeListVector) vector).getDataVector());
    }
  }

  @Override
  public ColumnarArray getArray(int rowId) {
    return switch (offsetWidth) {
      case 4 -> {
        int start = offsets.getInt((long) rowId * 4);
        yield new ColumnarArray(elements, start, offsets.getInt((long) (rowId + 1) * 4) - start);
      }
      case 8 -> {
        long start = offsets.getLong((long) rowId * 8);
        yield new ColumnarArray(elements, Math.toIntExact(start),
            Math.toIntExact(offsets.getLong((long) (rowId + 1) * 8) - start));
      }
      default -> new ColumnarArray(elements, rowId * fixedSize, fixedSize);
    };
  }
}
