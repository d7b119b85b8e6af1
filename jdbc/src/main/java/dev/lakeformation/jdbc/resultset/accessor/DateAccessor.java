package dev.lakeformation.jdbc.resultset.accessor;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.Calendar;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;

/**
 * DateDay (days since the epoch) and DateMilli vectors. A date is a calendar day, not an
 * instant: it reads as that day in the JVM's zone, or in the zone of the Calendar given.
 */
final class DateAccessor extends FixedWidthAccessor {
  private static final long MILLIS_PER_DAY = 86_400_000L;

  private boolean days;
  /**
   * The JVM's zone, read once per batch: asking for it clones a TimeZone, too dear per value.
   * Its fixed offset in milliseconds, or null when the zone has transitions.
   */
  private ZoneId defaultZone;
  private Long fixedOffsetMillis;

  DateAccessor(String columnName) {
    super(columnName);
  }

  @Override
  public void bind(FieldVector vector) {
    super.bind(vector);
    this.days = vector instanceof DateDayVector;
    this.defaultZone = ZoneId.systemDefault();
    ZoneRules rules = defaultZone.getRules();
    this.fixedOffsetMillis = rules.isFixedOffset() ? rules.getOffset(java.time.Instant.EPOCH).getTotalSeconds() * 1000L
        : null;
  }

  private long epochDay(int row) {
    return days ? intAt(row) : Math.floorDiv(longAt(row), MILLIS_PER_DAY);
  }

  LocalDate localDate(int row) {
    return LocalDate.ofEpochDay(epochDay(row));
  }

  @Override
  public Object getObject(int row) {
    return getDate(row, null);
  }

  @Override
  public String getString(int row) {
    return localDate(row).toString();
  }

  @Override
  public Date getDate(int row, Calendar calendar) {
    return build(row, calendar);
  }

  private Date build(int row, Calendar calendar) {
    if (calendar == null && fixedOffsetMillis != null) {
      long day = epochDay(row);
      if (day >= SqlDateTimes.MODERN_EPOCH_DAY) {
        return new Date(day * MILLIS_PER_DAY - fixedOffsetMillis);
      }
    }
    return SqlDateTimes.date(localDate(row), calendar == null ? defaultZone : calendar.getTimeZone().toZoneId());
  }

  /** The start of the day, as getDate gives it. */
  @Override
  public Timestamp getTimestamp(int row, Calendar calendar) {
    ZoneId zone = calendar == null ? ZoneId.systemDefault() : calendar.getTimeZone().toZoneId();
    return SqlDateTimes.timestamp(localDate(row).atStartOfDay(zone).toLocalDateTime(), zone);
  }

  @Override
  protected String describe() {
    return "date";
  }
}
