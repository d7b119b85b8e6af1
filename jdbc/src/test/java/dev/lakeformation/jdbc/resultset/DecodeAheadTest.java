package dev.lakeformation.jdbc.resultset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.jdbc.driver.LocalFixture;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TimeZone;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Decoding ahead: the values of the columns a reader reads are built on the fetch threads, in
 * the form its getters return; columns it does not read cost nothing, and what it reads is
 * exactly what it would have read otherwise.
 */
class DecodeAheadTest {
  private static final String LINEITEM = "SELECT l_orderkey, l_linenumber, l_extendedprice, l_discount, l_shipdate,"
      + " l_shipmode, l_comment FROM lineitem ORDER BY l_orderkey, l_linenumber";
  private static LocalFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = LocalFixture.shared();
  }

  private static List<String> rows(ResultSet rs) throws Exception {
    List<String> rows = new ArrayList<>();
    while (rs.next()) {
      BigDecimal price = rs.getBigDecimal(3);
      BigDecimal discount = rs.getBigDecimal(4);
      Date shipped = rs.getDate(5);
      rows.add(rs.getLong(1) + "|" + rs.getInt(2) + "|" + price + "|" + discount + "|" + shipped + "|"
          + rs.getString(6) + "|" + rs.getString(7));
    }
    return rows;
  }

  @Test
  void theColumnsBeingReadArePreparedOnTheFetchThreadsAndReadTheSame() throws Exception {
    List<String> expected;
    try (Connection h2 = fixture.h2("tpch"); Statement s = h2.createStatement(); ResultSet rs = s.executeQuery(LINEITEM)) {
      expected = rows(rs);
    }
    // A small budget: the fetch threads cannot decode far ahead of the reader's first getters.
    try (Connection c = fixture.connect("DecodeAhead=ON;Database=tpch;MaxConcurrentWorkUnits=4;MaxBufferBytes=1MB");
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery(LINEITEM)) {
      assertEquals(expected, rows(rs));
      long[] counts = rs.unwrap(ArrowResultSet.class).batchesPreparedAndRead();
      assertTrue(counts[0] >= counts[1] / 2, counts[0] + " of " + counts[1] + " batches came prepared");
    }
  }

  @Test
  void aBatchTheReaderIsAlreadyWaitingForIsHandedOverUnprepared() throws Exception {
    // One fetch thread, and each unit arriving 50 ms after it is asked for: the reader is done
    // with a unit long before the next one comes, so it waits for every batch, and preparing it
    // would only keep the reader waiting longer.
    fixture.local.faults().workUnitLatencyMillis(50);
    try (Connection c = fixture.connect("DecodeAhead=ON;Database=tpch;MaxConcurrentWorkUnits=1");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT o_orderkey, o_totalprice, o_orderdate, o_comment FROM orders")) {
      long rows = 0;
      while (rs.next()) {
        rs.getBigDecimal(2);
        rs.getDate(3);
        rs.getString(4);
        rows++;
      }
      assertTrue(rows > 0);
      long[] counts = rs.unwrap(ArrowResultSet.class).batchesPreparedAndRead();
      // The first batch of each unit reaches a waiting reader; at most the unit's second may be prepared.
      assertTrue(counts[0] <= counts[1] / 2, counts[0] + " of " + counts[1] + " batches came prepared");
    } finally {
      fixture.local.faults().clear();
    }
  }

  @Test
  void decodeAheadOffLeavesEveryValueToTheReadingThread() throws Exception {
    try (Connection c = fixture.connect("DecodeAhead=OFF;Database=tpch;MaxBufferBytes=1MB");
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery(LINEITEM)) {
      assertTrue(rows(rs).size() > 0);
      long[] counts = rs.unwrap(ArrowResultSet.class).batchesPreparedAndRead();
      assertEquals(0, counts[0], counts[0] + " of " + counts[1] + " batches came prepared");
    }
  }

  @Test
  void autoDecodesAheadOnlyWithFourProcessorsOrMore() throws Exception {
    try (Connection c = fixture.connect("Database=tpch;MaxBufferBytes=1MB"); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(LINEITEM)) {
      assertTrue(rows(rs).size() > 0);
      long prepared = rs.unwrap(ArrowResultSet.class).batchesPreparedAndRead()[0];
      if (Runtime.getRuntime().availableProcessors() >= 4) {
        assertTrue(prepared > 0, "no batch came prepared");
      } else {
        assertEquals(0, prepared);
      }
    }
  }

  @Test
  void columnsThatAreNotReadAreNotPrepared() throws Exception {
    try (Connection c = fixture.connect("DecodeAhead=ON;Database=tpch"); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM lineitem")) {
      long sum = 0;
      while (rs.next()) {
        sum += rs.getLong("l_orderkey"); // a long is read from the vector: nothing to build
      }
      assertTrue(sum > 0);
      assertEquals(0, rs.unwrap(ArrowResultSet.class).batchesPreparedAndRead()[0]);
    }
  }

  @Test
  void aPreparedDateOrTimestampIsHandedOutOnceSinceTheyAreMutable() throws Exception {
    // A small budget, so that most batches are decoded after the reader asked for dates.
    try (Connection c = fixture.connect("DecodeAhead=ON;Database=tpch;MaxBufferBytes=1MB"); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT l_shipdate, l_comment FROM lineitem")) {
      int checked = 0;
      while (rs.next()) {
        Date first = rs.getDate(1);
        Date second = rs.getDate(1);
        assertEquals(first, second);
        assertNotSame(first, second);
        checked++;
      }
      assertTrue(rs.unwrap(ArrowResultSet.class).batchesPreparedAndRead()[0] > 0);
      assertTrue(checked > 60_000);
    }
  }

  @Test
  void datesPreparedInOneDefaultZoneAreNotHandedOutAfterItChanged() throws Exception {
    TimeZone saved = TimeZone.getDefault();
    try (Connection c = fixture.connect("DecodeAhead=ON;Database=tpch;MaxConcurrentWorkUnits=4"); Statement s = c.createStatement()) {
      TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
      try (ResultSet rs = s.executeQuery("SELECT o_orderdate, CAST(o_orderdate AS VARCHAR) FROM orders")) {
        int row = 0;
        while (rs.next()) {
          if (++row == 2_000) {
            // Batches already prepared hold dates at UTC midnight; from now on Tokyo's are due.
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
          }
          Date date = rs.getDate(1);
          assertEquals(rs.getString(2), date.toString(), "row " + row);
          assertEquals(0, Objects.requireNonNull(date).getTime() % 3_600_000L == 0 ? 0 : 1);
          if (row > 2_000) {
            assertEquals(java.time.LocalDate.parse(rs.getString(2)).atStartOfDay(java.time.ZoneId.of("Asia/Tokyo"))
                .toInstant().toEpochMilli(), date.getTime(), "row " + row);
          }
        }
      }
    } finally {
      TimeZone.setDefault(saved);
    }
  }

  @Test
  void timestampsWithoutZonePreparedInOneDefaultZoneAreNotHandedOutAfterItChanged() throws Exception {
    TimeZone saved = TimeZone.getDefault();
    try (Connection c = fixture.connect("DecodeAhead=ON;Database=tpch;MaxConcurrentWorkUnits=4"); Statement s = c.createStatement()) {
      TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
      try (ResultSet rs = s.executeQuery(
          "SELECT CAST(o_orderdate AS TIMESTAMP), CAST(o_orderdate AS VARCHAR) FROM orders")) {
        int row = 0;
        while (rs.next()) {
          if (++row == 2_000) {
            // Batches already prepared hold UTC's wall clocks; the one being read keeps them (the
            // JVM's zone is read once per batch), the next ones must have Tokyo's.
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
          }
          java.time.LocalDateTime wallClock = rs.getTimestamp(1).toLocalDateTime();
          assertEquals(rs.getString(2), wallClock.toLocalDate().toString(), "row " + row);
          if (row > 2_000) {
            // A timestamp without a zone is a wall clock: it shows the same one whatever the JVM's zone is.
            assertEquals(java.time.LocalDate.parse(rs.getString(2)).atStartOfDay(), wallClock, "row " + row);
          }
        }
        assertTrue(rs.unwrap(ArrowResultSet.class).batchesPreparedAndRead()[0] > 0);
      }
    } finally {
      TimeZone.setDefault(saved);
    }
  }
}
