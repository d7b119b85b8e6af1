package dev.lakeformation.core.query;

import dev.lakeformation.jdbc.resultset.ArrowResultSet;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Work-unit bodies from memory, read through the code that reads the service's bodies: the
 * {@link WorkUnitReader} of each unit inside a {@link ResultStream}, behind the driver's
 * {@link ArrowResultSet}. Only the HTTP call is left out, so hostile bytes meet every check and
 * every error mapping that ships.
 */
final class UnitsInMemory {
  private UnitsInMemory() {}

  /**
   * Reads every value of every row of {@code units} (one body per unit) with getObject and
   * getString, as the driver's result set does; returns the rows. Anything but an SQLException escapes.
   */
  static long readAll(List<byte[]> units, BufferAllocator allocator) throws SQLException {
    FetchSettings settings = new FetchSettings(2, 1L << 20, null, true, 0, Duration.ofMillis(1),
        Duration.ofMillis(1), Duration.ofSeconds(5));
    long rows = 0;
    try (ResultSet rs = new ArrowResultSet(ResultStream.ofBodies(units, settings, allocator), null, Long.MAX_VALUE,
        () -> { })) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int c = 1; c <= columns; c++) {
          rs.getObject(c);
          rs.getString(c);
        }
        rows++;
      }
    }
    return rows;
  }

  static long readAll(byte[] body, BufferAllocator allocator) throws SQLException {
    return readAll(List.of(body), allocator);
  }
}
