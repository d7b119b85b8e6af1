package dev.lakeformation.jdbc.driver;

import dev.lakeformation.api.LakeFormationException;
import dev.lakeformation.api.QueryListener;
import dev.lakeformation.api.SqlState;
import dev.lakeformation.core.config.ConnectionProperty;
import dev.lakeformation.core.query.Cancellation;
import dev.lakeformation.core.query.ResultStream;
import dev.lakeformation.core.query.ServiceQuery;
import dev.lakeformation.core.query.ServiceSession;
import dev.lakeformation.jdbc.errors.SqlErrors;
import dev.lakeformation.jdbc.resultset.ArrowResultSet;
import dev.lakeformation.jdbc.resultset.SelfWrapper;
import dev.lakeformation.jdbc.systemtable.SystemQueryParser;
import dev.lakeformation.jdbc.systemtable.SystemStatement;
import dev.lakeformation.jdbc.systemtable.SystemTableContext;
import dev.lakeformation.jdbc.systemtable.SystemTables;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.logging.Logger;

/**
 * A statement: plans its SQL through the connection's {@link ServiceSession} (or attaches to the
 * connection's QueryId, or to the query a {@code system.query_results} SELECT names) and returns
 * the rows of every work unit as one result set. One open result at a time.
 *
 * <p>A driver extension: {@link #setQueryListener} is told the progress of each execution
 * ({@code statement.unwrap(LfStatement.class)}).
 */
public class LfStatement implements Statement, SelfWrapper {
  private static final Logger LOG = Logger.getLogger(LfStatement.class.getName());
  protected final LfConnection connection;
  private volatile Cancellation cancellation;
  private volatile QueryListener listener = QueryListener.NONE;
  /** The query the last execute planned or attached to, or null. */
  private volatile String lastQueryId;
  private ArrowResultSet result;
  private boolean closed;
  private int queryTimeoutSeconds;
  private long maxRows;
  private int fetchSize;
  private boolean closeOnCompletion;

  LfStatement(LfConnection connection) {
    this.connection = connection;
  }

  void checkOpen() throws SQLException {
    if (closed) {
      throw SqlErrors.closed("statement");
    }
    connection.checkOpen();
  }

  /**
   * Tells {@code queryListener} what the next executions do (planning, work units listed and
   * read, rows, bytes, retries), from the statement's and the fetch threads; see {@link QueryListener}.
   */
  public void setQueryListener(QueryListener queryListener) throws SQLException {
    checkOpen();
    this.listener = queryListener == null ? QueryListener.NONE : queryListener;
  }

  /**
   * The ID of the Lake Formation query this statement's last execute planned or attached to, also
   * when it failed after planning started: what support cases, CloudTrail and Athena's console
   * search by. Null before the first execute, and after a query of the system tables other than
   * {@code system.query_results} (which gives the ID it reads).
   */
  public String getQueryId() throws SQLException {
    checkOpen();
    return lastQueryId;
  }

  @Override
  public ResultSet executeQuery(String sql) throws SQLException {
    checkOpen();
    closeResult();
    if (sql == null || sql.isBlank()) {
      throw SqlErrors.of(SqlState.SYNTAX_OR_ACCESS, "The SQL text is empty.");
    }
    SystemStatement system = SystemQueryParser.parse(sql);
    String queryId = connection.config().get(ConnectionProperty.QUERY_ID);
    long rowLimit = maxRows == 0 ? Long.MAX_VALUE : maxRows;
    Cancellation run = new Cancellation(queryTimeoutSeconds);
    cancellation = run;
    ServiceSession session = connection.session();
    lastQueryId = null;
    if (system instanceof SystemStatement.Select select) {
      SystemTableContext context = new SystemTableContext(session,
          connection.config().get(ConnectionProperty.WORK_GROUP), run);
      result = SystemTables.run(select, context, session.allocator(), this, rowLimit, this::resultClosed);
      return result;
    }
    if (system instanceof SystemStatement.QueryResults read) {
      queryId = read.queryId();
      if (read.limit() >= 0) {
        rowLimit = Math.min(rowLimit, read.limit());
      }
    }
    try {
      ServiceQuery query;
      if (queryId == null) {
        // Recorded when planning starts, so that a query that then fails still has its ID here.
        QueryListener recordId = new QueryListener() {
          @Override
          public void planned(String planned) {
            lastQueryId = planned;
            LOG.config(() -> "Query " + planned + " planned");
          }
        };
        LOG.finest(() -> "Planning: " + sql);
        query = session.plan(sql, connection.planningContext(), run, QueryListener.both(recordId, listener));
        connection.queryPlanned(query.queryId());
      } else {
        lastQueryId = queryId;
        String attached = queryId;
        LOG.config(() -> "Reading query " + attached + " by its ID");
        query = session.attach(queryId, run, listener);
      }
      ResultStream stream = query.stream();
      result = new ArrowResultSet(stream, this, rowLimit, this::resultClosed);
    } catch (LakeFormationException e) {
      String failed = lastQueryId;
      LOG.config(() -> (failed == null ? "A query" : "Query " + failed) + " failed: " + e.sqlState() + " "
          + e.getMessage());
      throw SqlErrors.of(e);
    }
    if (fetchSize > 0) {
      result.setFetchSize(fetchSize);
    }
    return result;
  }

  @Override
  public boolean execute(String sql) throws SQLException {
    executeQuery(sql);
    return true;
  }

  @Override
  public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
    if (autoGeneratedKeys != NO_GENERATED_KEYS) {
      throw SqlErrors.readOnly("Generated keys");
    }
    return execute(sql);
  }

  @Override
  public boolean execute(String sql, int[] columnIndexes) throws SQLException {
    throw SqlErrors.readOnly("Generated keys");
  }

  @Override
  public boolean execute(String sql, String[] columnNames) throws SQLException {
    throw SqlErrors.readOnly("Generated keys");
  }

  @Override
  public int executeUpdate(String sql) throws SQLException {
    throw SqlErrors.readOnly("executeUpdate");
  }

  @Override
  public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
    throw SqlErrors.readOnly("executeUpdate");
  }

  @Override
  public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
    throw SqlErrors.readOnly("executeUpdate");
  }

  @Override
  public int executeUpdate(String sql, String[] columnNames) throws SQLException {
    throw SqlErrors.readOnly("executeUpdate");
  }

  @Override
  public void addBatch(String sql) throws SQLException {
    throw SqlErrors.readOnly("Batch updates");
  }

  @Override
  public void clearBatch() throws SQLException {
    throw SqlErrors.readOnly("Batch updates");
  }

  @Override
  public int[] executeBatch() throws SQLException {
    throw SqlErrors.readOnly("Batch updates");
  }

  /**
   * Stops the running query from any thread: waits end at once, in-flight bodies are aborted
   * and the fetch threads stop; the reader gets an SQLException with SQLState HY008, and the
   * buffers are freed when it closes the result.
   */
  @Override
  public void cancel() throws SQLException {
    checkOpen();
    Cancellation run = cancellation;
    if (run != null) {
      run.cancel("Statement.cancel()");
    }
  }

  /** Called when this statement's result closes: ends the statement under closeOnCompletion. */
  private void resultClosed() {
    if (closeOnCompletion) {
      close();
    }
  }

  private void closeResult() {
    if (result != null) {
      result.close();
      result = null;
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    closeResult();
    connection.statementClosed(this);
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public ResultSet getResultSet() throws SQLException {
    checkOpen();
    return result;
  }

  @Override
  public int getUpdateCount() throws SQLException {
    checkOpen();
    return -1;
  }

  @Override
  public boolean getMoreResults() throws SQLException {
    checkOpen();
    closeResult();
    return false;
  }

  @Override
  public boolean getMoreResults(int current) throws SQLException {
    return getMoreResults();
  }

  @Override
  public ResultSet getGeneratedKeys() throws SQLException {
    throw SqlErrors.readOnly("Generated keys");
  }

  @Override
  public int getMaxFieldSize() throws SQLException {
    checkOpen();
    return 0;
  }

  @Override
  public void setMaxFieldSize(int max) throws SQLException {
    checkOpen();
    if (max < 0) {
      throw SqlErrors.of(SqlState.INVALID_PARAMETER, "The maximum field size must be >= 0, got " + max + ".");
    }
  }

  @Override
  public int getMaxRows() throws SQLException {
    checkOpen();
    return (int) Math.min(maxRows, Integer.MAX_VALUE);
  }

  @Override
  public void setMaxRows(int max) throws SQLException {
    setLargeMaxRows(max);
  }

  @Override
  public long getLargeMaxRows() throws SQLException {
    checkOpen();
    return maxRows;
  }

  @Override
  public void setLargeMaxRows(long max) throws SQLException {
    checkOpen();
    if (max < 0) {
      throw SqlErrors.of(SqlState.INVALID_PARAMETER, "The maximum row count must be >= 0, got " + max + ".");
    }
    maxRows = max;
  }

  @Override
  public void setEscapeProcessing(boolean enable) throws SQLException {
    checkOpen();
  }

  @Override
  public int getQueryTimeout() throws SQLException {
    checkOpen();
    return queryTimeoutSeconds;
  }

  @Override
  public void setQueryTimeout(int seconds) throws SQLException {
    checkOpen();
    if (seconds < 0) {
      throw SqlErrors.of(SqlState.INVALID_PARAMETER, "The query timeout must be >= 0 seconds, got " + seconds + ".");
    }
    queryTimeoutSeconds = seconds;
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    checkOpen();
    return null;
  }

  @Override
  public void clearWarnings() throws SQLException {
    checkOpen();
  }

  @Override
  public void setCursorName(String name) throws SQLException {
    throw SqlErrors.unsupported("Named cursors");
  }

  @Override
  public void setFetchDirection(int direction) throws SQLException {
    checkOpen();
    if (direction != ResultSet.FETCH_FORWARD) {
      throw SqlErrors.unsupported("A fetch direction other than FETCH_FORWARD");
    }
  }

  @Override
  public int getFetchDirection() throws SQLException {
    checkOpen();
    return ResultSet.FETCH_FORWARD;
  }

  /** A hint only: rows arrive in whole record batches. */
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
  public int getResultSetConcurrency() throws SQLException {
    checkOpen();
    return ResultSet.CONCUR_READ_ONLY;
  }

  @Override
  public int getResultSetType() throws SQLException {
    checkOpen();
    return ResultSet.TYPE_FORWARD_ONLY;
  }

  @Override
  public int getResultSetHoldability() throws SQLException {
    checkOpen();
    return ResultSet.CLOSE_CURSORS_AT_COMMIT;
  }

  @Override
  public Connection getConnection() throws SQLException {
    checkOpen();
    return connection;
  }

  @Override
  public void setPoolable(boolean poolable) throws SQLException {
    checkOpen();
  }

  @Override
  public boolean isPoolable() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public void closeOnCompletion() throws SQLException {
    checkOpen();
    closeOnCompletion = true;
  }

  @Override
  public boolean isCloseOnCompletion() throws SQLException {
    checkOpen();
    return closeOnCompletion;
  }

}
