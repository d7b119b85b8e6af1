package dev.lakeformation.jdbc.aws;

import java.net.URI;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
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

  private AwsClients(SdkHttpClient http, LakeFormationClient lakeFormation, AthenaClient athena) {
    this.http = http;
    this.lakeFormation = lakeFormation;
    this.athena = athena;
  }

  public static AwsClients create(AwsSettings settings) {
    CredentialLogGuard.ensureInstalled();
    SdkHttpClient http = UrlConnectionHttpClient.builder()
        .connectionTimeout(settings.connectTimeout())
        .socketTimeout(settings.socketTimeout())
        .build();
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
    return new AwsClients(http, lf.build(), athena.build());
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

  @Override
  public void close() {
    lakeFormation.close();
    athena.close();
    http.close();
  }
}
