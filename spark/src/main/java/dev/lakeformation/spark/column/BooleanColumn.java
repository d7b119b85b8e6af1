package dev.lakeformation.spark.column;

import org.apache.spark.sql.types.DataTypes;

/** Arrow's bit-packed booleans. */
final class BooleanColumn extends FixedWidthColumn {
  BooleanColumn() {
    super(DataTypes.BooleanType);
  }

  @Override
  public boolean getBoolean(int rowId) {
    return (data.getByte(rowId >>> 3) & (1 << (rowId & 7))) != 0;
  }
}
