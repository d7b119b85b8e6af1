package dev.lakeformation.jdbc.resultset.accessor;

import java.time.Duration;
import org.apache.arrow.vector.types.pojo.ArrowType;

/** Duration vectors of every unit, read as java.time.Duration. */
final class DurationAccessor extends FixedWidthAccessor {
  private final long nanosPerUnit;

  DurationAccessor(String columnName, ArrowType.Duration type) {
    super(columnName);
    this.nanosPerUnit = Units.nanosPer(type.getUnit());
  }

  @Override
  public Object getObject(int row) {
    long units = longAt(row);
    long perSecond = 1_000_000_000L / nanosPerUnit;
    return Duration.ofSeconds(Math.floorDiv(units, perSecond), Math.floorMod(units, perSecond) * nanosPerUnit);
  }

  @Override
  protected String describe() {
    return "duration";
  }
}
