package dev.lakeformation.local;

import dev.lakeformation.core.arrow.compression.IpcCompression;
import dev.lakeformation.local.athena.AthenaApi;
import dev.lakeformation.local.data.SampleData;
import dev.lakeformation.local.faults.Faults;
import dev.lakeformation.local.http.HttpFront;
import dev.lakeformation.local.http.SigV4Verifier;
import dev.lakeformation.local.protocol.Caller;
import dev.lakeformation.local.queries.LakeFormationApi;
import dev.lakeformation.local.queries.QueryRegistry;
import dev.lakeformation.local.queries.QuerySettings;
import dev.lakeformation.local.sql.H2Backend;
import dev.lakeformation.local.sts.IssuedCredentials;
import dev.lakeformation.local.sts.StsApi;
import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * LakeFormation Local: the Lake Formation query APIs and the Athena APIs the driver uses,
 * served over HTTP on 127.0.0.1 from an in-memory H2 database with sample data, and the STS
 * operations that check and exchange credentials (GetCallerIdentity, AssumeRole,
 * AssumeRoleWithWebIdentity) on the same endpoint.
 *
 * <pre>{@code
 * try (LakeFormationLocal local = LakeFormationLocal.builder().tpchScaleFactor(0.01).start()) {
 *   URI endpoint = local.endpoint();   // http://127.0.0.1:<port>
 * }
 * }</pre>
 */
public final class LakeFormationLocal implements AutoCloseable {
  /** The access key ID the service accepts unless told otherwise. */
  public static final String DEFAULT_ACCESS_KEY_ID = "AKIALAKEFORMATIONLOCAL";
  /** The secret key that goes with {@link #DEFAULT_ACCESS_KEY_ID}; it guards only loopback. */
  public static final String DEFAULT_SECRET_ACCESS_KEY = "lakeformation-local-secret";
  /** The account of the service's user and of every role assumed through it. */
  public static final String ACCOUNT_ID = "123456789012";
  /** The IAM user that the service's own access key belongs to, as GetCallerIdentity names it. */
  public static final String USER_ARN = "arn:aws:iam::" + ACCOUNT_ID + ":user/lakeformation-local";

  private final LocalConfig config;
  private final Faults faults;
  private final H2Backend h2;
  private final QueryRegistry queries;
  private final IssuedCredentials issuedCredentials;
  private final HttpFront front;

  private LakeFormationLocal(LocalConfig config) throws IOException, SQLException {
    this.config = config;
    this.faults = new Faults(config.faultSeed());
    Clock clock = Clock.systemUTC();
    H2Backend backend = new H2Backend();
    try {
      SampleData.load(backend.keeper(), config.tpchScaleFactor());
      this.queries = new QueryRegistry(backend, config.queries(), faults, clock);
      this.issuedCredentials = new IssuedCredentials(clock, config.temporaryCredentialsMaxLifetime());
      Caller owner = new Caller(config.accessKeyId(), USER_ARN, "AIDA" + ACCOUNT_ID + "LOCAL", ACCOUNT_ID);
      this.front = new HttpFront(config.port(), config.serverThreads(),
          new LakeFormationApi(queries, config.queries(), faults, clock),
          new AthenaApi(queries, backend, clock.instant()),
          new StsApi(issuedCredentials),
          new SigV4Verifier(owner, config.secretAccessKey(), issuedCredentials, config.verifySignatures()),
          faults);
    } catch (IOException | SQLException | RuntimeException e) {
      backend.close();
      throw e;
    }
    this.h2 = backend;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@code http://127.0.0.1:<port>}, to give the SDK or the driver as their endpoint. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + front.port());
  }

  /** The faults to inject; changes take effect on the next request. */
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

  /** How many requests of {@code operation} (StartQueryPlanning, ListDatabases…) have arrived so far. */
  public long requestCount(String operation) {
    return front.requestCount(operation);
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

  @Override
  public void close() {
    front.close();
    queries.close();
    try {
      h2.close();
    } catch (SQLException e) {
      // the in-memory database goes away with its last connection either way
    }
  }

  /** Settings of a LakeFormation Local instance; every one has a working default. */
  public static final class Builder {
    private int port;
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

    private Builder() {}

    /** The TCP port on 127.0.0.1; 0 (the default) picks a free one. */
    public Builder port(int port) {
      this.port = requireRange("port", port, 0, 65_535);
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
      return new LakeFormationLocal(new LocalConfig(port, tpchScaleFactor, accessKeyId, secretAccessKey,
          verifySignatures, temporaryCredentialsMaxLifetime, serverThreads, faultSeed,
          new QuerySettings(rowsPerWorkUnit, rowsPerBatch, unitsPerRange, defaultPageSize, queryTimeToLive,
              heapLimitBytes, plannerThreads, compression)));
    }

    private static int requireRange(String what, int value, int min, int max) {
      if (value < min || value > max) {
        throw new IllegalArgumentException(what + " must be in [" + min + ", " + max + "], got " + value);
      }
      return value;
    }
  }
}
