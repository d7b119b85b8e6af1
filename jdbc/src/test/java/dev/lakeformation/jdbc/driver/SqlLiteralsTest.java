package dev.lakeformation.jdbc.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class SqlLiteralsTest {
  /** Binds every marker the scanner finds to X, to show which ones it took for parameters. */
  private static String markersAsX(String sql) {
    int[] markers = SqlLiterals.markers(sql);
    String[] xs = new String[markers.length];
    java.util.Arrays.fill(xs, "X");
    return SqlLiterals.bind(sql, markers, xs);
  }

  @Test
  void markersOutsideLiteralsIdentifiersAndCommentsAreParameters() {
    assertEquals("SELECT X, X", markersAsX("SELECT ?, ?"));
    assertEquals("SELECT '?', X", markersAsX("SELECT '?', ?"));
    assertEquals("SELECT 'it''s ?', X", markersAsX("SELECT 'it''s ?', ?"));
    assertEquals("SELECT \"col?\", X", markersAsX("SELECT \"col?\", ?"));
    assertEquals("SELECT X -- ?\n, X", markersAsX("SELECT ? -- ?\n, ?"));
    assertEquals("SELECT /* ? */ X", markersAsX("SELECT /* ? */ ?"));
    assertEquals("SELECT 'unterminated ?", markersAsX("SELECT 'unterminated ?"));
  }

  @Test
  void valuesBecomeLiteralsThatStayData() throws SQLException {
    assertEquals("'x'' OR ''1''=''1'", SqlLiterals.of("x' OR '1'='1"));
    assertEquals("'--; DROP TABLE t; /*'", SqlLiterals.of("--; DROP TABLE t; /*"));
    assertEquals("'Grüße 東京 🚀'", SqlLiterals.of("Grüße 東京 🚀"));
    assertEquals("NULL", SqlLiterals.of(null));
    assertEquals("TRUE", SqlLiterals.of(true));
    assertEquals("-12", SqlLiterals.of(-12L));
    assertEquals("0.000001", SqlLiterals.of(new BigDecimal("1E-6")));
    assertEquals("X'00ff'", SqlLiterals.of(new byte[] {0, -1}));
    assertEquals("DATE '2024-02-29'", SqlLiterals.of(LocalDate.of(2024, 2, 29)));
    assertEquals("TIME '10:00:00'", SqlLiterals.of(LocalTime.of(10, 0)));
    assertEquals("TIMESTAMP '2024-03-10 02:30:00.5'", SqlLiterals.of(LocalDateTime.of(2024, 3, 10, 2, 30, 0, 500_000_000)));
    assertEquals("SELECT 'a''b', 'q?'", SqlLiterals.bind("SELECT ?, 'q?'", SqlLiterals.markers("SELECT ?, 'q?'"),
        new String[] {SqlLiterals.of("a'b")}));
  }

  @Test
  void valuesWithoutALiteralAreRefused() {
    assertEquals("22023", assertThrows(SQLException.class, () -> SqlLiterals.of(Double.NaN)).getSQLState());
    assertEquals("22023", assertThrows(SQLException.class, () -> SqlLiterals.of("a\0b")).getSQLState());
    assertEquals("22023", assertThrows(SQLException.class, () -> SqlLiterals.of(new Object())).getSQLState());
  }
}
