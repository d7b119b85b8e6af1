package dev.lakeformation.core.aws;

import dev.lakeformation.api.LakeFormationException;
import dev.lakeformation.api.SqlState;
import dev.lakeformation.core.config.ConnectionConfig;
import dev.lakeformation.core.config.ConnectionProperty;
import dev.lakeformation.core.logging.DriverLog;
import dev.lakeformation.core.spi.EmbeddedService;
import java.net.URI;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.TlsTrustManagersProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.apache5.ProxyConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.AthenaClientBuilder;
import software.amazon.awssdk.services.lakeformation.LakeFormationClient;
import software.amazon.awssdk.services.lakeformation.LakeFormationClientBuilder;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The Lake Formation, Athena and STS clients of one connection, sharing one HTTP client and
 * one set of credentials.
 *
 * <p>The SDK's own retries are turned off for Lake Formation and Athena: the fetch layer retries
 * throttling, 5xx and broken bodies itself, with its own budget and counters, and a second retry
 * loop underneath would multiply the attempts and hide them from the user.
 */
public final class AwsClients implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(AwsClients.class.getName());
  /** A well-formed query ID no query has: asking for its state costs the service nothing. */
  private static final String PROBE_QUERY_ID = "00000000-0000-0000-0000-000000000000";

  private final AwsSettings settings;
  private final SdkHttpClient http;
  private final LakeFormationClient lakeFormation;
  private final AthenaClient athena;
  private final AutoCloseable credentials;
  private final boolean embedded;
  private final ClientInterceptors interceptors;
  private final NetworkTimeout networkTimeout;
  private StsClient sts;

  private AwsClients(AwsSettings settings, SdkHttpClient http, NetworkTimeout networkTimeout,
      LakeFormationClient lakeFormation, AthenaClient athena, AutoCloseable credentials, boolean embedded,
      ClientInterceptors interceptors) {
    this.settings = settings;
    this.http = http;
    this.lakeFormation = lakeFormation;
    this.athena = athena;
    this.credentials = credentials;
    this.embedded = embedded;
    this.interceptors = interceptors;
    this.networkTimeout = networkTimeout;
  }

  /**
   * The clients a connection's properties describe: AWS's endpoints for the Region or the given
   * overrides, with the credentials the properties name (and the role of RoleArn assumed with
   * them); with {@code Local=true}, the embedded LakeFormation Local of this JVM (started on
   * first use) and its credentials.
   */
  public static AwsClients open(ConnectionConfig config) throws LakeFormationException {
    DriverLog.enable(config);
    URI lakeFormationEndpoint = config.get(ConnectionProperty.ENDPOINT);
    URI athenaEndpoint = config.isSet(ConnectionProperty.ATHENA_ENDPOINT)
        ? config.get(ConnectionProperty.ATHENA_ENDPOINT) : lakeFormationEndpoint;
    boolean embedded = config.get(ConnectionProperty.LOCAL);
    EmbeddedService local = embedded ? EmbeddedServices.get(config.get(ConnectionProperty.TLS)) : null;
    if (embedded) {
      lakeFormationEndpoint = local.endpoint();
      athenaEndpoint = local.endpoint();
    }
    URI stsEndpoint = StsClients.endpoint(config, embedded ? local.endpoint() : null);
    Duration connectTimeout = Duration.ofMillis(config.get(ConnectionProperty.CONNECT_TIMEOUT_MILLIS));
    Duration socketTimeout = Duration.ofMillis(config.get(ConnectionProperty.SOCKET_TIMEOUT_MILLIS));
    ProxySettings proxy = ProxySettings.of(config);
    NetworkTimeout networkTimeout = new NetworkTimeout();
    SdkHttpClient http = httpClient(connectTimeout, socketTimeout, proxy,
        TrustSettings.of(config, embedded ? local.certificatePem() : null), networkTimeout);
    AwsCredentialsProvider found = embedded ? CredentialsProviders.of(local.accessKeyId(), local.secretAccessKey())
        : CredentialsProviders.of(config, http);
    ClientInterceptors interceptors = new ClientInterceptors(ClientIdentity.of(config), RequestEndpoint.recorder(proxy));
    ConnectionCredentials credentials = ConnectionCredentials.of(config, found, http, stsEndpoint, interceptors);
    AwsSettings settings = new AwsSettings(Region.of(config.get(ConnectionProperty.REGION)), lakeFormationEndpoint,
        athenaEndpoint, credentials.provider(), connectTimeout, socketTimeout, stsEndpoint,
        config.isSet(ConnectionProperty.PROFILE) ? config.get(ConnectionProperty.PROFILE) : null,
        config.get(ConnectionProperty.MAX_RETRIES));
    return create(settings, http, networkTimeout, credentials, embedded, interceptors);
  }

  /** Clients for the given settings, with no proxy and no connection properties: for tools and tests. */
  public static AwsClients create(AwsSettings settings) {
    NetworkTimeout networkTimeout = new NetworkTimeout();
    return create(settings, httpClient(settings.connectTimeout(), settings.socketTimeout(), null, null, networkTimeout),
        networkTimeout, null, false, new ClientInterceptors(new ClientIdentity(null, null), RequestEndpoint.recorder(null)));
  }

  /**
   * The pool has no limit of its own: each open result holds up to MaxConcurrentWorkUnits bodies
   * open (parked fetches included), and a pool that made one result wait for another's
   * connection would bring back the starvation the parked fetches exist to prevent.
   */
  private static SdkHttpClient httpClient(Duration connectTimeout, Duration socketTimeout, ProxySettings proxy,
      TlsTrustManagersProvider trust, NetworkTimeout networkTimeout) {
    CredentialLogGuard.ensureInstalled();
    Apache5HttpClient.Builder builder = Apache5HttpClient.builder()
        .connectionTimeout(connectTimeout)
        .socketTimeout(socketTimeout)
        .maxConnections(Integer.MAX_VALUE)
        .proxyConfiguration(proxy != null ? proxy.sdkConfiguration() : ProxyConfiguration.builder()
            .useSystemPropertyValues(false).useEnvironmentVariableValues(false).build());
    if (trust != null) {
      builder.tlsTrustManagersProvider(trust);
    }
    return AbortableCalls.wrap(networkTimeout.wrap(ClosedConnectionResend.wrap(builder.build())));
  }

  private static AwsClients create(AwsSettings settings, SdkHttpClient http, NetworkTimeout networkTimeout,
      AutoCloseable credentials, boolean embedded, ClientInterceptors interceptors) {
    LakeFormationClientBuilder lf = LakeFormationClient.builder()
        .httpClient(http)
        .region(settings.region())
        .credentialsProvider(settings.credentials())
        .overrideConfiguration(overrides(settings.lakeFormationEndpoint(), interceptors));
    if (settings.lakeFormationEndpoint() != null) {
      lf.endpointOverride(settings.lakeFormationEndpoint());
    }
    AthenaClientBuilder athena = AthenaClient.builder()
        .httpClient(http)
        .region(settings.region())
        .credentialsProvider(settings.credentials())
        .overrideConfiguration(overrides(settings.athenaEndpoint(), interceptors));
    if (settings.athenaEndpoint() != null) {
      athena.endpointOverride(settings.athenaEndpoint());
    }
    return new AwsClients(settings, http, networkTimeout, lf.build(), athena.build(), credentials, embedded,
        interceptors);
  }

  /**
   * One attempt per call: the driver's {@code RetryPolicy} retries, with its own budget. Host-prefix
   * injection ({@code query-}, {@code data-}) is turned off only when the endpoint is overridden:
   * the prefixed host of an address like 127.0.0.1 does not exist, while real AWS endpoints need
   * the prefixes. A failure carries the endpoint it came from; every call, the connection's
   * identity in its user agent.
   */
  private static ClientOverrideConfiguration overrides(URI endpointOverride, ClientInterceptors interceptors) {
    return ClientOverrideConfiguration.builder()
        .retryStrategy(b -> b.maxAttempts(1))
        .executionInterceptors(interceptors.all())
        .putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, endpointOverride != null)
        .build();
  }

  public LakeFormationClient lakeFormation() {
    return lakeFormation;
  }

  public AthenaClient athena() {
    return athena;
  }

  /** The STS client of the connect check, made on first use (a connection that skips the check never needs it). */
  private synchronized StsClient sts() {
    if (sts == null) {
      sts = StsClients.create(http, settings.region(), settings.stsEndpoint(), settings.profileName(),
          settings.credentials(), settings.maxRetries(), interceptors);
    }
    return sts;
  }

  /**
   * Checks the credentials with STS GetCallerIdentity, the one AWS call every principal may make
   * whatever its policies, and returns the caller's ARN. Refused or missing credentials fail
   * with 28000, an unreachable STS with 08006, a check longer than {@code timeout} (null: only
   * the HTTP timeouts and MaxRetries bound it) with HYT00.
   */
  public String verifyCredentials(Duration timeout) throws LakeFormationException {
    String operation = "The connect check (STS GetCallerIdentity"
        + (settings.stsEndpoint() == null ? "" : " at " + settings.stsEndpoint()) + ")";
    try {
      String arn = sts().getCallerIdentity(r -> r.overrideConfiguration(o -> {
        if (timeout != null) {
          o.apiCallTimeout(timeout);
        }
      })).arn();
      if (arn == null) {
        throw new LakeFormationException(SqlState.SERVICE_FAILURE, operation + " got an HTTP 200 answer without the caller's"
            + " identity: something other than STS answered. Check StsEndpoint (or Region), the proxy settings and"
            + " any gateway in between, or set VerifyCredentials=false to connect without the check.");
      }
      LOG.config(() -> "Credentials checked: connected as " + arn);
      return arn;
    } catch (ApiCallTimeoutException e) {
      throw new LakeFormationException(SqlState.TIMEOUT, operation + " did not finish within the login timeout of "
          + timeout.toSeconds() + " s (LoginTimeoutSeconds, or DriverManager.setLoginTimeout). Check Region,"
          + " StsEndpoint and the network, raise the timeout, or set VerifyCredentials=false to connect without"
          + " the check.", e);
    } catch (RuntimeException e) {
      if (CredentialsFailure.in(e) == null && e instanceof SdkClientException client && AwsErrors.hasIoCause(client)
          && !AwsErrors.isUnreadableAnswer(client) && AwsErrors.tlsRefusal(client) == null) {
        throw new LakeFormationException(SqlState.CONNECTION_FAILURE, operation + " could not reach STS"
            + AwsErrors.through(client) + ": "
            + e.getMessage().lines().findFirst().orElse("") + ". Check Region, StsEndpoint, the proxy settings and the network, or set"
            + " VerifyCredentials=false to connect without the check.", e);
      }
      throw AwsErrors.classify(operation, e);
    }
  }

  /**
   * Whether Lake Formation answers this connection's signed requests now: one GetQueryState for
   * a query ID that no query has, cut off after {@code timeout} (null: only the HTTP timeouts
   * bound it). Any answer of the service says the endpoint is up and the credentials are good,
   * except one that refuses the credentials or is a server failure; an answer that is not the
   * service's (no AWS error code: a proxy's page, a wrong endpoint) and a connection that fails or
   * times out say it is not reachable. An AccessDenied answer counts as valid: the
   * service knew the caller, who may simply not be allowed to look at queries this way.
   */
  public boolean isAvailable(Duration timeout) {
    try {
      lakeFormation.getQueryState(r -> r.queryId(PROBE_QUERY_ID).overrideConfiguration(o -> {
        if (timeout != null) {
          o.apiCallTimeout(timeout);
        }
      }));
      return true;
    } catch (AwsServiceException e) {
      boolean available = AwsErrors.showsServiceAvailable(e);
      if (!available) {
        LOG.fine(() -> "Not valid: " + AwsErrors.classify("GetQueryState", e).getMessage());
      }
      return available;
    } catch (RuntimeException e) {
      LOG.fine(() -> "Not valid: " + AwsErrors.classify("GetQueryState", e).getMessage());
      return false;
    }
  }

  /** Who this connection's calls say they come from; changes apply from the next call on. */
  public ClientIdentity identity() {
    return interceptors.identity();
  }

  /**
   * Bounds how long any call waits for the service (its answer to start, and each read of its
   * body) to {@code millis}, 0 for no bound; the first call that waits longer runs
   * {@code whenExceeded}, and every call after it fails at once (HYT00).
   */
  public void setNetworkTimeout(int millis, Runnable whenExceeded) {
    networkTimeout.set(millis, whenExceeded);
  }

  public int networkTimeoutMillis() {
    return networkTimeout.millis();
  }

  /** Whether these clients talk to the embedded LakeFormation Local of {@code Local=true}. */
  public boolean isEmbedded() {
    return embedded;
  }

  @Override
  public void close() {
    lakeFormation.close();
    athena.close();
    synchronized (this) {
      if (sts != null) {
        sts.close();
      }
    }
    if (credentials != null) {
      try {
        credentials.close();
      } catch (Exception e) {
        LOG.log(Level.FINE, "Closing the credentials provider failed", e);
      }
    }
    http.close();
  }
}
