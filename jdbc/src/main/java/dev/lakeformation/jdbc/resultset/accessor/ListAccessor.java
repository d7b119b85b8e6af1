package dev.lakeformation.jdbc.resultset.accessor;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.LargeListVector;
import org.apache.arrow.vector.complex.ListVector;

/**
 * List, LargeList and FixedSizeList vectors. {@code getObject} and {@code getArray} give a
 * java.sql.Array, {@code getObject(i, List.class)} a List; elements are read by the accessor
 * of the element type, so they are the same JDBC objects a top-level column would give.
 */
final class ListAccessor extends ColumnAccessor {
  private final ColumnAccessor elements;
  private final String elementTypeName;
  private final int elementJdbcType;

  ListAccessor(String columnName, ColumnAccessor elements, String elementTypeName, int elementJdbcType) {
    super(columnName);
    this.elements = elements;
    this.elementTypeName = elementTypeName;
    this.elementJdbcType = elementJdbcType;
  }

  @Override
  public void bind(FieldVector vector) {
    super.bind(vector);
    elements.bind(vector.getChildrenFromFields().get(0));
  }

  List<Object> list(int row) throws SQLException {
    long start;
    long end;
    if (vector instanceof ListVector v) {
      start = v.getElementStartIndex(row);
      end = v.getElementEndIndex(row);
    } else if (vector instanceof LargeListVector v) {
      start = v.getElementStartIndex(row);
      end = v.getElementEndIndex(row);
    } else {
      int size = ((FixedSizeListVector) vector).getListSize();
      start = (long) row * size;
      end = start + size;
    }
    List<Object> values = new ArrayList<>((int) (end - start));
    for (long i = start; i < end; i++) {
      values.add(elements.isNull((int) i) ? null : elements.getObject((int) i));
    }
    return values;
  }

  @Override
  public Array getArray(int row) throws SQLException {
    return new ArrowArray(list(row).toArray(), elementTypeName, elementJdbcType);
  }

  @Override
  public Object getObject(int row) throws SQLException {
    return getArray(row);
  }

  @Override
  public String getString(int row) throws SQLException {
    return String.valueOf(list(row));
  }

  @Override
  protected String describe() {
    return "array<" + elementTypeName + ">";
  }
}
