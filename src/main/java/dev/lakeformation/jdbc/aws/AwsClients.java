package dev.lakeformation.jdbc.aws;

import dev.lakeformation.jdbc.config.ConnectionConfig;
import dev.lakeformation.jdbc.config.ConnectionProperty;
import dev.lakeformation.jdbc.errors.LakeFormationException;
import dev.lakeformation.jdbc.spi.EmbeddedService;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.AthenaClientBuilder;
import software.amazon.awssdk.services.lakeformation.LakeFormationClient;
import software.amazon.awssdk.services.lakeformation.LakeFormationClientBuilder;

/**
 * The Lake Formation and Athena clients of one connection, sharing one HTTP client.
 *
 * <p>The SDK's own retries are turned off: the fetch layer retries throttling, 5xx and broken
 * bodies itself, with its own budget and counters, and a second retry loop underneath would
 * multiply the attempts and hide them from the user.
 */
public final class AwsClients implements AutoCloseable {
  private final SdkHttpClient http;
  private final LakeFormationClient lakeFormation;
  private final AthenaClient athena;
  private final boolean embedded;

  private AwsClients(SdkHttpClient http, LakeFormationClient lakeFormation, AthenaClient athena, boolean embedded) {
    this.http = http;
    this.lakeFormation = lakeFormation;
    this.athena = athena;
    this.embedded = embedded;
  }

  /**
   * The clients a connection's properties describe: AWS's endpoints for the Region or the given
   * overrides, with the credentials the properties name; with {@code Local=true}, the embedded
   * LakeFormation Local of this JVM (started on first use) and its credentials.
   */
  public static AwsClients open(ConnectionConfig config) throws LakeFormationException {
    URI lakeFormationEndpoint = config.get(ConnectionProperty.ENDPOINT);
    URI athenaEndpoint = config.isSet(ConnectionProperty.ATHENA_ENDPOINT)
        ? config.get(ConnectionProperty.ATHENA_ENDPOINT) : lakeFormationEndpoint;
    boolean embedded = config.get(ConnectionProperty.LOCAL);
    var credentials = CredentialsProviders.of(config);
    if (embedded) {
      EmbeddedService local = EmbeddedServices.get();
      lakeFormationEndpoint = local.endpoint();
      athenaEndpoint = local.endpoint();
      credentials = CredentialsProviders.of(local.accessKeyId(), local.secretAccessKey());
    }
    return create(new AwsSettings(Region.of(config.get(ConnectionProperty.REGION)), lakeFormationEndpoint,
        athenaEndpoint, credentials, Duration.ofMillis(config.get(ConnectionProperty.CONNECT_TIMEOUT_MILLIS)),
        Duration.ofMillis(config.get(ConnectionProperty.SOCKET_TIMEOUT_MILLIS))), embedded);
  }

  public static AwsClients create(AwsSettings settings) {
    return create(settings, false);
  }

  private static AwsClients create(AwsSettings settings, boolean embedded) {
    CredentialLogGuard.ensureInstalled();
    SdkHttpClient http = AbortableCalls.wrap(UrlConnectionHttpClient.builder()
        .connectionTimeout(settings.connectTimeout())
        .socketTimeout(settings.socketTimeout())
        .build());
    LakeFormationClientBuilder lf = LakeFormationClient.builder()
        .httpClient(http)
        .region(settings.region())
        .credentialsProvider(settings.credentials())
        .overrideConfiguration(overrides(settings.lakeFormationEndpoint()));
    if (settings.lakeFormationEndpoint() != null) {
      lf.endpointOverride(settings.lakeFormationEndpoint());
    }
    AthenaClientBuilder athena = AthenaClient.builder()
        .httpClient(http)
        .region(settings.region())
        .credentialsProvider(settings.credentials())
        .overrideConfiguration(overrides(settings.athenaEndpoint()));
    if (settings.athenaEndpoint() != null) {
      athena.endpointOverride(settings.athenaEndpoint());
    }
    return new AwsClients(http, lf.build(), athena.build(), embedded);
  }

  /**
   * Host-prefix injection ({@code query-}, {@code data-}) is turned off only when the endpoint
   * is overridden: the prefixed host of an address like 127.0.0.1 does not exist, while real
   * AWS endpoints need the prefixes.
   */
  private static ClientOverrideConfiguration overrides(URI endpointOverride) {
    return ClientOverrideConfiguration.builder()
        .retryStrategy(b -> b.maxAttempts(1))
        .putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, endpointOverride != null)
        .build();
  }

  public LakeFormationClient lakeFormation() {
    return lakeFormation;
  }

  public AthenaClient athena() {
    return athena;
  }

  /** Whether these clients talk to the embedded LakeFormation Local of {@code Local=true}. */
  public boolean isEmbedded() {
    return embedded;
  }

  @Override
  public void close() {
    lakeFormation.close();
    athena.close();
    http.close();
  }
}
