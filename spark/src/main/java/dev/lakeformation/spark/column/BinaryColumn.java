package dev.lakeformation.spark.column;

import org.apache.spark.sql.types.DataTypes;

/**
 * Binary, LargeBinary, BinaryView and FixedSizeBinary columns. Spark's {@code getBinary} returns
 * a byte array of its own, so each value is copied; every one of these vectors' {@code getObject}
 * makes that copy with bounds-checked reads.
 */
final class BinaryColumn extends ArrowColumn {
  BinaryColumn() {
    super(DataTypes.BinaryType);
  }

  @Override
  public byte[] getBinary(int rowId) {
    return (byte[]) vector.getObject(rowId);
  }
}
