package dev.lakeformation.jdbc.resultset.accessor;

import dev.lakeformation.core.types.ArrowFieldTypes;
import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Calendar;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * Timestamp vectors of every unit, with and without a time zone.
 *
 * <p>Without a zone the value is a wall-clock time (Arrow encodes it as if in UTC): it reads as
 * that same wall-clock time whatever the JVM's zone, and {@code getTimestamp(i, cal)} places it
 * in the calendar's zone. With a zone the value is an instant: {@code getObject} gives an
 * OffsetDateTime in the column's zone, and every conversion keeps the instant exactly.
 */
final class TimestampAccessor extends FixedWidthAccessor {
  private final ArrowType.Timestamp type;
  private final long nanosPerUnit;
  private final ZoneId zone;
  /**
   * The JVM's zone, read once per batch: getDate and getTime without a Calendar give a zoned
   * value's day and time in it (asking for it per value clones a TimeZone).
   */
  private ZoneId defaultZone;

  TimestampAccessor(String columnName, ArrowType.Timestamp type) {
    super(columnName);
    this.type = type;
    this.nanosPerUnit = Units.nanosPer(type.getUnit());
    String zoneName = ArrowFieldTypes.timeZone(type);
    this.zone = zoneName == null ? null : ZoneId.of(zoneName);
  }

  @Override
  public void bind(FieldVector vector) {
    super.bind(vector);
    this.defaultZone = ZoneId.systemDefault();
  }

  /**
   * The value as seconds and nanoseconds since the epoch: the instant, or a zone-less value's wall
   * clock taken at UTC, as Arrow encodes it (what getObject(i, Instant.class) gives for it).
   */
  Instant instantInUtc(int row) {
    long units = longAt(row);
    long perSecond = 1_000_000_000L / nanosPerUnit;
    long seconds = Math.floorDiv(units, perSecond);
    long nanos = Math.floorMod(units, perSecond) * nanosPerUnit;
    return Instant.ofEpochSecond(seconds, nanos);
  }

  LocalDateTime wallClock(int row) {
    Instant instant = instantInUtc(row);
    return zone == null ? LocalDateTime.ofInstant(instant, ZoneOffset.UTC) : LocalDateTime.ofInstant(instant, zone);
  }

  OffsetDateTime offsetDateTime(int row) {
    return zone == null ? wallClock(row).atOffset(ZoneOffset.UTC) : instantInUtc(row).atZone(zone).toOffsetDateTime();
  }

  ZonedDateTime zonedDateTime(int row) {
    return zone == null ? wallClock(row).atZone(ZoneOffset.UTC) : instantInUtc(row).atZone(zone);
  }

  @Override
  public Object getObject(int row) {
    return zone == null ? getTimestamp(row, null) : offsetDateTime(row);
  }

  @Override
  public String getString(int row) {
    LocalDateTime time = wallClock(row);
    StringBuilder out = new StringBuilder(32).append(time.toLocalDate()).append(' ')
        .append(Units.formatTime(time.toLocalTime()));
    if (zone != null) {
      ZoneOffset offset = zone.getRules().getOffset(instantInUtc(row));
      out.append(offset.getTotalSeconds() == 0 ? "Z" : offset.getId());
    }
    return out.toString();
  }

  @Override
  public Timestamp getTimestamp(int row, Calendar calendar) {
    return build(row, calendar);
  }

  private Timestamp build(int row, Calendar calendar) {
    if (zone != null) {
      return Timestamp.from(instantInUtc(row));
    }
    if (calendar == null) {
      return Timestamp.valueOf(wallClock(row)); // JDBC's own conversion: the wall clock in the JVM's zone
    }
    return SqlDateTimes.timestamp(wallClock(row), calendar.getTimeZone().toZoneId());
  }

  /** The day of the wall clock, or of the instant in the reader's zone. */
  @Override
  public Date getDate(int row, Calendar calendar) {
    ZoneId target = calendar == null ? defaultZone : calendar.getTimeZone().toZoneId();
    var day = zone == null ? wallClock(row).toLocalDate() : instantInUtc(row).atZone(target).toLocalDate();
    return SqlDateTimes.date(day, target);
  }

  /** The time of the wall clock, or of the instant in the reader's zone. */
  @Override
  public Time getTime(int row, Calendar calendar) {
    ZoneId target = calendar == null ? defaultZone : calendar.getTimeZone().toZoneId();
    var time = zone == null ? wallClock(row).toLocalTime() : instantInUtc(row).atZone(target).toLocalTime();
    return SqlDateTimes.time(time, target);
  }

  @Override
  protected String describe() {
    return zone == null ? "timestamp" : "timestamp with time zone";
  }
}
