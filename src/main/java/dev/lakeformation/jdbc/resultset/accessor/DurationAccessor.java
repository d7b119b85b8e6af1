package dev.lakeformation.jdbc.resultset.accessor;

import java.time.Duration;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;

/** Duration vectors of every unit, read as java.time.Duration. */
final class DurationAccessor extends ColumnAccessor {
  private final long nanosPerUnit;
  private FieldVector vector;
  private ArrowBuf data;

  DurationAccessor(String columnName, ArrowType.Duration type) {
    super(columnName);
    this.nanosPerUnit = Units.nanosPer(type.getUnit());
  }

  @Override
  public void bind(FieldVector vector) {
    this.vector = vector;
    this.data = vector.getDataBuffer();
  }

  @Override
  public boolean isNull(int row) {
    return vector.isNull(row);
  }

  @Override
  public Object getObject(int row) {
    long units = data.getLong((long) row * 8);
    long perSecond = 1_000_000_000L / nanosPerUnit;
    return Duration.ofSeconds(Math.floorDiv(units, perSecond), Math.floorMod(units, perSecond) * nanosPerUnit);
  }

  @Override
  public long getLong(int row) {
    return data.getLong((long) row * 8);
  }

  @Override
  protected String describe() {
    return "duration";
  }
}
