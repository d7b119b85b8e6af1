package dev.lakeformation.jdbc.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.api.QueryProgress;
import dev.lakeformation.core.query.ResultStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Calendar;
import java.util.TimeZone;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The result set's contract beyond the values themselves: errors, conversions, lifecycle, memory. */
class ResultSetBehaviourTest {
  static LocalFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = LocalFixture.shared();
  }

  @Test
  void misuseGivesSqlStatesThatSayWhatIsWrong() throws Exception {
    try (Connection c = fixture.connect("Database=types"); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, c_varchar, c_bigint FROM all_types ORDER BY id")) {
      assertEquals("24000", assertThrows(SQLException.class, () -> rs.getInt(1)).getSQLState());
      assertTrue(rs.next());
      assertEquals("42S22", assertThrows(SQLException.class, () -> rs.getInt(4)).getSQLState());
      assertEquals("42S22", assertThrows(SQLException.class, () -> rs.getInt("nope")).getSQLState());
      assertEquals("22018", assertThrows(SQLException.class, () -> rs.getInt(2)).getSQLState(),
          "text that is not a number");
      assertEquals(1, rs.getInt("ID"), "labels are case-insensitive");
      assertTrue(rs.next());
      assertEquals("22003", assertThrows(SQLException.class, () -> rs.getInt(3)).getSQLState(),
          "Long.MIN_VALUE does not fit an int: an error, never a wrapped number");
      assertEquals(Long.MIN_VALUE, rs.getLong(3));
      rs.close();
      assertEquals("HY010", assertThrows(SQLException.class, rs::next).getSQLState());
    }
  }

  @Test
  void nullsReadAsZeroOrNullWithWasNullSet() throws Exception {
    try (Connection c = fixture.connect("Database=types"); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT c_integer, c_decimal_5_2, c_timestamp FROM all_types WHERE id = 4")) {
      assertTrue(rs.next());
      assertEquals(0, rs.getInt(1));
      assertTrue(rs.wasNull());
      assertNull(rs.getBigDecimal(2));
      assertTrue(rs.wasNull());
      assertNull(rs.getObject(3, LocalDateTime.class));
      assertTrue(rs.wasNull());
      assertFalse(rs.next());
    }
  }

  @Test
  void timestampsKeepTheirInstantThroughEveryConversion() throws Exception {
    try (Connection c = fixture.connect("Database=types"); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT c_timestamp, c_timestamp_tz, c_decimal_5_2 FROM all_types WHERE id = 1")) {
      assertTrue(rs.next());
      assertEquals(LocalDateTime.of(2024, 3, 10, 2, 30, 0, 654_321_000), rs.getObject(1, LocalDateTime.class));
      Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
      assertEquals(Instant.parse("2024-03-10T02:30:00.654321Z"), rs.getTimestamp(1, utc).toInstant());
      Instant instant = Instant.parse("2024-03-09T21:00:00.654321Z");
      assertEquals(instant, rs.getObject(2, Instant.class));
      assertEquals(instant, rs.getObject(2, OffsetDateTime.class).toInstant());
      assertEquals(instant, rs.getTimestamp(2, Calendar.getInstance(TimeZone.getTimeZone("Asia/Tokyo"))).toInstant());
      assertEquals(1, rs.getInt(3), "getInt on a decimal drops the fraction");
      assertEquals(new BigDecimal("1.25"), rs.getBigDecimal(3));
      assertEquals("1.25", rs.getString(3));
    }
  }

  @Test
  void aPreparedTimestampWithACalendarIsTheWallClockInThatZone() throws Exception {
    try (Connection c = fixture.connect("Database=types");
        PreparedStatement ps = c.prepareStatement("SELECT CAST(? AS TIMESTAMP(6)) AS t")) {
      ps.setTimestamp(1, Timestamp.from(Instant.parse("2024-01-01T00:00:00Z")),
          Calendar.getInstance(TimeZone.getTimeZone("Asia/Tokyo")));
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        assertEquals(LocalDateTime.of(2024, 1, 1, 9, 0), rs.getObject(1, LocalDateTime.class));
      }
    }
  }

  @Test
  void closeOnCompletionClosesTheStatementWithItsResult() throws Exception {
    try (Connection c = fixture.connect("Database=tpch")) {
      Statement s = c.createStatement();
      s.closeOnCompletion();
      ResultSet rs = s.executeQuery("SELECT * FROM region");
      assertFalse(s.isClosed());
      rs.close();
      assertTrue(s.isClosed());
    }
  }

  @Test
  void bufferedBytesStayWithinTheBudgetPlusABatchPerWorker() throws Exception {
    long budget = 1L << 20;
    try (Connection c = fixture.connect("Database=tpch;MaxBufferBytes=1MB;MaxConcurrentWorkUnits=4");
        Statement s = c.createStatement()) {
      QueryProgress progress = new QueryProgress();
      s.unwrap(LfStatement.class).setQueryListener(progress);
      try (ResultSet rs = s.executeQuery("SELECT * FROM lineitem")) {
        ResultStream stream = rs.unwrap(ResultStream.class);
        long rows = 0;
        while (rs.next()) {
          if (rows++ % 5_000 == 0) {
            Thread.sleep(20); // a slow reader, so the workers fill the budget
          }
        }
        assertEquals(60_175, progress.snapshot().rows());
        long largestBatch = 200_000; // 500 lineitem rows encode to about 120 KB
        assertTrue(stream.peakBufferedBytes() <= budget + 4 * largestBatch,
            "peak " + stream.peakBufferedBytes() + " bytes");
        assertTrue(stream.peakBufferedBytes() >= budget / 2, "the budget was never approached: the test proves nothing");
      }
    }
  }
}
