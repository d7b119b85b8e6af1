package dev.lakeformation.jdbc.resultset;

import dev.lakeformation.jdbc.errors.SqlErrors;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;

/**
 * What a read-only, forward-only result set refuses: every update, cursor movement other than
 * {@code next()}, and the LOB and REF types this driver never produces. Kept apart so that
 * {@link ArrowResultSet} holds only what it does.
 */
abstract class ReadOnlyForwardResultSet implements ResultSet, SelfWrapper {
  /** Throws when the result set is closed; the answers below still require an open one. */
  abstract void checkOpen() throws SQLException;

  @Override
  @Deprecated
  public final InputStream getUnicodeStream(int a0) throws SQLException {
    throw SqlErrors.unsupported("ResultSet.getUnicodeStream");
  }

  @Override
  @Deprecated
  public final InputStream getUnicodeStream(String a0) throws SQLException {
    throw SqlErrors.unsupported("ResultSet.getUnicodeStream");
  }

  @Override
  public final String getCursorName() throws SQLException {
    throw SqlErrors.unsupported("ResultSet.getCursorName");
  }

  @Override
  public final void beforeFirst() throws SQLException {
    throw SqlErrors.unsupported("ResultSet.beforeFirst on a forward-only result");
  }

  @Override
  public final void afterLast() throws SQLException {
    throw SqlErrors.unsupported("ResultSet.afterLast on a forward-only result");
  }

  @Override
  public final boolean first() throws SQLException {
    throw SqlErrors.unsupported("ResultSet.first on a forward-only result");
  }

  @Override
  public final boolean last() throws SQLException {
    throw SqlErrors.unsupported("ResultSet.last on a forward-only result");
  }

  @Override
  public final boolean absolute(int a0) throws SQLException {
    throw SqlErrors.unsupported("ResultSet.absolute on a forward-only result");
  }

  @Override
  public final boolean relative(int a0) throws SQLException {
    throw SqlErrors.unsupported("ResultSet.relative on a forward-only result");
  }

  @Override
  public final boolean previous() throws SQLException {
    throw SqlErrors.unsupported("ResultSet.previous on a forward-only result");
  }

  @Override
  public final boolean rowUpdated() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public final boolean rowInserted() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public final boolean rowDeleted() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public final void updateNull(int a0) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateNull");
  }

  @Override
  public final void updateBoolean(int a0, boolean a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateBoolean");
  }

  @Override
  public final void updateByte(int a0, byte a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateByte");
  }

  @Override
  public final void updateShort(int a0, short a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateShort");
  }

  @Override
  public final void updateInt(int a0, int a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateInt");
  }

  @Override
  public final void updateLong(int a0, long a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateLong");
  }

  @Override
  public final void updateFloat(int a0, float a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateFloat");
  }

  @Override
  public final void updateDouble(int a0, double a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateDouble");
  }

  @Override
  public final void updateBigDecimal(int a0, BigDecimal a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateBigDecimal");
  }

  @Override
  public final void updateString(int a0, String a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateString");
  }

  @Override
  public final void updateBytes(int a0, byte[] a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateBytes");
  }

  @Override
  public final void updateDate(int a0, Date a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateDate");
  }

  @Override
  public final void updateTime(int a0, Time a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateTime");
  }

  @Override
  public final void updateTimestamp(int a0, Timestamp a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateTimestamp");
  }

  @Override
  public final void updateAsciiStream(int a0, InputStream a1, int a2) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateAsciiStream");
  }

  @Override
  public final void updateBinaryStream(int a0, InputStream a1, int a2) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateBinaryStream");
  }

  @Override
  public final void updateCharacterStream(int a0, Reader a1, int a2) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateCharacterStream");
  }

  @Override
  public final void updateObject(int a0, Object a1, int a2) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateObject");
  }

  @Override
  public final void updateObject(int a0, Object a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateObject");
  }

  @Override
  public final void updateNull(String a0) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateNull");
  }

  @Override
  public final void updateBoolean(String a0, boolean a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateBoolean");
  }

  @Override
  public final void updateByte(String a0, byte a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateByte");
  }

  @Override
  public final void updateShort(String a0, short a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateShort");
  }

  @Override
  public final void updateInt(String a0, int a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateInt");
  }

  @Override
  public final void updateLong(String a0, long a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateLong");
  }

  @Override
  public final void updateFloat(String a0, float a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateFloat");
  }

  @Override
  public final void updateDouble(String a0, double a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateDouble");
  }

  @Override
  public final void updateBigDecimal(String a0, BigDecimal a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateBigDecimal");
  }

  @Override
  public final void updateString(String a0, String a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateString");
  }

  @Override
  public final void updateBytes(String a0, byte[] a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateBytes");
  }

  @Override
  public final void updateDate(String a0, Date a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateDate");
  }

  @Override
  public final void updateTime(String a0, Time a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateTime");
  }

  @Override
  public final void updateTimestamp(String a0, Timestamp a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateTimestamp");
  }

  @Override
  public final void updateAsciiStream(String a0, InputStream a1, int a2) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateAsciiStream");
  }

  @Override
  public final void updateBinaryStream(String a0, InputStream a1, int a2) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateBinaryStream");
  }

  @Override
  public final void updateCharacterStream(String a0, Reader a1, int a2) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateCharacterStream");
  }

  @Override
  public final void updateObject(String a0, Object a1, int a2) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateObject");
  }

  @Override
  public final void updateObject(String a0, Object a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateObject");
  }

  @Override
  public final void insertRow() throws SQLException {
    throw SqlErrors.readOnly("ResultSet.insertRow");
  }

  @Override
  public final void updateRow() throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateRow");
  }

  @Override
  public final void deleteRow() throws SQLException {
    throw SqlErrors.readOnly("ResultSet.deleteRow");
  }

  @Override
  public final void refreshRow() throws SQLException {
    throw SqlErrors.readOnly("ResultSet.refreshRow");
  }

  @Override
  public final void cancelRowUpdates() throws SQLException {
    throw SqlErrors.readOnly("ResultSet.cancelRowUpdates");
  }

  @Override
  public final void moveToInsertRow() throws SQLException {
    throw SqlErrors.readOnly("ResultSet.moveToInsertRow");
  }

  @Override
  public final void moveToCurrentRow() throws SQLException {
    throw SqlErrors.readOnly("ResultSet.moveToCurrentRow");
  }

  @Override
  public final Ref getRef(int a0) throws SQLException {
    throw SqlErrors.unsupported("ResultSet.getRef");
  }

  @Override
  public final Blob getBlob(int a0) throws SQLException {
    throw SqlErrors.unsupported("ResultSet.getBlob");
  }

  @Override
  public final Clob getClob(int a0) throws SQLException {
    throw SqlErrors.unsupported("ResultSet.getClob");
  }

  @Override
  public final Ref getRef(String a0) throws SQLException {
    throw SqlErrors.unsupported("ResultSet.getRef");
  }

  @Override
  public final Blob getBlob(String a0) throws SQLException {
    throw SqlErrors.unsupported("ResultSet.getBlob");
  }

  @Override
  public final Clob getClob(String a0) throws SQLException {
    throw SqlErrors.unsupported("ResultSet.getClob");
  }

  @Override
  public final java.net.URL getURL(int a0) throws SQLException {
    throw SqlErrors.unsupported("ResultSet.getURL");
  }

  @Override
  public final java.net.URL getURL(String a0) throws SQLException {
    throw SqlErrors.unsupported("ResultSet.getURL");
  }

  @Override
  public final void updateRef(int a0, Ref a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateRef");
  }

  @Override
  public final void updateRef(String a0, Ref a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateRef");
  }

  @Override
  public final void updateBlob(int a0, Blob a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateBlob");
  }

  @Override
  public final void updateBlob(String a0, Blob a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateBlob");
  }

  @Override
  public final void updateClob(int a0, Clob a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateClob");
  }

  @Override
  public final void updateClob(String a0, Clob a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateClob");
  }

  @Override
  public final void updateArray(int a0, Array a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateArray");
  }

  @Override
  public final void updateArray(String a0, Array a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateArray");
  }

  @Override
  public final RowId getRowId(int a0) throws SQLException {
    throw SqlErrors.unsupported("ResultSet.getRowId");
  }

  @Override
  public final RowId getRowId(String a0) throws SQLException {
    throw SqlErrors.unsupported("ResultSet.getRowId");
  }

  @Override
  public final void updateRowId(int a0, RowId a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateRowId");
  }

  @Override
  public final void updateRowId(String a0, RowId a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateRowId");
  }

  @Override
  public final void updateNString(int a0, String a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateNString");
  }

  @Override
  public final void updateNString(String a0, String a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateNString");
  }

  @Override
  public final void updateNClob(int a0, NClob a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateNClob");
  }

  @Override
  public final void updateNClob(String a0, NClob a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateNClob");
  }

  @Override
  public final NClob getNClob(int a0) throws SQLException {
    throw SqlErrors.unsupported("ResultSet.getNClob");
  }

  @Override
  public final NClob getNClob(String a0) throws SQLException {
    throw SqlErrors.unsupported("ResultSet.getNClob");
  }

  @Override
  public final SQLXML getSQLXML(int a0) throws SQLException {
    throw SqlErrors.unsupported("ResultSet.getSQLXML");
  }

  @Override
  public final SQLXML getSQLXML(String a0) throws SQLException {
    throw SqlErrors.unsupported("ResultSet.getSQLXML");
  }

  @Override
  public final void updateSQLXML(int a0, SQLXML a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateSQLXML");
  }

  @Override
  public final void updateSQLXML(String a0, SQLXML a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateSQLXML");
  }

  @Override
  public final void updateNCharacterStream(int a0, Reader a1, long a2) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateNCharacterStream");
  }

  @Override
  public final void updateNCharacterStream(String a0, Reader a1, long a2) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateNCharacterStream");
  }

  @Override
  public final void updateAsciiStream(int a0, InputStream a1, long a2) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateAsciiStream");
  }

  @Override
  public final void updateBinaryStream(int a0, InputStream a1, long a2) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateBinaryStream");
  }

  @Override
  public final void updateCharacterStream(int a0, Reader a1, long a2) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateCharacterStream");
  }

  @Override
  public final void updateAsciiStream(String a0, InputStream a1, long a2) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateAsciiStream");
  }

  @Override
  public final void updateBinaryStream(String a0, InputStream a1, long a2) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateBinaryStream");
  }

  @Override
  public final void updateCharacterStream(String a0, Reader a1, long a2) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateCharacterStream");
  }

  @Override
  public final void updateBlob(int a0, InputStream a1, long a2) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateBlob");
  }

  @Override
  public final void updateBlob(String a0, InputStream a1, long a2) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateBlob");
  }

  @Override
  public final void updateClob(int a0, Reader a1, long a2) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateClob");
  }

  @Override
  public final void updateClob(String a0, Reader a1, long a2) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateClob");
  }

  @Override
  public final void updateNClob(int a0, Reader a1, long a2) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateNClob");
  }

  @Override
  public final void updateNClob(String a0, Reader a1, long a2) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateNClob");
  }

  @Override
  public final void updateNCharacterStream(int a0, Reader a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateNCharacterStream");
  }

  @Override
  public final void updateNCharacterStream(String a0, Reader a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateNCharacterStream");
  }

  @Override
  public final void updateAsciiStream(int a0, InputStream a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateAsciiStream");
  }

  @Override
  public final void updateBinaryStream(int a0, InputStream a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateBinaryStream");
  }

  @Override
  public final void updateCharacterStream(int a0, Reader a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateCharacterStream");
  }

  @Override
  public final void updateAsciiStream(String a0, InputStream a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateAsciiStream");
  }

  @Override
  public final void updateBinaryStream(String a0, InputStream a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateBinaryStream");
  }

  @Override
  public final void updateCharacterStream(String a0, Reader a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateCharacterStream");
  }

  @Override
  public final void updateBlob(int a0, InputStream a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateBlob");
  }

  @Override
  public final void updateBlob(String a0, InputStream a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateBlob");
  }

  @Override
  public final void updateClob(int a0, Reader a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateClob");
  }

  @Override
  public final void updateClob(String a0, Reader a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateClob");
  }

  @Override
  public final void updateNClob(int a0, Reader a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateNClob");
  }

  @Override
  public final void updateNClob(String a0, Reader a1) throws SQLException {
    throw SqlErrors.readOnly("ResultSet.updateNClob");
  }
}
