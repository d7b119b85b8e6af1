package dev.lakeformation.jdbc.resultset;

import dev.lakeformation.api.LakeFormationException;
import dev.lakeformation.api.SqlState;
import dev.lakeformation.core.query.BatchSource;
import dev.lakeformation.core.query.FetchedBatch;
import dev.lakeformation.jdbc.errors.SqlErrors;
import dev.lakeformation.jdbc.resultset.accessor.Accessors;
import dev.lakeformation.jdbc.resultset.accessor.ColumnAccessor;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.lang.ref.Cleaner;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A forward-only, read-only ResultSet over record batches from a {@link BatchSource}. Each
 * column has one accessor, chosen from its Arrow type when the result opens and re-bound to
 * each batch's vector; getters go straight to it with the current row index, and build the
 * value they return from the batch's buffers, on the reading thread.
 */
public final class ArrowResultSet extends ReadOnlyForwardResultSet implements LfResultSet {
  /** Frees the last batch of a result closed from another thread and never read again. */
  private static final Cleaner BATCH_CLEANER = Cleaner.create(task -> new Thread(task, "lakeformation-jdbc-cleaner"));

  private final BatchSource source;
  private final Statement statement;
  private final long rowLimit;
  private final ColumnAccessor[] accessors;
  private Runnable onClose;
  /** Labels as given, then lower-cased: the exact lookup costs no allocation. */
  private final Map<String, Integer> columnsByName = new HashMap<>();
  private final Map<String, Integer> columnsByLowerName = new HashMap<>();
  private final ArrowResultSetMetaData metaData;
  private FetchedBatch batch;
  private int row = -1;
  private int rowsInBatch;
  private long rowNumber;
  private boolean afterLast;
  private boolean wasNull;
  /**
   * Volatile: close() from another thread marks the result closed before it frees the current
   * batch, and every getter checks it before reading the batch's memory by address (as Arrow's
   * own checked reads check a buffer's reference count first).
   */
  private volatile boolean closed;
  /** The thread that took the current batch: the one that may be reading its memory. */
  private volatile Thread reader;
  /** The current batch, as whoever frees it takes it: the reader, close(), or the cleaner. */
  private final HeldBatch held = new HeldBatch();
  private int fetchSize;
  private SQLWarning warnings;
  /** Why fetching failed, once it has. */
  private SQLException failure;

  /**
   * @param statement the statement that made this result, or null
   * @param rowLimit the most rows to return (Long.MAX_VALUE for all)
   * @param onClose run once when the result set closes
   */
  public ArrowResultSet(BatchSource source, Statement statement, long rowLimit, Runnable onClose)
      throws SQLException {
    this.source = source;
    this.statement = statement;
    this.rowLimit = rowLimit;
    this.onClose = onClose;
    Schema schema;
    try {
      schema = source.schema();
    } catch (LakeFormationException e) {
      source.close();
      throw SqlErrors.of(e);
    } catch (RuntimeException e) {
      source.close();
      throw e;
    }
    List<Field> fields = schema.getFields();
    this.accessors = new ColumnAccessor[fields.size()];
    for (int i = 0; i < fields.size(); i++) {
      try {
        accessors[i] = Accessors.forField(fields.get(i));
      } catch (RuntimeException e) {
        source.close();
        throw SqlErrors.of(SqlState.DATA_EXCEPTION, "Column " + fields.get(i).getName() + " has a type the driver"
            + " cannot read: " + fields.get(i).getType() + " (" + e.getMessage() + ").", e);
      }
      String name = fields.get(i).getName(); // Arrow allows a column without a name
      if (name != null) {
        columnsByName.putIfAbsent(name, i + 1);
        columnsByLowerName.putIfAbsent(name.toLowerCase(Locale.ROOT), i + 1);
      }
    }
    this.metaData = new ArrowResultSetMetaData(schema);
    BATCH_CLEANER.register(this, held);
  }

  /** A result's current batch, freed exactly once by whichever of its owners gets to it first. */
  private static final class HeldBatch implements Runnable {
    private final AtomicReference<FetchedBatch> batch = new AtomicReference<>();

    void hold(FetchedBatch current) {
      batch.set(current);
    }

    void release() {
      FetchedBatch current = batch.getAndSet(null);
      if (current != null) {
        current.close();
      }
    }

    @Override
    public void run() {
      release();
    }
  }

  /** Runs {@code action} too when the result set closes (after what the constructor was given). */
  public void alsoOnClose(Runnable action) {
    Runnable before = onClose;
    onClose = () -> {
      before.run();
      action.run();
    };
  }

  /** Adds a warning that {@link #getWarnings()} reports (system tables use it for partial answers). */
  public void addWarning(SQLWarning warning) {
    if (warnings == null) {
      warnings = warning;
    } else {
      warnings.setNextWarning(warning);
    }
  }

  @Override
  public boolean next() throws SQLException {
    checkOpenAndNotFailed();
    if (afterLast) {
      return false;
    }
    if (rowNumber >= rowLimit) {
      finish();
      return false;
    }
    while (++row >= rowsInBatch) {
      if (!nextBatch()) {
        finish();
        return false;
      }
    }
    rowNumber++;
    return true;
  }

  private boolean nextBatch() throws SQLException {
    held.release();
    batch = null;
    FetchedBatch next;
    try {
      next = source.next();
    } catch (LakeFormationException e) {
      failure = SqlErrors.of(e);
      release(); // a failed result holds no buffers and no threads
      throw failure;
    }
    if (next == null) {
      return false;
    }
    batch = next;
    held.hold(next);
    reader = Thread.currentThread();
    List<FieldVector> vectors = next.root().getFieldVectors();
    try {
      // Once per batch, what lets the getters read every value by address: each column holds a
      // value for every row, and each buffer an accessor reads holds every value (bind checks).
      for (int i = 0; i < accessors.length; i++) {
        if (vectors.get(i).getValueCount() < next.rowCount()) {
          throw new IllegalArgumentException("column " + (i + 1) + " has " + vectors.get(i).getValueCount()
              + " values in a batch of " + next.rowCount() + " rows");
        }
        accessors[i].bind(vectors.get(i));
      }
    } catch (RuntimeException e) {
      failure = SqlErrors.of(SqlState.DATA_EXCEPTION, "A record batch of the result is corrupt: " + e.getMessage()
          + ". The service or the producer of the data sent it; no row of it was read.", e);
      release();
      throw failure;
    }
    row = -1;
    rowsInBatch = next.rowCount();
    return true;
  }

  /** At the end, every buffer and thread of the result is released at once, not at close(). */
  private void finish() {
    afterLast = true;
    release();
  }

  private void release() {
    row = 0;
    rowsInBatch = 0;
    held.release();
    batch = null;
    source.close();
  }

  /**
   * Closes the result. On the thread that reads it, its last batch is freed at once. From another
   * thread (a pool closing an abandoned connection, say), the reader may be inside a getter that
   * reads that batch's memory by address: the batch is then freed by the reader's next call,
   * which finds the result closed, or, if none comes, once the result set is unreachable.
   * Fetching stops at once either way.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (reader == null || reader == Thread.currentThread()) {
      held.release();
      batch = null;
    }
    source.close();
    onClose.run();
  }

  private void checkOpenAndNotFailed() throws SQLException {
    checkOpen();
    if (failure != null) {
      // Every later call fails too: a caller that ignored the failure must not take the end for a complete result.
      throw SqlErrors.of(failure.getSQLState(), failure.getMessage(), failure);
    }
  }

  @Override
  void checkOpen() throws SQLException {
    if (closed) {
      held.release(); // the reader's thread, after a close() from another (see close())
      throw SqlErrors.closed("result set");
    }
  }

  /**
   * A value the producer sent but Java cannot represent (a timestamp beyond year 1e9, say):
   * an SQLException, never an unchecked exception out of a getter.
   */
  private SQLException unreadable(int column, RuntimeException e) {
    return SqlErrors.of(SqlState.DATA_EXCEPTION, "The value of column " + column + " in row " + rowNumber
        + " cannot be read: " + e.getMessage(), e);
  }

  /** The accessor of {@code column} on the current row, with wasNull set. Null when the value is null. */
  private ColumnAccessor value(int column) throws SQLException {
    // One branch for the three checks of every getter (open, on a row, a column of the result):
    // unsigned compares take a row of -1 and a column of 0 as out of range too.
    if (closed | Integer.compareUnsigned(row, rowsInBatch) >= 0
        | Integer.compareUnsigned(column - 1, accessors.length) >= 0) {
      throw notReadable(column);
    }
    ColumnAccessor accessor = accessors[column - 1];
    wasNull = accessor.isNull(row);
    return wasNull ? null : accessor;
  }

  private SQLException notReadable(int column) {
    if (closed) {
      held.release(); // the reader's thread, after a close() from another (see close())
      return SqlErrors.closed("result set");
    }
    if (batch == null || row < 0 || row >= rowsInBatch) {
      return SqlErrors.of(SqlState.INVALID_CURSOR_STATE, afterLast
          ? "The result set is past its last row." : "Call next() before reading a row.");
    }
    return SqlErrors.of(SqlState.INVALID_COLUMN, "Column index " + column + " is out of range: the result has "
        + accessors.length + " columns (the first is 1).");
  }

  @Override
  public boolean wasNull() throws SQLException {
    checkOpen();
    return wasNull;
  }

  @Override
  public int findColumn(String label) throws SQLException {
    checkOpen();
    Integer index = label == null ? null : columnsByName.get(label);
    if (index == null && label != null) {
      index = columnsByLowerName.get(label.toLowerCase(Locale.ROOT));
    }
    if (index == null) {
      throw SqlErrors.of(SqlState.INVALID_COLUMN, "There is no column named '" + label + "' in this result.");
    }
    return index;
  }

  // ---- getters by index ----

  @Override
  public String getString(int column) throws SQLException {
    ColumnAccessor a = value(column);
    try {
      return a == null ? null : a.getString(row);
    } catch (RuntimeException e) {
      throw unreadable(column, e);
    }
  }

  @Override
  public boolean getBoolean(int column) throws SQLException {
    ColumnAccessor a = value(column);
    try {
      return a != null && a.getBoolean(row);
    } catch (RuntimeException e) {
      throw unreadable(column, e);
    }
  }

  @Override
  public byte getByte(int column) throws SQLException {
    ColumnAccessor a = value(column);
    try {
      return a == null ? 0 : a.getByte(row);
    } catch (RuntimeException e) {
      throw unreadable(column, e);
    }
  }

  @Override
  public short getShort(int column) throws SQLException {
    ColumnAccessor a = value(column);
    try {
      return a == null ? 0 : a.getShort(row);
    } catch (RuntimeException e) {
      throw unreadable(column, e);
    }
  }

  @Override
  public int getInt(int column) throws SQLException {
    ColumnAccessor a = value(column);
    try {
      return a == null ? 0 : a.getInt(row);
    } catch (RuntimeException e) {
      throw unreadable(column, e);
    }
  }

  @Override
  public long getLong(int column) throws SQLException {
    ColumnAccessor a = value(column);
    try {
      return a == null ? 0 : a.getLong(row);
    } catch (RuntimeException e) {
      throw unreadable(column, e);
    }
  }

  @Override
  public float getFloat(int column) throws SQLException {
    ColumnAccessor a = value(column);
    try {
      return a == null ? 0 : a.getFloat(row);
    } catch (RuntimeException e) {
      throw unreadable(column, e);
    }
  }

  @Override
  public double getDouble(int column) throws SQLException {
    ColumnAccessor a = value(column);
    try {
      return a == null ? 0 : a.getDouble(row);
    } catch (RuntimeException e) {
      throw unreadable(column, e);
    }
  }

  @Override
  @Deprecated
  public BigDecimal getBigDecimal(int column, int scale) throws SQLException {
    ColumnAccessor a = value(column);
    try {
      return a == null ? null : a.getBigDecimal(row, scale);
    } catch (RuntimeException e) {
      throw unreadable(column, e);
    }
  }

  @Override
  public BigDecimal getBigDecimal(int column) throws SQLException {
    ColumnAccessor a = value(column);
    try {
      return a == null ? null : a.getBigDecimal(row);
    } catch (RuntimeException e) {
      throw unreadable(column, e);
    }
  }

  @Override
  public byte[] getBytes(int column) throws SQLException {
    ColumnAccessor a = value(column);
    try {
      return a == null ? null : a.getBytes(row);
    } catch (RuntimeException e) {
      throw unreadable(column, e);
    }
  }

  @Override
  public Date getDate(int column) throws SQLException {
    return getDate(column, (Calendar) null);
  }

  @Override
  public Date getDate(int column, Calendar calendar) throws SQLException {
    ColumnAccessor a = value(column);
    try {
      return a == null ? null : a.getDate(row, calendar);
    } catch (RuntimeException e) {
      throw unreadable(column, e);
    }
  }

  @Override
  public Time getTime(int column) throws SQLException {
    return getTime(column, (Calendar) null);
  }

  @Override
  public Time getTime(int column, Calendar calendar) throws SQLException {
    ColumnAccessor a = value(column);
    try {
      return a == null ? null : a.getTime(row, calendar);
    } catch (RuntimeException e) {
      throw unreadable(column, e);
    }
  }

  @Override
  public Timestamp getTimestamp(int column) throws SQLException {
    return getTimestamp(column, (Calendar) null);
  }

  @Override
  public Timestamp getTimestamp(int column, Calendar calendar) throws SQLException {
    ColumnAccessor a = value(column);
    try {
      return a == null ? null : a.getTimestamp(row, calendar);
    } catch (RuntimeException e) {
      throw unreadable(column, e);
    }
  }

  @Override
  public Object getObject(int column) throws SQLException {
    ColumnAccessor a = value(column);
    try {
      return a == null ? null : a.getObject(row);
    } catch (RuntimeException e) {
      throw unreadable(column, e);
    }
  }

  @Override
  public <T> T getObject(int column, Class<T> type) throws SQLException {
    if (type == null) {
      throw SqlErrors.of(SqlState.INVALID_PARAMETER, "getObject needs a target class, got null.");
    }
    ColumnAccessor a = value(column);
    try {
      return a == null ? null : a.getObject(row, type);
    } catch (RuntimeException e) {
      throw unreadable(column, e);
    }
  }

  @Override
  public Object getObject(int column, Map<String, Class<?>> map) throws SQLException {
    return getObject(column);
  }

  @Override
  public Array getArray(int column) throws SQLException {
    ColumnAccessor a = value(column);
    try {
      return a == null ? null : a.getArray(row);
    } catch (RuntimeException e) {
      throw unreadable(column, e);
    }
  }

  @Override
  public InputStream getAsciiStream(int column) throws SQLException {
    String value = getString(column);
    return value == null ? null : new ByteArrayInputStream(value.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public InputStream getBinaryStream(int column) throws SQLException {
    byte[] value = getBytes(column);
    return value == null ? null : new ByteArrayInputStream(value);
  }

  @Override
  public Reader getCharacterStream(int column) throws SQLException {
    String value = getString(column);
    return value == null ? null : new StringReader(value);
  }

  @Override
  public Reader getNCharacterStream(int column) throws SQLException {
    return getCharacterStream(column);
  }

  @Override
  public String getNString(int column) throws SQLException {
    return getString(column);
  }

  // ---- getters by label ----

  @Override
  public String getString(String label) throws SQLException {
    return getString(findColumn(label));
  }

  @Override
  public boolean getBoolean(String label) throws SQLException {
    return getBoolean(findColumn(label));
  }

  @Override
  public byte getByte(String label) throws SQLException {
    return getByte(findColumn(label));
  }

  @Override
  public short getShort(String label) throws SQLException {
    return getShort(findColumn(label));
  }

  @Override
  public int getInt(String label) throws SQLException {
    return getInt(findColumn(label));
  }

  @Override
  public long getLong(String label) throws SQLException {
    return getLong(findColumn(label));
  }

  @Override
  public float getFloat(String label) throws SQLException {
    return getFloat(findColumn(label));
  }

  @Override
  public double getDouble(String label) throws SQLException {
    return getDouble(findColumn(label));
  }

  @Override
  @Deprecated
  public BigDecimal getBigDecimal(String label, int scale) throws SQLException {
    return getBigDecimal(findColumn(label), scale);
  }

  @Override
  public BigDecimal getBigDecimal(String label) throws SQLException {
    return getBigDecimal(findColumn(label));
  }

  @Override
  public byte[] getBytes(String label) throws SQLException {
    return getBytes(findColumn(label));
  }

  @Override
  public Date getDate(String label) throws SQLException {
    return getDate(findColumn(label));
  }

  @Override
  public Date getDate(String label, Calendar calendar) throws SQLException {
    return getDate(findColumn(label), calendar);
  }

  @Override
  public Time getTime(String label) throws SQLException {
    return getTime(findColumn(label));
  }

  @Override
  public Time getTime(String label, Calendar calendar) throws SQLException {
    return getTime(findColumn(label), calendar);
  }

  @Override
  public Timestamp getTimestamp(String label) throws SQLException {
    return getTimestamp(findColumn(label));
  }

  @Override
  public Timestamp getTimestamp(String label, Calendar calendar) throws SQLException {
    return getTimestamp(findColumn(label), calendar);
  }

  @Override
  public Object getObject(String label) throws SQLException {
    return getObject(findColumn(label));
  }

  @Override
  public <T> T getObject(String label, Class<T> type) throws SQLException {
    return getObject(findColumn(label), type);
  }

  @Override
  public Object getObject(String label, Map<String, Class<?>> map) throws SQLException {
    return getObject(findColumn(label), map);
  }

  @Override
  public Array getArray(String label) throws SQLException {
    return getArray(findColumn(label));
  }

  @Override
  public InputStream getAsciiStream(String label) throws SQLException {
    return getAsciiStream(findColumn(label));
  }

  @Override
  public InputStream getBinaryStream(String label) throws SQLException {
    return getBinaryStream(findColumn(label));
  }

  @Override
  public Reader getCharacterStream(String label) throws SQLException {
    return getCharacterStream(findColumn(label));
  }

  @Override
  public Reader getNCharacterStream(String label) throws SQLException {
    return getNCharacterStream(findColumn(label));
  }

  @Override
  public String getNString(String label) throws SQLException {
    return getNString(findColumn(label));
  }

  // ---- state ----

  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    checkOpen();
    return metaData;
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    checkOpen();
    return warnings;
  }

  @Override
  public void clearWarnings() throws SQLException {
    checkOpen();
    warnings = null;
  }

  /**
   * False for a result without rows, as JDBC has it: before the first row, the batches up to the
   * first that has rows are fetched to know (next() would fetch them anyway).
   */
  @Override
  public boolean isBeforeFirst() throws SQLException {
    checkOpenAndNotFailed();
    if (rowNumber == 0 && !afterLast) {
      while (row + 1 >= rowsInBatch) {
        if (!nextBatch()) {
          finish();
          return false;
        }
      }
    }
    return rowNumber == 0 && !afterLast;
  }

  @Override
  public boolean isAfterLast() throws SQLException {
    checkOpen();
    return afterLast && rowNumber > 0;
  }

  @Override
  public boolean isFirst() throws SQLException {
    checkOpen();
    return rowNumber == 1 && !afterLast;
  }

  @Override
  public boolean isLast() throws SQLException {
    throw SqlErrors.unsupported("ResultSet.isLast on a streamed result (it would have to fetch ahead)");
  }

  @Override
  public int getRow() throws SQLException {
    checkOpen();
    return afterLast ? 0 : (int) Math.min(rowNumber, Integer.MAX_VALUE);
  }

  @Override
  public void setFetchDirection(int direction) throws SQLException {
    checkOpen();
    if (direction != FETCH_FORWARD) {
      throw SqlErrors.unsupported("A fetch direction other than FETCH_FORWARD");
    }
  }

  @Override
  public int getFetchDirection() throws SQLException {
    checkOpen();
    return FETCH_FORWARD;
  }

  /** A hint only: rows arrive in whole record batches whatever it says. */
  @Override
  public void setFetchSize(int rows) throws SQLException {
    checkOpen();
    if (rows < 0) {
      throw SqlErrors.of(SqlState.INVALID_PARAMETER, "The fetch size must be >= 0, got " + rows + ".");
    }
    fetchSize = rows;
  }

  @Override
  public int getFetchSize() throws SQLException {
    checkOpen();
    return fetchSize;
  }

  @Override
  public int getType() throws SQLException {
    checkOpen();
    return TYPE_FORWARD_ONLY;
  }

  @Override
  public int getConcurrency() throws SQLException {
    checkOpen();
    return CONCUR_READ_ONLY;
  }

  @Override
  public int getHoldability() throws SQLException {
    checkOpen();
    return CLOSE_CURSORS_AT_COMMIT;
  }

  @Override
  public Statement getStatement() throws SQLException {
    checkOpen();
    return statement;
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public String getQueryId() throws SQLException {
    checkOpen();
    return source.queryId();
  }

  /** Unwraps to itself and to its source of batches (a {@code ResultStream}, for its statistics). */
  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return iface.isInstance(source) ? iface.cast(source) : super.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(source) || super.isWrapperFor(iface);
  }
}
