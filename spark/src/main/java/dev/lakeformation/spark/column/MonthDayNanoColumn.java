package dev.lakeformation.spark.column;

import org.apache.arrow.vector.FieldVector;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.vectorized.ColumnVector;

/**
 * Interval(MONTH_DAY_NANO) columns (4 bytes of months, 4 of days, 8 of nanoseconds), which only
 * Spark's CalendarIntervalType holds side by side. Spark reads such a value through three child
 * columns (months, days, microseconds); here they are views on the same 16-byte values, with
 * nanoseconds floored to microseconds. (Spark 3.5 does not let a column read intervals otherwise.)
 */
final class MonthDayNanoColumn extends ArrowColumn {
  private final Part[] parts = {new Part(DataTypes.IntegerType, 0), new Part(DataTypes.IntegerType, 4),
      new Part(DataTypes.LongType, 8)};

  MonthDayNanoColumn() {
    super(DataTypes.CalendarIntervalType);
  }

  @Override
  public void bind(FieldVector vector) {
    super.bind(vector);
    for (Part part : parts) {
      part.bind(vector);
    }
  }

  @Override
  public ColumnVector getChild(int ordinal) {
    return parts[ordinal];
  }

  /** One of the three fields of each 16-byte value. */
  private static final class Part extends FixedWidthColumn {
    private final int offset;

    Part(DataType type, int offset) {
      super(type);
      this.offset = offset;
    }

    @Override
    public int getInt(int rowId) {
      return data.getInt((long) rowId * 16 + offset);
    }

    @Override
    public long getLong(int rowId) {
      return Math.floorDiv(data.getLong((long) rowId * 16 + offset), 1_000L);
    }
  }
}
