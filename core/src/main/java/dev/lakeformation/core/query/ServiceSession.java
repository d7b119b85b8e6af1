package dev.lakeformation.core.query;

import dev.lakeformation.api.LakeFormationException;
import dev.lakeformation.api.QueryListener;
import dev.lakeformation.api.QuerySession;
import dev.lakeformation.api.SqlState;
import dev.lakeformation.api.WorkUnit;
import dev.lakeformation.core.arrow.RootAllocators;
import dev.lakeformation.core.aws.AwsClients;
import dev.lakeformation.core.config.ConnectionConfig;
import dev.lakeformation.core.config.ConnectionProperty;
import java.time.Duration;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * The query layer's session: the AWS clients, settings and Arrow memory of one set of connection
 * properties, and the queries planned or attached through them. A JDBC connection holds one, a
 * Spark executor shares one per set of properties, and {@link QuerySession#open} hands one to
 * programs that use the Arrow API; this class adds what the driver's own layers need (the
 * planning context, cancellation, the clients for metadata and system tables).
 *
 * <p>Thread-safe. Closing it closes its AWS clients and checks that every Arrow buffer of its
 * own allocator was returned (results read through it must be closed first).
 */
public final class ServiceSession implements QuerySession {
  /** All Arrow memory of the driver's own results descends from here; each session has a child. */
  private static final RootAllocator ROOT = RootAllocators.create();
  private static final Logger LOG = Logger.getLogger(ServiceSession.class.getName());
  /** The database Local=true plans in when the properties name none: its TPC-H sample data. */
  private static final String EMBEDDED_DEFAULT_DATABASE = "tpch";

  private final ConnectionConfig config;
  private final AwsClients aws;
  private final FetchSettings fetchSettings;
  private final RetryPolicy retryPolicy;
  private final BufferAllocator allocator;
  private final UnitBodies bodies;
  private volatile boolean closed;

  private ServiceSession(ConnectionConfig config, AwsClients aws) {
    this.config = config;
    this.aws = aws;
    this.fetchSettings = FetchSettings.of(config);
    this.retryPolicy = new RetryPolicy(fetchSettings.maxRetries());
    this.allocator = ROOT.newChildAllocator("session", 0, Long.MAX_VALUE);
    this.bodies = new ServiceUnitBodies(aws.lakeFormation(), retryPolicy);
  }

  /** A session from a driver URL and properties, exactly as {@code DriverManager.getConnection} takes them. */
  public static ServiceSession open(String url, Properties info) throws LakeFormationException {
    return open(ConnectionConfig.parse(url, info));
  }

  public static ServiceSession open(ConnectionConfig config) throws LakeFormationException {
    return new ServiceSession(config, AwsClients.open(config));
  }

  public ConnectionConfig config() {
    return config;
  }

  /** The AWS clients, for the Athena calls of metadata and system tables. */
  public AwsClients aws() {
    return aws;
  }

  public FetchSettings fetchSettings() {
    return fetchSettings;
  }

  /** The one retry policy of every call made through this session. */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /** The session's Arrow memory, parent of every result stream's. */
  public BufferAllocator allocator() {
    return allocator;
  }

  /**
   * Checks the session's credentials with one cheap call (STS GetCallerIdentity) and returns the
   * caller's ARN: wrong or missing credentials fail here (28000) rather than at the first query;
   * a check that takes longer than {@code timeout} (null: only the HTTP timeouts and retries bound
   * it) fails with HYT00.
   */
  public String verifyCredentials(Duration timeout) throws LakeFormationException {
    checkOpen();
    return aws.verifyCredentials(timeout);
  }


  /**
   * Whether the service answers this session's signed requests now, within {@code timeout}
   * (null: only the HTTP timeouts bound the call): false when closed, when the endpoint cannot
   * be reached in time, or when the credentials are refused (revoked or expired keys).
   */
  public boolean isServiceAvailable(Duration timeout) {
    return !closed && aws.isAvailable(timeout);
  }

  /** The planning context the properties give: Database (or Local's sample data), CatalogId, TransactionId, QueryAsOfTime. */
  public PlanningContext planningContext() {
    String database = !config.isSet(ConnectionProperty.DATABASE) && aws.isEmbedded()
        ? EMBEDDED_DEFAULT_DATABASE : config.get(ConnectionProperty.DATABASE);
    return new PlanningContext(database, config.get(ConnectionProperty.CATALOG_ID),
        config.get(ConnectionProperty.TRANSACTION_ID), config.get(ConnectionProperty.QUERY_AS_OF_TIME));
  }

  @Override
  public ServiceQuery plan(String sql) throws LakeFormationException {
    return plan(sql, QueryListener.NONE);
  }

  @Override
  public ServiceQuery plan(String sql, QueryListener listener) throws LakeFormationException {
    return plan(sql, planningContext(), Cancellation.none(), listener);
  }

  /**
   * Plans {@code sql} (StartQueryPlanning) and waits, polling GetQueryState, until the service has
   * work units for it; a query that fails or expires in planning throws. Cancelling
   * {@code cancellation} later stops the query on the service too.
   */
  public ServiceQuery plan(String sql, PlanningContext context, Cancellation cancellation,
      QueryListener listener) throws LakeFormationException {
    checkOpen();
    if (sql == null || sql.isBlank()) {
      throw new LakeFormationException(SqlState.SYNTAX_OR_ACCESS, "The SQL text is empty.");
    }
    QueryPlanner planner = new QueryPlanner(aws.lakeFormation(), fetchSettings, retryPolicy);
    String queryId = planner.start(sql, context, cancellation, listener);
    listener.planned(queryId);
    cancellation.onCancel(() -> stopOnService(queryId));
    planner.awaitWorkUnits(queryId, cancellation, listener);
    return new ServiceQuery(this, queryId, cancellation, listener);
  }

  @Override
  public ServiceQuery attach(String queryId) throws LakeFormationException {
    return attach(queryId, QueryListener.NONE);
  }

  @Override
  public ServiceQuery attach(String queryId, QueryListener listener) throws LakeFormationException {
    return attach(queryId, Cancellation.none(), listener);
  }

  public ServiceQuery attach(String queryId, Cancellation cancellation, QueryListener listener)
      throws LakeFormationException {
    checkOpen();
    if (queryId == null || queryId.length() != 36) {
      throw new LakeFormationException(SqlState.INVALID_PARAMETER, "'" + queryId
          + "' is not a Lake Formation query ID; a query ID is exactly 36 characters.");
    }
    return new ServiceQuery(this, queryId, cancellation, listener);
  }

  @Override
  public ArrowReader openWorkUnit(WorkUnit unit, BufferAllocator allocator) throws LakeFormationException {
    return openWorkUnit(unit, allocator, Cancellation.none(), QueryListener.NONE);
  }

  ArrowReader openWorkUnit(WorkUnit unit, BufferAllocator allocator, Cancellation cancellation,
      QueryListener listener) throws LakeFormationException {
    checkOpen();
    return new WorkUnitArrowReader(new WorkUnitReader(bodies, unit, allocator, retryPolicy, cancellation, listener),
        unit, listener, allocator);
  }

  /**
   * Asks the service to stop a query this session planned, when its work is cancelled: Athena's
   * StopQueryExecution, since Athena executes Lake Formation's queries under the same ID (Lake
   * Formation's query API has no call of its own to stop one). Best effort, off the caller's
   * thread: a query that has ended, or a session closed meanwhile, makes it fail harmlessly.
   */
  private void stopOnService(String queryId) {
    FetchThreads.shared().execute(() -> {
      try {
        aws.athena().stopQueryExecution(r -> r.queryExecutionId(queryId));
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, e, () -> "stopping query " + queryId + " on the service failed");
      }
    });
  }

  UnitBodies bodies() {
    return bodies;
  }

  void checkOpen() throws LakeFormationException {
    if (closed) {
      throw new LakeFormationException(SqlState.CONNECTION_FAILURE, "This session (connection) is closed.");
    }
  }

  /** Arrow bytes held by this session's results right now (0 once they are all closed). */
  public long allocatedBytes() {
    return allocator.getAllocatedMemory();
  }

  /** Arrow bytes held by the results of every session in this JVM (0 once they are all closed). */
  public static long allocatedBytesOfAllSessions() {
    return ROOT.getAllocatedMemory();
  }

  /** The most Arrow bytes the results of every session held at one time since this JVM started. */
  public static long peakAllocatedBytesOfAllSessions() {
    return ROOT.getPeakMemoryAllocation();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    aws.close();
    RootAllocators.close(allocator, "a session");
  }

  @Override
  public String toString() {
    return "ServiceSession[" + config.redactedUrl() + (closed ? ", closed" : "") + "]";
  }
}
