package dev.lakeformation.spark.column;

import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.vectorized.ColumnVector;

/** Struct columns: Spark reads a struct value through its children, one {@link ArrowColumn} per field. */
final class StructColumn extends ArrowColumn {
  private final ArrowColumn[] fields;

  StructColumn(DataType type, ArrowColumn[] fields) {
    super(type);
    this.fields = fields;
  }

  @Override
  public void bind(FieldVector vector) {
    super.bind(vector);
    List<FieldVector> children = vector.getChildrenFromFields();
    for (int i = 0; i < fields.length; i++) {
      fields[i].bind(children.get(i));
    }
  }

  @Override
  public ColumnVector getChild(int ordinal) {
    return fields[ordinal];
  }
}
