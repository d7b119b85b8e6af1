package dev.lakeformation.jdbc.driver;

import dev.lakeformation.api.SqlState;
import dev.lakeformation.jdbc.errors.SqlErrors;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Calendar;

/**
 * A prepared statement whose {@code ?} parameters are bound as SQL literals (see
 * {@link SqlLiterals}): a quote in a string parameter stays data.
 */
final class LfPreparedStatement extends LfStatement implements PreparedStatement {
  private final String sql;
  private final int[] markers;
  private final String[] literals;

  LfPreparedStatement(LfConnection connection, String sql) {
    super(connection);
    this.sql = sql;
    this.markers = SqlLiterals.markers(sql);
    this.literals = new String[markers.length];
  }

  private void set(int index, Object value) throws SQLException {
    checkOpen();
    if (index < 1 || index > markers.length) {
      throw SqlErrors.of(SqlState.INVALID_PARAMETER, "Parameter index " + index + " is out of range: the statement has "
          + markers.length + " parameters (the first is 1).");
    }
    literals[index - 1] = SqlLiterals.of(value);
  }

  private String boundSql() throws SQLException {
    for (int i = 0; i < literals.length; i++) {
      if (literals[i] == null) {
        throw SqlErrors.of(SqlState.INVALID_PARAMETER, "Parameter " + (i + 1) + " is not set.");
      }
    }
    return SqlLiterals.bind(sql, markers, literals);
  }

  @Override
  public ResultSet executeQuery() throws SQLException {
    return super.executeQuery(boundSql());
  }

  @Override
  public boolean execute() throws SQLException {
    executeQuery();
    return true;
  }

  @Override
  public int executeUpdate() throws SQLException {
    throw SqlErrors.readOnly("executeUpdate");
  }

  @Override
  public long executeLargeUpdate() throws SQLException {
    throw SqlErrors.readOnly("executeLargeUpdate");
  }

  @Override
  public void addBatch() throws SQLException {
    throw SqlErrors.readOnly("Batch updates");
  }

  @Override
  public void clearParameters() throws SQLException {
    checkOpen();
    Arrays.fill(literals, null);
  }

  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    checkOpen();
    return null; // not known before the query runs, as JDBC allows
  }

  @Override
  public ParameterMetaData getParameterMetaData() throws SQLException {
    throw SqlErrors.unsupported("ParameterMetaData");
  }

  @Override
  public void setNull(int index, int sqlType) throws SQLException {
    set(index, null);
  }

  @Override
  public void setNull(int index, int sqlType, String typeName) throws SQLException {
    set(index, null);
  }

  @Override
  public void setBoolean(int index, boolean x) throws SQLException {
    set(index, x);
  }

  @Override
  public void setByte(int index, byte x) throws SQLException {
    set(index, x);
  }

  @Override
  public void setShort(int index, short x) throws SQLException {
    set(index, x);
  }

  @Override
  public void setInt(int index, int x) throws SQLException {
    set(index, x);
  }

  @Override
  public void setLong(int index, long x) throws SQLException {
    set(index, x);
  }

  @Override
  public void setFloat(int index, float x) throws SQLException {
    set(index, x);
  }

  @Override
  public void setDouble(int index, double x) throws SQLException {
    set(index, x);
  }

  @Override
  public void setBigDecimal(int index, BigDecimal x) throws SQLException {
    set(index, x);
  }

  @Override
  public void setString(int index, String x) throws SQLException {
    set(index, x);
  }

  @Override
  public void setNString(int index, String x) throws SQLException {
    set(index, x);
  }

  @Override
  public void setBytes(int index, byte[] x) throws SQLException {
    set(index, x);
  }

  @Override
  public void setDate(int index, Date x) throws SQLException {
    set(index, x);
  }

  /** The date is the calendar day that {@code x} falls on in the calendar's zone. */
  @Override
  public void setDate(int index, Date x, Calendar cal) throws SQLException {
    set(index, x == null || cal == null ? x : wallClock(x.getTime(), cal).toLocalDate());
  }

  @Override
  public void setTime(int index, Time x) throws SQLException {
    set(index, x);
  }

  @Override
  public void setTime(int index, Time x, Calendar cal) throws SQLException {
    set(index, x == null || cal == null ? x : wallClock(x.getTime(), cal).toLocalTime());
  }

  @Override
  public void setTimestamp(int index, Timestamp x) throws SQLException {
    set(index, x);
  }

  /** The timestamp is the wall-clock time of the instant {@code x} in the calendar's zone. */
  @Override
  public void setTimestamp(int index, Timestamp x, Calendar cal) throws SQLException {
    set(index, x == null || cal == null ? x
        : LocalDateTime.ofInstant(x.toInstant(), cal.getTimeZone().toZoneId()));
  }

  private static LocalDateTime wallClock(long epochMillis, Calendar cal) {
    return LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), cal.getTimeZone().toZoneId());
  }

  @Override
  public void setObject(int index, Object x) throws SQLException {
    set(index, x);
  }

  @Override
  public void setObject(int index, Object x, int targetSqlType) throws SQLException {
    set(index, x);
  }

  @Override
  public void setObject(int index, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
    set(index, x);
  }

  @Override
  public ResultSet executeQuery(String sql) throws SQLException {
    throw SqlErrors.of(SqlState.GENERAL, "executeQuery(String) cannot be called on a PreparedStatement; use executeQuery().");
  }

  @Override
  public void setAsciiStream(int a0, InputStream a1, int a2) throws SQLException {
    throw SqlErrors.unsupported("PreparedStatement.setAsciiStream");
  }

  @Override
  @Deprecated
  public void setUnicodeStream(int a0, InputStream a1, int a2) throws SQLException {
    throw SqlErrors.unsupported("PreparedStatement.setUnicodeStream");
  }

  @Override
  public void setBinaryStream(int a0, InputStream a1, int a2) throws SQLException {
    throw SqlErrors.unsupported("PreparedStatement.setBinaryStream");
  }

  @Override
  public void setCharacterStream(int a0, Reader a1, int a2) throws SQLException {
    throw SqlErrors.unsupported("PreparedStatement.setCharacterStream");
  }

  @Override
  public void setRef(int a0, Ref a1) throws SQLException {
    throw SqlErrors.unsupported("PreparedStatement.setRef");
  }

  @Override
  public void setBlob(int a0, Blob a1) throws SQLException {
    throw SqlErrors.unsupported("PreparedStatement.setBlob");
  }

  @Override
  public void setClob(int a0, Clob a1) throws SQLException {
    throw SqlErrors.unsupported("PreparedStatement.setClob");
  }

  @Override
  public void setArray(int a0, Array a1) throws SQLException {
    throw SqlErrors.unsupported("PreparedStatement.setArray");
  }

  @Override
  public void setURL(int a0, URL a1) throws SQLException {
    throw SqlErrors.unsupported("PreparedStatement.setURL");
  }

  @Override
  public void setRowId(int a0, RowId a1) throws SQLException {
    throw SqlErrors.unsupported("PreparedStatement.setRowId");
  }

  @Override
  public void setNCharacterStream(int a0, Reader a1, long a2) throws SQLException {
    throw SqlErrors.unsupported("PreparedStatement.setNCharacterStream");
  }

  @Override
  public void setNClob(int a0, NClob a1) throws SQLException {
    throw SqlErrors.unsupported("PreparedStatement.setNClob");
  }

  @Override
  public void setClob(int a0, Reader a1, long a2) throws SQLException {
    throw SqlErrors.unsupported("PreparedStatement.setClob");
  }

  @Override
  public void setBlob(int a0, InputStream a1, long a2) throws SQLException {
    throw SqlErrors.unsupported("PreparedStatement.setBlob");
  }

  @Override
  public void setNClob(int a0, Reader a1, long a2) throws SQLException {
    throw SqlErrors.unsupported("PreparedStatement.setNClob");
  }

  @Override
  public void setSQLXML(int a0, SQLXML a1) throws SQLException {
    throw SqlErrors.unsupported("PreparedStatement.setSQLXML");
  }

  @Override
  public void setAsciiStream(int a0, InputStream a1, long a2) throws SQLException {
    throw SqlErrors.unsupported("PreparedStatement.setAsciiStream");
  }

  @Override
  public void setBinaryStream(int a0, InputStream a1, long a2) throws SQLException {
    throw SqlErrors.unsupported("PreparedStatement.setBinaryStream");
  }

  @Override
  public void setCharacterStream(int a0, Reader a1, long a2) throws SQLException {
    throw SqlErrors.unsupported("PreparedStatement.setCharacterStream");
  }

  @Override
  public void setAsciiStream(int a0, InputStream a1) throws SQLException {
    throw SqlErrors.unsupported("PreparedStatement.setAsciiStream");
  }

  @Override
  public void setBinaryStream(int a0, InputStream a1) throws SQLException {
    throw SqlErrors.unsupported("PreparedStatement.setBinaryStream");
  }

  @Override
  public void setCharacterStream(int a0, Reader a1) throws SQLException {
    throw SqlErrors.unsupported("PreparedStatement.setCharacterStream");
  }

  @Override
  public void setNCharacterStream(int a0, Reader a1) throws SQLException {
    throw SqlErrors.unsupported("PreparedStatement.setNCharacterStream");
  }

  @Override
  public void setClob(int a0, Reader a1) throws SQLException {
    throw SqlErrors.unsupported("PreparedStatement.setClob");
  }

  @Override
  public void setBlob(int a0, InputStream a1) throws SQLException {
    throw SqlErrors.unsupported("PreparedStatement.setBlob");
  }

  @Override
  public void setNClob(int a0, Reader a1) throws SQLException {
    throw SqlErrors.unsupported("PreparedStatement.setNClob");
  }
}
