package dev.lakeformation.jdbc.driver;

import dev.lakeformation.api.LakeFormationException;
import dev.lakeformation.api.LakeFormationQuery;
import dev.lakeformation.api.QueryListener;
import dev.lakeformation.api.SqlState;
import dev.lakeformation.core.aws.ClientIdentity;
import dev.lakeformation.core.config.ConnectionConfig;
import dev.lakeformation.core.config.ConnectionProperty;
import dev.lakeformation.core.query.Cancellation;
import dev.lakeformation.core.query.PlanningContext;
import dev.lakeformation.core.query.ServiceQuery;
import dev.lakeformation.core.query.ServiceSession;
import dev.lakeformation.jdbc.errors.SqlErrors;
import dev.lakeformation.jdbc.metadata.LfDatabaseMetaData;
import dev.lakeformation.jdbc.resultset.OpenResults;
import dev.lakeformation.jdbc.resultset.SelfWrapper;
import dev.lakeformation.jdbc.systemtable.SystemQueryParser;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.ClientInfoStatus;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.logging.Logger;

/**
 * A connection: a {@link ServiceSession} (the AWS clients, settings and Arrow memory of its
 * properties) and its open statements. Read-only and auto-commit; closing it closes every
 * statement and result under it.
 *
 * <p>Beyond JDBC, {@link #plan} and {@link #attach} hand out a query's work units for reading as
 * Arrow batches on many threads ({@code connection.unwrap(LfConnection.class).plan(sql)}).
 */
public final class LfConnection implements Connection, SelfWrapper {
  private static final Logger LOG = Logger.getLogger(LfConnection.class.getName());
  /** The Athena data catalog of Glue's tables, where the system schema is listed too. */
  static final String ATHENA_CATALOG = SystemQueryParser.CATALOG;
  private static final int RECENT_QUERIES_KEPT = 100;

  private final ConnectionConfig config;
  private final ServiceSession session;
  private final Set<LfStatement> statements = ConcurrentHashMap.newKeySet();
  /** Results of DatabaseMetaData, which have no statement to close them. */
  private final OpenResults metadataResults = new OpenResults();
  private final Deque<String> recentQueryIds = new ArrayDeque<>();
  private volatile LfDatabaseMetaData metaData;
  private volatile boolean closed;
  private String schema;
  /** What getWarnings reports; guarded by this. */
  private SQLWarning warnings;

  LfConnection(ConnectionConfig config) throws SQLException {
    this.config = config;
    try {
      this.session = ServiceSession.open(config);
    } catch (LakeFormationException e) {
      throw failedToConnect(config, e);
    }
    if (config.get(ConnectionProperty.VERIFY_CREDENTIALS)) {
      try {
        session.verifyCredentials(loginTimeout(config)); // so that a wrong key fails getConnection, not the first query
      } catch (LakeFormationException e) {
        session.close();
        throw failedToConnect(config, e);
      }
    }
    this.schema = session.planningContext().database();
    LOG.config(() -> "Connection opened: " + config.redactedUrl());
  }

  /** The failure of getConnection, in the log file too (LogLevel INFO), where a GUI user looks for it. */
  private static SQLException failedToConnect(ConnectionConfig config, LakeFormationException e) {
    LOG.config(() -> "Connection failed: " + config.redactedUrl() + ": " + e.sqlState() + " " + e.getMessage());
    return SqlErrors.of(e);
  }

  /** LoginTimeoutSeconds, or where it is 0 DriverManager's login timeout; null when neither is set. */
  private static Duration loginTimeout(ConnectionConfig config) {
    int seconds = config.get(ConnectionProperty.LOGIN_TIMEOUT_SECONDS);
    if (seconds == 0) {
      seconds = DriverManager.getLoginTimeout();
    }
    return seconds > 0 ? Duration.ofSeconds(seconds) : null;
  }

  ConnectionConfig config() {
    return config;
  }

  /** The query layer this connection stands on. */
  ServiceSession session() {
    return session;
  }

  /** What StartQueryPlanning gets besides the SQL: the current database and the connection's settings. */
  PlanningContext planningContext() {
    return session.planningContext().inDatabase(schema);
  }

  /**
   * Plans {@code sql} in this connection's current database and waits until it has work units:
   * a driver extension for reading the query's work units as Arrow batches, on many threads or
   * machines ({@link LakeFormationQuery#workUnits()}, {@link LakeFormationQuery#openWorkUnit}).
   */
  public LakeFormationQuery plan(String sql) throws SQLException {
    checkOpen();
    try {
      ServiceQuery query = session.plan(sql, planningContext(), Cancellation.none(), QueryListener.NONE);
      queryPlanned(query.queryId());
      return query;
    } catch (LakeFormationException e) {
      throw SqlErrors.of(e);
    }
  }

  /** A query planned elsewhere, by its ID: the driver extension of {@link #plan} for existing queries. */
  public LakeFormationQuery attach(String queryId) throws SQLException {
    checkOpen();
    try {
      return session.attach(queryId);
    } catch (LakeFormationException e) {
      throw SqlErrors.of(e);
    }
  }

  /** Arrow bytes held by the results of every connection in this JVM (0 once they are all closed). */
  public static long allocatedBytesOfAllConnections() {
    return ServiceSession.allocatedBytesOfAllSessions();
  }

  /** Arrow bytes held by this connection's results right now (0 once they are all closed). */
  public long allocatedBytes() {
    return session.allocatedBytes();
  }

  void statementClosed(LfStatement statement) {
    statements.remove(statement);
  }

  void checkOpen() throws SQLException {
    if (closed) {
      throw SqlErrors.of(SqlState.CONNECTION_FAILURE, "This connection is closed.");
    }
  }

  @Override
  public Statement createStatement() throws SQLException {
    checkOpen();
    LfStatement statement = new LfStatement(this);
    statements.add(statement);
    return statement;
  }

  @Override
  public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
    checkResultSetOptions(resultSetType, resultSetConcurrency, ResultSet.CLOSE_CURSORS_AT_COMMIT);
    return createStatement();
  }

  @Override
  public Statement createStatement(int resultSetType, int resultSetConcurrency, int holdability) throws SQLException {
    checkResultSetOptions(resultSetType, resultSetConcurrency, holdability);
    return createStatement();
  }

  @Override
  public PreparedStatement prepareStatement(String sql) throws SQLException {
    checkOpen();
    LfPreparedStatement statement = new LfPreparedStatement(this, sql);
    statements.add(statement);
    return statement;
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency)
      throws SQLException {
    checkResultSetOptions(resultSetType, resultSetConcurrency, ResultSet.CLOSE_CURSORS_AT_COMMIT);
    return prepareStatement(sql);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency,
      int holdability) throws SQLException {
    checkResultSetOptions(resultSetType, resultSetConcurrency, holdability);
    return prepareStatement(sql);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
    if (autoGeneratedKeys != Statement.NO_GENERATED_KEYS) {
      throw SqlErrors.readOnly("Generated keys");
    }
    return prepareStatement(sql);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
    throw SqlErrors.readOnly("Generated keys");
  }

  @Override
  public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
    throw SqlErrors.readOnly("Generated keys");
  }

  private void checkResultSetOptions(int type, int concurrency, int holdability) throws SQLException {
    checkOpen();
    if (type != ResultSet.TYPE_FORWARD_ONLY) {
      throw SqlErrors.unsupported("A scrollable result set (only TYPE_FORWARD_ONLY)");
    }
    if (concurrency != ResultSet.CONCUR_READ_ONLY) {
      throw SqlErrors.readOnly("An updatable result set");
    }
    if (holdability != ResultSet.CLOSE_CURSORS_AT_COMMIT && holdability != ResultSet.HOLD_CURSORS_OVER_COMMIT) {
      throw SqlErrors.of(SqlState.INVALID_PARAMETER, "Unknown holdability " + holdability + ".");
    }
  }

  @Override
  public CallableStatement prepareCall(String sql) throws SQLException {
    throw SqlErrors.unsupported("Stored procedures (prepareCall)");
  }

  @Override
  public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
    return prepareCall(sql);
  }

  @Override
  public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency, int holdability)
      throws SQLException {
    return prepareCall(sql);
  }

  @Override
  public String nativeSQL(String sql) throws SQLException {
    checkOpen();
    return sql;
  }

  /** Always auto-commit: there is nothing to commit. Turning it off is accepted and changes nothing. */
  @Override
  public void setAutoCommit(boolean autoCommit) throws SQLException {
    checkOpen();
  }

  @Override
  public boolean getAutoCommit() throws SQLException {
    checkOpen();
    return true;
  }

  /** Pools call commit and rollback on reset: they succeed, as there is never anything to undo. */
  @Override
  public void commit() throws SQLException {
    checkOpen();
  }

  @Override
  public void rollback() throws SQLException {
    checkOpen();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (LfStatement statement : statements) {
      statement.close();
    }
    statements.clear();
    metadataResults.closeAll();
    session.close();
    LOG.config(() -> "Connection closed: " + config.redactedUrl());
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public DatabaseMetaData getMetaData() throws SQLException {
    checkOpen();
    LfDatabaseMetaData metaData = this.metaData;
    if (metaData == null) {
      // One per connection, so that its cache of Athena listings serves every call of a GUI's burst.
      metaData = new LfDatabaseMetaData(this, session, metadataResults,
          Duration.ofSeconds(config.get(ConnectionProperty.METADATA_CACHE_SECONDS)), config.redactedUrl(),
          config.accessKeyId(), ATHENA_CATALOG);
      this.metaData = metaData;
    }
    return metaData;
  }

  /** Called by statements with the ID of each query they plan. */
  void queryPlanned(String queryId) {
    synchronized (recentQueryIds) {
      recentQueryIds.addFirst(queryId);
      while (recentQueryIds.size() > RECENT_QUERIES_KEPT) {
        recentQueryIds.removeLast();
      }
    }
  }

  /**
   * The IDs of the Lake Formation queries this connection's statements planned, newest first
   * (the last {@value #RECENT_QUERIES_KEPT}). A driver extension: reach it with
   * {@code connection.unwrap(LfConnection.class)}.
   */
  public List<String> recentQueryIds() {
    synchronized (recentQueryIds) {
      return List.copyOf(recentQueryIds);
    }
  }

  /**
   * Accepted and ignored, as JDBC allows for a hint: connection pools (HikariCP by default) set
   * {@code false} on every connection they hand out, and must not fail for it. The connection
   * stays read-only; every write is refused where it is attempted.
   */
  @Override
  public void setReadOnly(boolean readOnly) throws SQLException {
    checkOpen();
  }

  @Override
  public boolean isReadOnly() throws SQLException {
    checkOpen();
    return true;
  }

  @Override
  public void setCatalog(String catalog) throws SQLException {
    checkOpen(); // one catalog per connection (CatalogId); ignored, as JDBC allows
  }

  @Override
  public String getCatalog() throws SQLException {
    checkOpen();
    return ATHENA_CATALOG;
  }

  /**
   * Any of JDBC's levels is accepted, as JDBC lets a driver that cannot give one substitute
   * another: tools set a level on connecting (an older sqlline stops if that fails). There are no
   * transactions to isolate, so the level stays TRANSACTION_NONE, and a warning says so (once per
   * level until the warnings are cleared, so that a pool setting it on every checkout adds nothing).
   */
  @Override
  public void setTransactionIsolation(int level) throws SQLException {
    checkOpen();
    String name = switch (level) {
      case TRANSACTION_NONE -> null;
      case TRANSACTION_READ_UNCOMMITTED -> "TRANSACTION_READ_UNCOMMITTED";
      case TRANSACTION_READ_COMMITTED -> "TRANSACTION_READ_COMMITTED";
      case TRANSACTION_REPEATABLE_READ -> "TRANSACTION_REPEATABLE_READ";
      case TRANSACTION_SERIALIZABLE -> "TRANSACTION_SERIALIZABLE";
      default -> throw SqlErrors.of(SqlState.INVALID_PARAMETER, "Transaction isolation level " + level
          + " is not one of JDBC's (the TRANSACTION_ constants of java.sql.Connection).");
    };
    if (name != null) {
      warn("Transaction isolation level " + name + " is ignored: lakeformation-jdbc connections have no"
          + " transactions (they only read), so the level stays TRANSACTION_NONE.");
    }
  }

  /** Adds a warning to {@link #getWarnings}'s chain, unless the chain holds the same one already. */
  private synchronized void warn(String message) {
    for (SQLWarning w = warnings; w != null; w = w.getNextWarning()) {
      if (message.equals(w.getMessage())) {
        return;
      }
    }
    SQLWarning warning = new SQLWarning(message, SqlState.WARNING);
    if (warnings == null) {
      warnings = warning;
    } else {
      warnings.setNextWarning(warning);
    }
  }

  @Override
  public int getTransactionIsolation() throws SQLException {
    checkOpen();
    return TRANSACTION_NONE;
  }

  @Override
  public synchronized SQLWarning getWarnings() throws SQLException {
    checkOpen();
    return warnings;
  }

  @Override
  public synchronized void clearWarnings() throws SQLException {
    checkOpen();
    warnings = null;
  }

  @Override
  public Map<String, Class<?>> getTypeMap() throws SQLException {
    checkOpen();
    return Map.of();
  }

  @Override
  public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
    throw SqlErrors.unsupported("Custom type maps");
  }

  @Override
  public void setHoldability(int holdability) throws SQLException {
    checkOpen();
  }

  @Override
  public int getHoldability() throws SQLException {
    checkOpen();
    return ResultSet.CLOSE_CURSORS_AT_COMMIT;
  }

  @Override
  public Savepoint setSavepoint() throws SQLException {
    throw SqlErrors.readOnly("Savepoints");
  }

  @Override
  public Savepoint setSavepoint(String name) throws SQLException {
    throw SqlErrors.readOnly("Savepoints");
  }

  @Override
  public void rollback(Savepoint savepoint) throws SQLException {
    throw SqlErrors.readOnly("Savepoints");
  }

  @Override
  public void releaseSavepoint(Savepoint savepoint) throws SQLException {
    throw SqlErrors.readOnly("Savepoints");
  }

  @Override
  public Clob createClob() throws SQLException {
    throw SqlErrors.readOnly("createClob");
  }

  @Override
  public Blob createBlob() throws SQLException {
    throw SqlErrors.readOnly("createBlob");
  }

  @Override
  public NClob createNClob() throws SQLException {
    throw SqlErrors.readOnly("createNClob");
  }

  @Override
  public SQLXML createSQLXML() throws SQLException {
    throw SqlErrors.readOnly("createSQLXML");
  }

  /**
   * Valid while open and the service answers its signed requests: one small call (GetQueryState
   * of a query ID no query has), cut off after {@code timeout} seconds (0: the connection's HTTP
   * timeouts only). False for a dead endpoint or refused (revoked, expired) credentials. It is
   * not cached, so a pool's check always tells the current state; its cost is one round trip on
   * a kept-alive HTTP connection.
   */
  @Override
  public boolean isValid(int timeout) throws SQLException {
    if (timeout < 0) {
      throw SqlErrors.of(SqlState.INVALID_PARAMETER, "The timeout must be >= 0, got " + timeout + ".");
    }
    return !closed && session.isServiceAvailable(timeout == 0 ? null : Duration.ofSeconds(timeout));
  }

  /**
   * ApplicationName and ClientTag (the names JDBC tools use, as the connection properties of the
   * same names): they end the user agent of this connection's AWS calls from the next one on, so
   * that CloudTrail tells the applications apart. A null or blank value removes one.
   */
  @Override
  public void setClientInfo(String name, String value) throws SQLClientInfoException {
    ClientIdentity identity = clientIdentity(Map.of(String.valueOf(name), ClientInfoStatus.REASON_UNKNOWN));
    if (clientInfoProperty(name) == ConnectionProperty.APPLICATION_NAME) {
      identity.applicationName(value);
    } else {
      identity.clientTag(value);
    }
  }

  @Override
  public void setClientInfo(Properties properties) throws SQLClientInfoException {
    Map<String, ClientInfoStatus> unknown = new LinkedHashMap<>();
    for (String name : properties.stringPropertyNames()) {
      if (findClientInfoProperty(name) == null) {
        unknown.put(name, ClientInfoStatus.REASON_UNKNOWN_PROPERTY);
      }
    }
    if (!unknown.isEmpty()) {
      throw unknownClientInfo(unknown); // none is set, as JDBC asks when one cannot be
    }
    for (ConnectionProperty<String> property : ConnectionProperty.CLIENT_INFO) {
      setClientInfo(property.name(), properties.getProperty(property.name()));
    }
  }

  @Override
  public String getClientInfo(String name) throws SQLException {
    checkOpen();
    ClientIdentity identity = session.aws().identity();
    return clientInfoProperty(name) == ConnectionProperty.APPLICATION_NAME ? identity.applicationName()
        : identity.clientTag();
  }

  @Override
  public Properties getClientInfo() throws SQLException {
    checkOpen();
    Properties info = new Properties();
    for (ConnectionProperty<String> property : ConnectionProperty.CLIENT_INFO) {
      String value = getClientInfo(property.name());
      if (value != null) {
        info.setProperty(property.name(), value);
      }
    }
    return info;
  }

  private ClientIdentity clientIdentity(Map<String, ClientInfoStatus> failed) throws SQLClientInfoException {
    if (closed) {
      throw new SQLClientInfoException("This connection is closed.", SqlState.OBJECT_CLOSED, 0, failed);
    }
    return session.aws().identity();
  }

  private static ConnectionProperty<String> clientInfoProperty(String name) throws SQLClientInfoException {
    ConnectionProperty<String> property = findClientInfoProperty(name);
    if (property == null) {
      throw unknownClientInfo(Map.of(String.valueOf(name), ClientInfoStatus.REASON_UNKNOWN_PROPERTY));
    }
    return property;
  }

  private static ConnectionProperty<String> findClientInfoProperty(String name) {
    return ConnectionProperty.CLIENT_INFO.stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst().orElse(null);
  }

  private static SQLClientInfoException unknownClientInfo(Map<String, ClientInfoStatus> failed) {
    return new SQLClientInfoException("Unknown client info " + failed.keySet() + "; the driver knows "
        + ConnectionProperty.CLIENT_INFO.stream().map(ConnectionProperty::name).toList() + ".",
        SqlState.INVALID_PARAMETER, 0, failed);
  }

  @Override
  public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
    throw SqlErrors.unsupported("createArrayOf");
  }

  @Override
  public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
    throw SqlErrors.unsupported("createStruct");
  }

  /** The database queries are planned in (QueryPlanningContext.DatabaseName). */
  @Override
  public void setSchema(String schema) throws SQLException {
    checkOpen();
    if (schema == null || schema.isBlank()) {
      throw SqlErrors.of(SqlState.INVALID_PARAMETER, "The schema (database) name must not be empty.");
    }
    this.schema = schema;
  }

  @Override
  public String getSchema() throws SQLException {
    checkOpen();
    return schema;
  }

  @Override
  public void abort(Executor executor) throws SQLException {
    if (executor == null) {
      throw SqlErrors.of(SqlState.INVALID_PARAMETER, "abort needs an executor.");
    }
    executor.execute(this::close);
  }

  @Override
  public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
    checkOpen();
    if (milliseconds < 0) {
      throw SqlErrors.of(SqlState.INVALID_PARAMETER, "The network timeout must be 0 (none) or a number of"
          + " milliseconds, not " + milliseconds + ".");
    }
    if (executor == null) {
      throw SqlErrors.of(SqlState.INVALID_PARAMETER, "setNetworkTimeout needs an executor (it closes the"
          + " connection there when a call waits longer).");
    }
    session.aws().setNetworkTimeout(milliseconds, () -> executor.execute(this::close));
  }

  @Override
  public int getNetworkTimeout() throws SQLException {
    checkOpen();
    return session.aws().networkTimeoutMillis();
  }

  @Override
  public String toString() {
    return "LfConnection[" + config.redactedUrl() + (closed ? ", closed" : "") + "]";
  }
}
