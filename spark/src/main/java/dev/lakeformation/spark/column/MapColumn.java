package dev.lakeformation.spark.column;

import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.vectorized.ColumnarMap;

/**
 * Map columns: an Arrow map is a list of (key, value) structs, so each value is a window on the
 * key and value columns of its entries, read in place.
 */
final class MapColumn extends ArrowColumn {
  private final ArrowColumn keys;
  private final ArrowColumn values;
  private ArrowBuf offsets;

  /** Values may be null whatever the producer declared (see {@link ArrowColumns}); keys never are, in Spark. */
  MapColumn(ArrowColumn keys, ArrowColumn values) {
    super(DataTypes.createMapType(keys.dataType(), values.dataType(), true));
    this.keys = keys;
    this.values = values;
  }

  @Override
  public void bind(FieldVector vector) {
    super.bind(vector);
    offsets = vector.getOffsetBuffer();
    List<FieldVector> entry = ((MapVector) vector).getDataVector().getChildrenFromFields();
    keys.bind(entry.get(0));
    values.bind(entry.get(1));
  }

  @Override
  public ColumnarMap getMap(int rowId) {
    int start = offsets.getInt((long) rowId * 4);
    return new ColumnarMap(keys, values, start, offsets.getInt((long) (rowId + 1) * 4) - start);
  }
}
