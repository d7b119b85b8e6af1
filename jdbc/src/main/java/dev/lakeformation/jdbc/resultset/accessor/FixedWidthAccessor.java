package dev.lakeformation.jdbc.resultset.accessor;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;

/** An accessor of a fixed-width type, reading values straight from the vector's data buffer. */
abstract class FixedWidthAccessor extends ColumnAccessor {
  /** The data buffer of the current batch's vector. */
  protected ArrowBuf data;

  FixedWidthAccessor(String columnName) {
    super(columnName);
  }

  @Override
  public void bind(FieldVector vector) {
    super.bind(vector);
    this.data = vector.getDataBuffer();
  }
}
