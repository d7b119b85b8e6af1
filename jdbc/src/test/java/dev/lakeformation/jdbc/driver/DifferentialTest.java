package dev.lakeformation.jdbc.driver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The same SQL through the driver (LakeFormation Local, Arrow, parallel work units) and straight
 * through H2's own driver gives the same rows, in the same order, with the same value from
 * every getter.
 */
class DifferentialTest {
  static LocalFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = LocalFixture.shared();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "types|SELECT * FROM all_types ORDER BY id",
      "tpch|SELECT * FROM lineitem ORDER BY l_orderkey, l_linenumber",
      "tpch|SELECT * FROM orders ORDER BY o_orderkey",
      "tpch|SELECT * FROM nation WHERE n_nationkey < 0",
      // TPC-H Q1
      "tpch|SELECT l_returnflag, l_linestatus, SUM(l_quantity) AS sum_qty, SUM(l_extendedprice) AS sum_base_price,"
          + " SUM(l_extendedprice * (1 - l_discount)) AS sum_disc_price,"
          + " SUM(l_extendedprice * (1 - l_discount) * (1 + l_tax)) AS sum_charge, COUNT(*) AS count_order"
          + " FROM lineitem WHERE l_shipdate <= DATE '1998-12-01' - INTERVAL '90' DAY"
          + " GROUP BY l_returnflag, l_linestatus ORDER BY l_returnflag, l_linestatus",
      // TPC-H Q3
      "tpch|SELECT l_orderkey, SUM(l_extendedprice * (1 - l_discount)) AS revenue, o_orderdate, o_shippriority"
          + " FROM customer, orders, lineitem WHERE c_mktsegment = 'BUILDING' AND c_custkey = o_custkey"
          + " AND l_orderkey = o_orderkey AND o_orderdate < DATE '1995-03-15' AND l_shipdate > DATE '1995-03-15'"
          + " GROUP BY l_orderkey, o_orderdate, o_shippriority ORDER BY revenue DESC, o_orderdate, l_orderkey LIMIT 10",
      // TPC-H Q6
      "tpch|SELECT SUM(l_extendedprice * l_discount) AS revenue FROM lineitem WHERE l_shipdate >= DATE '1994-01-01'"
          + " AND l_shipdate < DATE '1995-01-01' AND l_discount BETWEEN 0.05 AND 0.07 AND l_quantity < 24",
  })
  void driverAgreesWithH2(String database, String sql) throws Exception {
    try (Connection driver = fixture.connect("Database=" + database + ";MaxConcurrentWorkUnits=4");
        Connection h2 = fixture.h2(database);
        Statement ds = driver.createStatement();
        Statement hs = h2.createStatement();
        ResultSet actual = ds.executeQuery(sql);
        ResultSet expected = hs.executeQuery(sql)) {
      ResultSetMetaData am = actual.getMetaData();
      ResultSetMetaData em = expected.getMetaData();
      assertEquals(em.getColumnCount(), am.getColumnCount());
      for (int c = 1; c <= am.getColumnCount(); c++) {
        assertEquals(em.getColumnLabel(c), am.getColumnLabel(c));
        assertEquals(arrowFamily(em.getColumnType(c)), am.getColumnType(c), "JDBC type of " + em.getColumnLabel(c));
      }
      long rows = 0;
      while (expected.next()) {
        assertTrue(actual.next(), "the driver ended after " + rows + " rows");
        rows++;
        for (int c = 1; c <= am.getColumnCount(); c++) {
          compare(expected, actual, c, em.getColumnType(c), "row " + rows + " column " + em.getColumnLabel(c));
        }
      }
      assertFalse(actual.next(), "the driver has more rows than H2's " + rows);
    }
  }

  /**
   * Arrow has one decimal type: NUMERIC reads as DECIMAL. (CHAR stays CHAR: LakeFormation Local
   * declares the SQL type of text columns in the Arrow field's metadata.)
   */
  private static int arrowFamily(int h2Type) {
    return switch (h2Type) {
      case Types.NUMERIC -> Types.DECIMAL;
      default -> h2Type;
    };
  }

  private static void compare(ResultSet expected, ResultSet actual, int c, int type, String where) throws Exception {
    Object e = expected.getObject(c);
    Object a = actual.getObject(c);
    assertEquals(expected.wasNull(), actual.wasNull(), where + " wasNull");
    assertEquals(e == null, a == null, where + " null");
    if (e == null) {
      return;
    }
    switch (arrowFamily(type)) {
      case Types.TIMESTAMP_WITH_TIMEZONE -> assertEquals(((OffsetDateTime) e).toInstant(),
          ((OffsetDateTime) a).toInstant(), where);
      case Types.ARRAY -> assertArrayEquals((Object[]) ((Array) e).getArray(), (Object[]) ((Array) a).getArray(), where);
      case Types.VARBINARY, Types.BINARY -> assertArrayEquals((byte[]) e, (byte[]) a, where);
      default -> {
        assertEquals(e, a, where + " getObject");
        assertEquals(expected.getString(c), actual.getString(c), where + " getString");
      }
    }
    if (type == Types.DECIMAL || type == Types.INTEGER || type == Types.BIGINT || type == Types.DOUBLE) {
      assertEquals(expected.getBigDecimal(c).compareTo(actual.getBigDecimal(c)), 0, where + " getBigDecimal");
      assertEquals(expected.getDouble(c), actual.getDouble(c), where + " getDouble");
    }
  }
}
