package dev.lakeformation.jdbc.systemtable;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The test's own H2 database holding what the system tables hold (each read whole through the
 * driver), where any SELECT runs directly: what the driver answers must be what H2 answers here.
 * It is set up the way the driver's documentation says system-table SQL is read: identifiers
 * without regard to case, time zone UTC, Athena's non-reserved words as names.
 */
final class ReferenceDatabase implements AutoCloseable {
  /** What a SELECT gave: column labels, then rows of comparable values. */
  record Answer(List<String> labels, List<List<Object>> rows) {}

  private final Connection h2;

  ReferenceDatabase() throws SQLException {
    JdbcDataSource source = new JdbcDataSource();
    source.setURL("jdbc:h2:mem:reference-" + UUID.randomUUID()
        + ";DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE");
    h2 = source.getConnection();
    try (Statement s = h2.createStatement()) {
      s.execute("CREATE SCHEMA \"system\"");
      s.execute("SET TIME ZONE 'UTC'");
      s.execute("SET NON_KEYWORDS YEAR, MONTH, DAY, HOUR, MINUTE, SECOND, KEY, VALUE");
    }
  }

  /** Copies what {@code driverSql} returns through the driver into table {@code system.<table>}. */
  void copy(Connection driver, String table, String driverSql) throws SQLException {
    try (Statement s = driver.createStatement(); ResultSet rows = s.executeQuery(driverSql)) {
      ResultSetMetaData md = rows.getMetaData();
      List<String> columns = new ArrayList<>();
      List<String> markers = new ArrayList<>();
      for (int c = 1; c <= md.getColumnCount(); c++) {
        columns.add("\"" + md.getColumnLabel(c) + "\" " + h2Type(md.getColumnType(c)));
        markers.add("?");
      }
      try (Statement ddl = h2.createStatement()) {
        ddl.execute("CREATE TABLE \"system\".\"" + table + "\" (" + String.join(", ", columns) + ")");
      }
      try (PreparedStatement insert = h2.prepareStatement("INSERT INTO \"system\".\"" + table + "\" VALUES ("
          + String.join(", ", markers) + ")")) {
        while (rows.next()) {
          for (int c = 1; c <= md.getColumnCount(); c++) {
            insert.setObject(c, switch (md.getColumnType(c)) {
              case Types.TIMESTAMP_WITH_TIMEZONE -> rows.getObject(c, OffsetDateTime.class);
              case Types.ARRAY -> rows.getArray(c) == null ? null : rows.getArray(c).getArray();
              default -> rows.getObject(c);
            });
          }
          insert.executeUpdate();
        }
      }
    }
  }

  private static String h2Type(int jdbcType) {
    return switch (jdbcType) {
      case Types.VARCHAR -> "CHARACTER VARYING";
      case Types.INTEGER -> "INTEGER";
      case Types.BIGINT -> "BIGINT";
      case Types.DOUBLE -> "DOUBLE PRECISION";
      case Types.BOOLEAN -> "BOOLEAN";
      case Types.TIMESTAMP_WITH_TIMEZONE -> "TIMESTAMP(6) WITH TIME ZONE";
      case Types.ARRAY -> "CHARACTER VARYING ARRAY";
      default -> throw new IllegalArgumentException("no H2 type for JDBC type " + jdbcType);
    };
  }

  Answer run(String sql) throws SQLException {
    try (Statement s = h2.createStatement(); ResultSet rows = s.executeQuery(sql)) {
      return answer(rows, sql);
    }
  }

  /**
   * The labels and values of {@code rows}, in a form both sides share: instants, numbers to 12
   * digits (H2 averages DOUBLEs as DECFLOAT, the driver returns DOUBLE), arrays as lists. Rows
   * are sorted unless {@code sql} orders them.
   */
  static Answer answer(ResultSet rows, String sql) throws SQLException {
    ResultSetMetaData md = rows.getMetaData();
    List<String> labels = new ArrayList<>();
    for (int c = 1; c <= md.getColumnCount(); c++) {
      labels.add(md.getColumnLabel(c));
    }
    List<List<Object>> values = new ArrayList<>();
    while (rows.next()) {
      List<Object> row = new ArrayList<>();
      for (int c = 1; c <= md.getColumnCount(); c++) {
        row.add(comparable(rows.getObject(c)));
      }
      values.add(row);
    }
    if (!sql.toUpperCase(java.util.Locale.ROOT).contains("ORDER BY")) {
      values.sort(Comparator.comparing(Object::toString));
    }
    return new Answer(labels, values);
  }

  private static Object comparable(Object value) throws SQLException {
    if (value instanceof Array array) {
      return comparable(array.getArray());
    }
    if (value instanceof Object[] items) {
      List<Object> list = new ArrayList<>();
      for (Object item : items) {
        list.add(comparable(item));
      }
      return list;
    }
    if (value instanceof OffsetDateTime time) {
      return time.toInstant();
    }
    if (value instanceof Number number) {
      return new BigDecimal(number.toString()).round(new MathContext(12)).stripTrailingZeros();
    }
    return value instanceof byte[] bytes ? Arrays.toString(bytes) : value;
  }

  @Override
  public void close() throws SQLException {
    h2.close();
  }
}
