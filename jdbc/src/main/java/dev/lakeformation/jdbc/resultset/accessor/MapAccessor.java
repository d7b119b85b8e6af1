package dev.lakeformation.jdbc.resultset.accessor;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;

/** Map vectors, read as a java.util.Map in entry order (keys and values as JDBC objects). */
final class MapAccessor extends ColumnAccessor {
  private final ColumnAccessor keys;
  private final ColumnAccessor values;
  private MapVector mapVector;

  MapAccessor(String columnName, ColumnAccessor keys, ColumnAccessor values) {
    super(columnName);
    this.keys = keys;
    this.values = values;
  }

  @Override
  public void bind(FieldVector vector) {
    super.bind(vector);
    this.mapVector = (MapVector) vector;
    StructVector entries = (StructVector) mapVector.getDataVector();
    bindChild(keys, (FieldVector) entries.getChildByOrdinal(0), entries.getValueCount());
    bindChild(values, (FieldVector) entries.getChildByOrdinal(1), entries.getValueCount());
  }

  @Override
  public Object getObject(int row) throws SQLException {
    Map<Object, Object> map = new LinkedHashMap<>();
    int end = mapVector.getElementEndIndex(row);
    for (int i = mapVector.getElementStartIndex(row); i < end; i++) {
      map.put(keys.getObject(i), values.isNull(i) ? null : values.getObject(i));
    }
    return map;
  }

  @Override
  public String getString(int row) throws SQLException {
    return String.valueOf(getObject(row));
  }

  @Override
  protected String describe() {
    return "map";
  }
}
