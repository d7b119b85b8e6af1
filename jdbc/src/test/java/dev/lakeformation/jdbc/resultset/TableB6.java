package dev.lakeformation.jdbc.resultset;

import static dev.lakeformation.jdbc.resultset.Getter.ARRAY;
import static dev.lakeformation.jdbc.resultset.Getter.ASCII_STREAM;
import static dev.lakeformation.jdbc.resultset.Getter.BIG_DECIMAL;
import static dev.lakeformation.jdbc.resultset.Getter.BINARY_STREAM;
import static dev.lakeformation.jdbc.resultset.Getter.BOOLEAN;
import static dev.lakeformation.jdbc.resultset.Getter.BYTE;
import static dev.lakeformation.jdbc.resultset.Getter.BYTES;
import static dev.lakeformation.jdbc.resultset.Getter.CHARACTER_STREAM;
import static dev.lakeformation.jdbc.resultset.Getter.DATE;
import static dev.lakeformation.jdbc.resultset.Getter.DATE_IN_CALENDAR;
import static dev.lakeformation.jdbc.resultset.Getter.DOUBLE;
import static dev.lakeformation.jdbc.resultset.Getter.FLOAT;
import static dev.lakeformation.jdbc.resultset.Getter.INT;
import static dev.lakeformation.jdbc.resultset.Getter.LONG;
import static dev.lakeformation.jdbc.resultset.Getter.NCHARACTER_STREAM;
import static dev.lakeformation.jdbc.resultset.Getter.NSTRING;
import static dev.lakeformation.jdbc.resultset.Getter.OBJECT;
import static dev.lakeformation.jdbc.resultset.Getter.SHORT;
import static dev.lakeformation.jdbc.resultset.Getter.STRING;
import static dev.lakeformation.jdbc.resultset.Getter.TIME;
import static dev.lakeformation.jdbc.resultset.Getter.TIMESTAMP;
import static dev.lakeformation.jdbc.resultset.Getter.TIMESTAMP_IN_CALENDAR;
import static dev.lakeformation.jdbc.resultset.Getter.TIME_IN_CALENDAR;

import java.sql.Types;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which getters JDBC's table B-6 ("Use of ResultSet getter methods to retrieve JDBC data types")
 * marks for each JDBC type the driver reports. The Calendar forms count as the plain getters,
 * getNString and getNCharacterStream as getString and getCharacterStream. TIMESTAMP WITH TIME
 * ZONE came with JDBC 4.2, after the table: it is held to what TIMESTAMP gets.
 */
final class TableB6 {
  private TableB6() {}

  private static final Set<Getter> NUMBER = EnumSet.of(BYTE, SHORT, INT, LONG, FLOAT, DOUBLE, BIG_DECIMAL, BOOLEAN,
      STRING, NSTRING, OBJECT);

  /** The getters the table marks for {@code jdbcType} (a {@link Types} code). */
  static Set<Getter> getters(int jdbcType) {
    Set<Getter> getters = switch (jdbcType) {
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.REAL, Types.FLOAT, Types.DOUBLE,
          Types.DECIMAL, Types.NUMERIC, Types.BIT, Types.BOOLEAN -> EnumSet.copyOf(NUMBER);
      case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR -> {
        Set<Getter> text = EnumSet.copyOf(NUMBER);
        text.addAll(EnumSet.of(DATE, TIME, TIMESTAMP, ASCII_STREAM, CHARACTER_STREAM, NCHARACTER_STREAM));
        yield text;
      }
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> EnumSet.of(STRING, NSTRING, BYTES, ASCII_STREAM,
          BINARY_STREAM, CHARACTER_STREAM, NCHARACTER_STREAM, OBJECT);
      case Types.DATE -> EnumSet.of(STRING, NSTRING, DATE, TIMESTAMP, OBJECT);
      case Types.TIME -> EnumSet.of(STRING, NSTRING, TIME, TIMESTAMP, OBJECT);
      case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> EnumSet.of(STRING, NSTRING, DATE, TIME, TIMESTAMP, OBJECT);
      case Types.ARRAY -> EnumSet.of(ARRAY, OBJECT);
      default -> EnumSet.of(OBJECT);
    };
    if (getters.contains(DATE)) {
      getters.add(DATE_IN_CALENDAR);
    }
    if (getters.contains(TIME)) {
      getters.add(TIME_IN_CALENDAR);
    }
    if (getters.contains(TIMESTAMP)) {
      getters.add(TIMESTAMP_IN_CALENDAR);
    }
    return getters;
  }
}
