package dev.lakeformation.spark.column;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.spark.sql.types.DataType;

/** A column whose values sit side by side in one data buffer; subclasses read it at their width. */
abstract class FixedWidthColumn extends ArrowColumn {
  protected ArrowBuf data;

  FixedWidthColumn(DataType type) {
    super(type);
  }

  @Override
  public void bind(FieldVector vector) {
    super.bind(vector);
    data = vector.getDataBuffer();
  }
}
