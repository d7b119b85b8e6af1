package dev.lakeformation.jdbc.resultset.accessor;

import java.util.HexFormat;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.LargeVarBinaryVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.ViewVarBinaryVector;

/** Binary, LargeBinary, BinaryView and FixedSizeBinary vectors: byte[], or hex as a string. */
final class BinaryAccessor extends ColumnAccessor {

  BinaryAccessor(String columnName) {
    super(columnName);
  }

  @Override
  public byte[] getBytes(int row) {
    if (vector instanceof VarBinaryVector v) {
      return v.get(row);
    }
    if (vector instanceof LargeVarBinaryVector v) {
      return v.get(row);
    }
    if (vector instanceof ViewVarBinaryVector v) {
      return v.get(row);
    }
    return ((FixedSizeBinaryVector) vector).get(row);
  }

  @Override
  public Object getObject(int row) {
    return getBytes(row);
  }

  @Override
  public String getString(int row) {
    return HexFormat.of().formatHex(getBytes(row));
  }

  @Override
  protected String describe() {
    return "binary";
  }
}
