package dev.lakeformation.spark.column;

import org.apache.arrow.memory.util.Float16;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.spark.sql.types.DataTypes;

/** Floating point of 16 and 32 bits (FloatType; halves widen exactly) and 64 bits (DoubleType). */
final class FloatingPointColumn extends FixedWidthColumn {
  private final boolean half;

  FloatingPointColumn(FloatingPointPrecision precision) {
    super(precision == FloatingPointPrecision.DOUBLE ? DataTypes.DoubleType : DataTypes.FloatType);
    this.half = precision == FloatingPointPrecision.HALF;
  }

  @Override
  public float getFloat(int rowId) {
    return half ? Float16.toFloat(data.getShort((long) rowId * 2)) : data.getFloat((long) rowId * 4);
  }

  @Override
  public double getDouble(int rowId) {
    return data.getDouble((long) rowId * 8);
  }
}
