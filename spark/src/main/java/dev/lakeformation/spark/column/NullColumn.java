package dev.lakeformation.spark.column;

import org.apache.spark.sql.types.DataTypes;

/** Columns of Arrow's Null type, which has no buffers: every value is null. */
final class NullColumn extends ArrowColumn {
  NullColumn() {
    super(DataTypes.NullType);
  }

  @Override
  public boolean isNullAt(int rowId) {
    return true;
  }

  @Override
  public int numNulls() {
    return vector.getValueCount();
  }
}
