package dev.lakeformation.local;

import dev.lakeformation.core.arrow.compression.IpcCompression;
import dev.lakeformation.local.athena.AthenaApi;
import dev.lakeformation.local.data.SampleData;
import dev.lakeformation.local.faults.Faults;
import dev.lakeformation.local.http.HttpFront;
import dev.lakeformation.local.http.SigV4Verifier;
import dev.lakeformation.local.http.TlsIdentity;
import dev.lakeformation.local.protocol.Caller;
import dev.lakeformation.local.queries.LakeFormationApi;
import dev.lakeformation.local.queries.QueryRegistry;
import dev.lakeformation.local.queries.QuerySettings;
import dev.lakeformation.local.sql.H2Backend;
import dev.lakeformation.local.sts.IssuedCredentials;
import dev.lakeformation.local.sts.SsoPortal;
import dev.lakeformation.local.sts.StsApi;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * LakeFormation Local: the Lake Formation query APIs and the Athena APIs the driver uses,
 * served over HTTP on 127.0.0.1 from an in-memory H2 database with sample data, and the STS
 * operations that check and exchange credentials (GetCallerIdentity, AssumeRole,
 * AssumeRoleWithWebIdentity) on the same endpoint. For trying the driver without an AWS account,
 * and for the tests of applications that call Lake Formation or Athena, through the driver or
 * through their own AWS SDK clients:
 *
 * <pre>{@code
 * try (LakeFormationLocal local = LakeFormationLocal.start()) {
 *   local.execute("sales", "CREATE TABLE orders (id BIGINT, total DECIMAL(12,2)); INSERT INTO orders VALUES (1, 9.50)");
 *   try (Connection c = DriverManager.getConnection(local.jdbcUrl("sales"))) { … }
 *   // or an SDK client: endpointOverride(local.endpoint()), local.region(), local.accessKeyId()…
 * }
 * }</pre>
 *
 * <p>In JUnit 5 tests, {@link dev.lakeformation.local.junit.LakeFormationLocalTest} starts and
 * stops one per test class.
 */
public final class LakeFormationLocal implements AutoCloseable {
  /** The access key ID the service accepts unless told otherwise. */
  public static final String DEFAULT_ACCESS_KEY_ID = "AKIALAKEFORMATIONLOCAL";
  /** The secret key that goes with {@link #DEFAULT_ACCESS_KEY_ID}; it guards only loopback. */
  public static final String DEFAULT_SECRET_ACCESS_KEY = "lakeformation-local-secret";
  /** The account of the service's user and of every role assumed through it. */
  public static final String ACCOUNT_ID = "123456789012";
  /** The region clients sign for; LakeFormation Local serves every region the same way. */
  public static final String REGION = "us-east-1";
  /** The IAM user that the service's own access key belongs to, as GetCallerIdentity names it. */
  public static final String USER_ARN = "arn:aws:iam::" + ACCOUNT_ID + ":user/lakeformation-local";

  private final LocalConfig config;
  private final Faults faults;
  private final H2Backend h2;
  private final QueryRegistry queries;
  private final IssuedCredentials issuedCredentials;
  private final HttpFront front;
  private final TlsIdentity tls;
  private final Path certificateFile;
  private volatile boolean closed;

  private LakeFormationLocal(LocalConfig config) throws IOException, SQLException {
    this.config = config;
    this.faults = new Faults(config.faultSeed());
    Clock clock = Clock.systemUTC();
    H2Backend backend = new H2Backend();
    try {
      if (config.sampleData()) {
        SampleData.load(backend.keeper(), config.tpchScaleFactor());
      }
      this.queries = new QueryRegistry(backend, config.queries(), faults, clock);
      this.issuedCredentials = new IssuedCredentials(clock, config.temporaryCredentialsMaxLifetime());
      Caller owner = new Caller(config.accessKeyId(), USER_ARN, "AIDA" + ACCOUNT_ID + "LOCAL", ACCOUNT_ID);
      this.tls = config.tlsHostNames() == null ? null : TlsIdentity.create(config.tlsHostNames());
      this.certificateFile = tls == null ? null : Files.createTempFile("lakeformation-local-", ".pem");
      if (tls != null) {
        tls.writeCertificate(certificateFile);
      }
      this.front = new HttpFront(config.port(), config.serverThreads(),
          new LakeFormationApi(queries, config.queries(), faults, clock),
          new AthenaApi(queries, backend, clock.instant()),
          new StsApi(issuedCredentials),
          new SsoPortal(issuedCredentials),
          new SigV4Verifier(owner, config.secretAccessKey(), issuedCredentials, config.verifySignatures()),
          faults, tls);
    } catch (IOException | SQLException | RuntimeException e) {
      backend.close();
      throw e;
    }
    this.h2 = backend;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Starts LakeFormation Local with every setting at its default: a free port, the sample databases, the default keys. */
  public static LakeFormationLocal start() throws IOException, SQLException {
    return builder().start();
  }

  /**
   * {@code http://127.0.0.1:<port>} ({@code https://} when it serves TLS), to give the SDK or the
   * driver as their endpoint.
   */
  public URI endpoint() {
    return URI.create((tls == null ? "http" : "https") + "://127.0.0.1:" + front.port());
  }

  /** The port it listens on, on 127.0.0.1. */
  public int port() {
    return front.port();
  }

  /**
   * The PEM text of the certificate it serves HTTPS with (see {@link Builder#tls}).
   *
   * @throws IllegalStateException when it serves plain HTTP
   */
  public String certificatePem() {
    certificateFile();
    return tls.certificatePem();
  }

  /**
   * The PEM file of the certificate it serves HTTPS with (see {@link Builder#tls}), for the
   * driver's TrustStore or an SDK client's trust managers; deleted on {@link #close()}.
   *
   * @throws IllegalStateException when it serves plain HTTP
   */
  public Path certificateFile() {
    if (certificateFile == null) {
      throw new IllegalStateException("This LakeFormation Local serves plain HTTP: start it with tls(true).");
    }
    return certificateFile;
  }

  /** The access key ID the service accepts, for the driver or an AWS SDK client. */
  public String accessKeyId() {
    return config.accessKeyId();
  }

  /** The secret key of {@link #accessKeyId()}. */
  public String secretAccessKey() {
    return config.secretAccessKey();
  }

  /** The region to give clients ({@value #REGION}). */
  public String region() {
    return REGION;
  }

  /**
   * A driver URL for {@code database} on this service, with its endpoint and keys: for
   * {@code DriverManager.getConnection}, a DataSource or a pool.
   */
  public String jdbcUrl(String database) {
    return "jdbc:lakeformation://Endpoint=" + endpoint() + ";Region=" + REGION + ";AccessKeyId=" + accessKeyId()
        + ";SecretAccessKey=" + secretAccessKey() + ";Database=" + DatabaseNames.check(database)
        + (tls == null ? "" : ";TrustStore={" + certificateFile + "}");
  }

  /**
   * Runs {@code sql} in {@code database}, which is created first when it does not exist: how a test
   * loads tables of its own. The SQL is H2's ({@code CREATE TABLE}, {@code INSERT}, several
   * statements separated by semicolons); names are folded to lower case, as Glue stores them, and
   * every H2 type the service maps can be used (see docs/local-service.md).
   */
  public void execute(String database, String sql) throws SQLException {
    try (Connection connection = h2.open(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA IF NOT EXISTS " + DatabaseNames.check(database));
      connection.setSchema(database.toLowerCase(Locale.ROOT));
      statement.execute(sql);
    }
  }

  /**
   * Appends the rows of a CSV file (UTF-8, comma-separated, with a header line) to {@code table} of
   * {@code database}, which must exist ({@link #execute}): the file's columns in the table's order,
   * each value converted to its column's type, an empty field as NULL. Returns the rows added.
   */
  public long loadCsv(String database, String table, Path csv) throws SQLException {
    if (!Files.isReadable(csv)) {
      throw new SQLException("Cannot read the CSV file " + csv);
    }
    String target = DatabaseNames.check(database) + "." + DatabaseNames.check(table);
    // CSVREAD is a table function, read when the statement is prepared: the path is a literal.
    String path = csv.toAbsolutePath().toString().replace("'", "''");
    try (Connection connection = h2.open(); Statement insert = connection.createStatement()) {
      return insert.executeLargeUpdate("INSERT INTO " + target + " SELECT * FROM CSVREAD('" + path
          + "', NULL, 'charset=UTF-8')");
    }
  }

  /**
   * The faults to inject; changes take effect on the next request, but for the "not ready"
   * answers and the planning delay, which a query takes when it is planned.
   */
  public Faults faults() {
    return faults;
  }

  /** A connection straight to the H2 database behind the service (the caller closes it). */
  public Connection openH2() throws SQLException {
    return h2.open();
  }

  /**
   * Serves {@code unitStreams} as the work units of a new, already planned query and returns its
   * ID: how tests show the driver Arrow data that H2 cannot produce (unsigned integers, maps,
   * dictionaries…) or bytes no honest producer would send. Each element is one unit's body, an
   * Arrow IPC stream, served exactly as given.
   */
  public String publishQuery(String description, List<byte[]> unitStreams) {
    return queries.publish(description, List.copyOf(unitStreams)).id;
  }

  /**
   * The distinct user agents requests of {@code operation} (StartQueryPlanning, GetQueryExecution,
   * GetCallerIdentity…) came with so far, the first hundred: the driver's end with
   * {@code lakeformation-jdbc/VERSION} and its connection's {@code app/NAME} and {@code tag/TAG}.
   */
  public Set<String> userAgents(String operation) {
    return front.userAgents(operation);
  }

  /**
   * The distinct Host headers requests of {@code operation} came with so far, the first hundred:
   * which host name a client sent each call to ({@code data-lakeformation.us-east-1.amazonaws.com}
   * for GetWorkUnitResults when the SDK chooses the endpoint, say).
   */
  public Set<String> hosts(String operation) {
    return front.hosts(operation);
  }

  /** How many requests of {@code operation} (StartQueryPlanning, ListDatabases…) have arrived so far. */
  public long requestCount(String operation) {
    return front.requestCount(operation);
  }

  /**
   * The SQL text of a query the service was asked to plan: what a client's pushdown wrote, as it
   * arrived, also once the query has expired. Empty when the ID is not one of this service's.
   */
  public Optional<String> queryText(String queryId) {
    return Optional.ofNullable(queries.find(queryId)).map(query -> query.queryText);
  }

  /**
   * Revokes every temporary credential the service's STS has issued: their next use is refused
   * as an unknown key, as AWS refuses the keys of a deleted session. How tests revoke credentials.
   */
  public void revokeIssuedCredentials() {
    issuedCredentials.revokeAll();
  }

  /** Expires, now, every query older than the time to live (normally done on a timer). */
  public void expireOldQueries() {
    queries.expireOld();
  }

  /** Stops the service and frees its data. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    front.close();
    queries.close();
    if (certificateFile != null) {
      try {
        Files.deleteIfExists(certificateFile);
      } catch (IOException e) {
        // a temporary file; the system cleans it up
      }
    }
    try {
      h2.close();
    } catch (SQLException e) {
      // the in-memory database goes away with its last connection either way
    }
  }

  /** Settings of a LakeFormation Local instance; every one has a working default. */
  public static final class Builder {
    private int port;
    private boolean sampleData = true;
    private double tpchScaleFactor = 0.01;
    private String accessKeyId = DEFAULT_ACCESS_KEY_ID;
    private String secretAccessKey = DEFAULT_SECRET_ACCESS_KEY;
    private boolean verifySignatures = true;
    private int rowsPerWorkUnit = 1_000;
    private int rowsPerBatch = 500;
    private int unitsPerRange = 4;
    private int defaultPageSize = 10;
    private Duration queryTimeToLive = Duration.ofMinutes(30);
    private Duration temporaryCredentialsMaxLifetime = Duration.ofHours(12);
    private long heapLimitBytes = 256L << 20;
    private int plannerThreads = 2;
    private int serverThreads = 32;
    private long faultSeed = 1;
    private IpcCompression compression = IpcCompression.NONE;
    private List<String> tlsHostNames;

    private Builder() {}

    /**
     * Whether it serves HTTPS (default false: plain HTTP), with a certificate made at start for
     * 127.0.0.1 and localhost, written as PEM to {@link #certificateFile()}.
     */
    public Builder tls(boolean serveTls) {
      this.tlsHostNames = serveTls ? (tlsHostNames == null ? List.of() : tlsHostNames) : null;
      return this;
    }

    /**
     * Serves HTTPS with a certificate that names these hosts too (wildcards such as
     * {@code *.us-east-1.amazonaws.com} allowed): for a test that sends AWS's own host names
     * through a proxy to it.
     */
    public Builder tlsHostNames(String... hostNames) {
      this.tlsHostNames = List.of(hostNames);
      return this;
    }

    /** The TCP port on 127.0.0.1; 0 (the default) picks a free one. */
    public Builder port(int port) {
      this.port = requireRange("port", port, 0, 65_535);
      return this;
    }

    /**
     * Whether the sample databases {@code tpch} and {@code types} are loaded (default true); without
     * them the service starts at once, with only the databases created through {@link #execute}.
     */
    public Builder sampleData(boolean load) {
      this.sampleData = load;
      return this;
    }

    /** The TPC-H scale factor of the {@code tpch} database (default 0.01: 60,175 lineitem rows). */
    public Builder tpchScaleFactor(double scaleFactor) {
      if (!(scaleFactor > 0 && scaleFactor <= 100)) {
        throw new IllegalArgumentException("scale factor must be in (0, 100], got " + scaleFactor);
      }
      this.tpchScaleFactor = scaleFactor;
      return this;
    }

    /** The only credentials the service accepts (SigV4). */
    public Builder credentials(String accessKeyId, String secretAccessKey) {
      if (accessKeyId == null || accessKeyId.isBlank() || secretAccessKey == null || secretAccessKey.isEmpty()) {
        throw new IllegalArgumentException("access key ID and secret access key must not be empty");
      }
      if ((accessKeyId + secretAccessKey).contains(";")) {
        throw new IllegalArgumentException("the keys must not contain ';', which ends a value in a driver URL");
      }
      this.accessKeyId = accessKeyId;
      this.secretAccessKey = secretAccessKey;
      return this;
    }

    /** Whether signatures are checked, not only the access key (default true). */
    public Builder verifySignatures(boolean verify) {
      this.verifySignatures = verify;
      return this;
    }

    /** Rows per work unit (default 1,000); the last unit of a query may hold fewer. */
    public Builder rowsPerWorkUnit(int rows) {
      this.rowsPerWorkUnit = requireRange("rows per work unit", rows, 1, Integer.MAX_VALUE);
      return this;
    }

    /** Rows per Arrow record batch inside a unit (default 500). */
    public Builder rowsPerBatch(int rows) {
      this.rowsPerBatch = requireRange("rows per batch", rows, 1, 1 << 20);
      return this;
    }

    /** Work units per GetWorkUnits range, each range with its own token (default 4). */
    public Builder unitsPerRange(int units) {
      this.unitsPerRange = requireRange("units per range", units, 1, 1 << 20);
      return this;
    }

    /** Ranges per GetWorkUnits page when the request gives no PageSize (default 10). */
    public Builder defaultPageSize(int ranges) {
      this.defaultPageSize = requireRange("default page size", ranges, 1, 1 << 20);
      return this;
    }

    /** How long after submission a query expires (default 30 minutes). */
    public Builder queryTimeToLive(Duration ttl) {
      if (ttl.isNegative() || ttl.isZero()) {
        throw new IllegalArgumentException("time to live must be positive, got " + ttl);
      }
      this.queryTimeToLive = ttl;
      return this;
    }

    /**
     * The longest lifetime of the temporary credentials the service's STS issues, whatever
     * DurationSeconds asks for (default 12 hours, STS's own maximum): a few seconds lets a test
     * see credentials expire and be renewed.
     */
    public Builder temporaryCredentialsMaxLifetime(Duration lifetime) {
      if (lifetime.isNegative() || lifetime.isZero()) {
        throw new IllegalArgumentException("lifetime must be positive, got " + lifetime);
      }
      this.temporaryCredentialsMaxLifetime = lifetime;
      return this;
    }

    /** Heap bytes all queries' work units may take before further units spill to disk (default 256 MiB). */
    public Builder heapLimitBytes(long bytes) {
      if (bytes < 0) {
        throw new IllegalArgumentException("heap limit must be >= 0, got " + bytes);
      }
      this.heapLimitBytes = bytes;
      return this;
    }

    /** Queries planned at the same time (default 2). */
    public Builder plannerThreads(int threads) {
      this.plannerThreads = requireRange("planner threads", threads, 1, 256);
      return this;
    }

    /** Requests served at the same time (default 32). */
    public Builder serverThreads(int threads) {
      this.serverThreads = requireRange("server threads", threads, 1, 1_024);
      return this;
    }

    /** The seed of every random fault draw (default 1). */
    public Builder faultSeed(long seed) {
      this.faultSeed = seed;
      return this;
    }

    /**
     * How the buffers of work-unit bodies are compressed (default NONE): LZ4_FRAME or ZSTD,
     * as the Arrow IPC format's body compression, the way producers that compress send them.
     */
    public Builder compression(IpcCompression compression) {
      this.compression = Objects.requireNonNull(compression, "compression");
      return this;
    }

    public LakeFormationLocal start() throws IOException, SQLException {
      return new LakeFormationLocal(new LocalConfig(port, sampleData, tpchScaleFactor, accessKeyId, secretAccessKey,
          verifySignatures, temporaryCredentialsMaxLifetime, serverThreads, faultSeed,
          new QuerySettings(rowsPerWorkUnit, rowsPerBatch, unitsPerRange, defaultPageSize, queryTimeToLive,
              heapLimitBytes, plannerThreads, compression), tlsHostNames));
    }

    private static int requireRange(String what, int value, int min, int max) {
      if (value < min || value > max) {
        throw new IllegalArgumentException(what + " must be in [" + min + ", " + max + "], got " + value);
      }
      return value;
    }
  }
}
