package dev.lakeformation.core.h2;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;

/** Writers for ARRAY (an Arrow List) and ROW (an Arrow Struct), built from their parts' writers. */
final class NestedWriters {
  /** JDBC gives an array's elements as a result set whose column 1 is the index, 2 the value. */
  private static final int ARRAY_VALUE_COLUMN = 2;

  private NestedWriters() {}

  static ValueWriter list(ValueWriter element) {
    return (rs, c, v, i) -> {
      Array array = rs.getArray(c);
      ListVector list = (ListVector) v;
      if (array == null) {
        list.setNull(i);
        return;
      }
      try (ResultSet elements = array.getResultSet()) {
        FieldVector values = list.getDataVector();
        int offset = list.startNewValue(i);
        int count = 0;
        while (elements.next()) {
          element.write(elements, ARRAY_VALUE_COLUMN, values, offset + count);
          count++;
        }
        list.endValue(i, count);
      } finally {
        array.free();
      }
    };
  }

  /** H2 hands a ROW value out as a one-row result set with one column per field, in order. */
  static ValueWriter struct(List<ValueWriter> fields, String column) {
    return (rs, c, v, i) -> {
      Object value = rs.getObject(c);
      StructVector struct = (StructVector) v;
      if (value == null) {
        struct.setNull(i);
        return;
      }
      try (ResultSet row = (ResultSet) value) {
        if (!row.next()) {
          throw new SQLException("H2 gave a ROW value without fields for column " + column);
        }
        for (int f = 0; f < fields.size(); f++) {
          fields.get(f).write(row, f + 1, (FieldVector) struct.getChildByOrdinal(f), i);
        }
        struct.setIndexDefined(i);
      }
    };
  }
}
