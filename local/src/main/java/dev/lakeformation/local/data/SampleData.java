package dev.lakeformation.local.data;

import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchColumnType;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The sample databases LakeFormation Local serves: {@code tpch}, generated deterministically at
 * a chosen scale factor by the TPC-H reference generator, and {@code types}, one table with a
 * column of every type the driver maps and a row of nulls.
 */
public final class SampleData {
  public static final String TPCH = "tpch";
  static final String TYPES = "types";
  private static final int INSERT_BATCH = 2_000;
  /**
   * The key columns of the TPC-H tables, indexed so that H2 joins in reasonable time. Plain
   * indexes, not primary keys: below scale factor 0.01 the generator repeats partsupp keys.
   */
  private static final java.util.Map<String, String> TPCH_KEYS = java.util.Map.of(
      "region", "r_regionkey", "nation", "n_nationkey", "part", "p_partkey", "supplier", "s_suppkey",
      "partsupp", "ps_partkey, ps_suppkey", "customer", "c_custkey", "orders", "o_orderkey",
      "lineitem", "l_orderkey, l_linenumber");

  private SampleData() {}

  public static void load(Connection h2, double tpchScaleFactor) throws SQLException {
    loadTypes(h2);
    loadTpch(h2, tpchScaleFactor);
  }

  /**
   * TPC-H at {@code scaleFactor} (1 = 6M lineitem rows). Money columns are DECIMAL(12,2), as
   * the specification and Athena's own TPC-H tables have them; keys are BIGINT.
   */
  static void loadTpch(Connection h2, double scaleFactor) throws SQLException {
    try (Statement statement = h2.createStatement()) {
      statement.execute("CREATE SCHEMA IF NOT EXISTS " + TPCH);
    }
    for (TpchTable<?> table : TpchTable.getTables()) {
      loadTpchTable(h2, table, scaleFactor);
    }
  }

  private static <E extends TpchEntity> void loadTpchTable(
      Connection h2, TpchTable<E> table, double scaleFactor) throws SQLException {
    List<TpchColumn<E>> columns = table.getColumns();
    String qualified = TPCH + "." + table.getTableName();
    try (Statement statement = h2.createStatement()) {
      statement.execute("CREATE TABLE " + qualified + " ("
          + columns.stream().map(c -> c.getColumnName() + " " + sqlType(c.getType()) + " NOT NULL")
              .collect(Collectors.joining(", "))
          + ")");
    }
    String insert = "INSERT INTO " + qualified + " VALUES ("
        + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
    boolean autoCommit = h2.getAutoCommit();
    h2.setAutoCommit(false);
    try (PreparedStatement ps = h2.prepareStatement(insert)) {
      int pending = 0;
      for (E row : table.createGenerator(scaleFactor, 1, 1)) {
        for (int i = 0; i < columns.size(); i++) {
          TpchColumn<E> column = columns.get(i);
          int parameter = i + 1;
          switch (column.getType().getBase()) {
            case IDENTIFIER -> ps.setLong(parameter, column.getIdentifier(row));
            case INTEGER -> ps.setInt(parameter, column.getInteger(row));
            case DATE -> ps.setObject(parameter, LocalDate.ofEpochDay(column.getDate(row)));
            case DOUBLE -> ps.setBigDecimal(parameter,
                BigDecimal.valueOf(column.getDouble(row)).setScale(2, RoundingMode.HALF_UP));
            case VARCHAR -> ps.setString(parameter, column.getString(row));
          }
        }
        ps.addBatch();
        if (++pending == INSERT_BATCH) {
          ps.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        ps.executeBatch();
      }
      h2.commit();
    } finally {
      h2.setAutoCommit(autoCommit);
    }
    String key = TPCH_KEYS.get(table.getTableName());
    if (key != null) {
      try (Statement statement = h2.createStatement()) {
        statement.execute("CREATE INDEX " + table.getTableName() + "_key ON " + qualified + " (" + key + ")");
      }
    }
  }

  private static String sqlType(TpchColumnType type) {
    return switch (type.getBase()) {
      case IDENTIFIER -> "BIGINT";
      case INTEGER -> "INTEGER";
      case DATE -> "DATE";
      case DOUBLE -> "DECIMAL(12,2)";
      case VARCHAR -> "VARCHAR(" + type.getPrecision().orElse(255L) + ")";
    };
  }

  /** One table, {@code types.all_types}, whose rows reach each type's edges, plus a null row. */
  static void loadTypes(Connection h2) throws SQLException {
    List<String> sql = new ArrayList<>();
    sql.add("CREATE SCHEMA IF NOT EXISTS " + TYPES);
    sql.add("CREATE TABLE " + TYPES + ".all_types ("
        + "id INTEGER NOT NULL PRIMARY KEY, "
        + "c_tinyint TINYINT, c_smallint SMALLINT, c_integer INTEGER, c_bigint BIGINT, "
        + "c_decimal_5_2 DECIMAL(5,2), c_decimal_18_4 DECIMAL(18,4), c_decimal_38_10 DECIMAL(38,10), "
        + "c_double DOUBLE PRECISION, c_real REAL, c_boolean BOOLEAN, "
        + "c_char CHAR(10), c_varchar VARCHAR(100), c_varbinary VARBINARY(64), "
        + "c_date DATE, c_time TIME(6), c_timestamp TIMESTAMP(6), "
        + "c_timestamp_tz TIMESTAMP(6) WITH TIME ZONE, "
        + "c_int_array INTEGER ARRAY, c_varchar_array VARCHAR(20) ARRAY)");
    sql.add("INSERT INTO " + TYPES + ".all_types VALUES (1, 1, 2, 3, 4, 1.25, 12345678901234.5678,"
        + " 1234567890123456789012345678.0123456789, 3.141592653589793, 2.5, TRUE,"
        + " 'abc', 'plain ascii', X'00FF10', DATE '2024-02-29', TIME '13:45:30.123456',"
        + " TIMESTAMP '2024-03-10 02:30:00.654321', TIMESTAMP WITH TIME ZONE '2024-03-10 02:30:00.654321+05:30',"
        + " ARRAY[1, 2, 3], ARRAY['a', 'b'])");
    sql.add("INSERT INTO " + TYPES + ".all_types VALUES (2, -128, -32768, -2147483648, -9223372036854775808,"
        + " -999.99, -99999999999999.9999, -9999999999999999999999999999.9999999999,"
        + " -1.7976931348623157E308, -3.4028235E38, FALSE, 'Grüße', 'Grüße, 東京 🚀 ‘quotes’',"
        + " X'', DATE '1969-07-20', TIME '00:00:00', TIMESTAMP '1969-12-31 23:59:59.999999',"
        + " TIMESTAMP WITH TIME ZONE '1900-01-01 00:00:00-08:00', ARRAY[], ARRAY[NULL, 'x'])");
    sql.add("INSERT INTO " + TYPES + ".all_types VALUES (3, 127, 32767, 2147483647, 9223372036854775807,"
        + " 999.99, 99999999999999.9999, 9999999999999999999999999999.9999999999,"
        + " 4.9E-324, 1.4E-45, TRUE, '', '', X'DEADBEEF', DATE '9999-12-31', TIME '23:59:59.999999',"
        + " TIMESTAMP '2262-04-11 23:47:16.854775', TIMESTAMP WITH TIME ZONE '2038-01-19 03:14:08Z',"
        + " ARRAY[NULL], ARRAY[])");
    sql.add("INSERT INTO " + TYPES + ".all_types (id) VALUES (4)");
    try (Statement statement = h2.createStatement()) {
      for (String s : sql) {
        statement.execute(s);
      }
    }
  }
}
