package dev.lakeformation.core.aws;

import dev.lakeformation.core.config.ConnectionConfig;
import dev.lakeformation.core.config.ConnectionProperty;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;

/** The driver's own STS clients: where they send requests, over the connection's HTTP client. */
final class StsClients {
  /** The retries of the SDK's standard retry strategy. */
  private static final int SDK_RETRIES = 2;

  private StsClients() {}

  /**
   * The STS endpoint of a connection's properties: StsEndpoint when given; LakeFormation Local's
   * (which serves STS beside the other APIs) with Local=true or when Endpoint is a loopback
   * address; else null, leaving it to the SDK: AWS's regional STS endpoint of Region, unless
   * AWS_ENDPOINT_URL_STS, aws.endpointUrlSts or the profile's services section name another.
   */
  static URI endpoint(ConnectionConfig config, URI embeddedEndpoint) {
    if (config.isSet(ConnectionProperty.STS_ENDPOINT)) {
      return config.get(ConnectionProperty.STS_ENDPOINT);
    }
    if (embeddedEndpoint != null) {
      return embeddedEndpoint;
    }
    URI endpoint = config.get(ConnectionProperty.ENDPOINT);
    return endpoint != null && ConnectionConfig.isLoopback(endpoint) ? endpoint : null;
  }

  /**
   * A client that signs with {@code credentials}. The SDK's standard retries stay on here (STS
   * calls are few and small, and a throttled connect check is worth another try): its two
   * retries, or fewer when MaxRetries says so, so that a connect check to an STS that cannot be
   * reached ends in seconds; an answer that could not be read (cut short, or a middlebox's) is
   * tried again too, as the driver's own retries do. With a profile, the SDK reads that profile's
   * settings (a services section, say) for its endpoint.
   */
  static StsClient create(SdkHttpClient http, Region region, URI endpoint, String profileName,
      AwsCredentialsProvider credentials, int maxRetries, ClientInterceptors interceptors) {
    StsClientBuilder builder = StsClient.builder()
        .httpClient(http)
        .region(region)
        .credentialsProvider(credentials)
        .overrideConfiguration(o -> {
          o.retryStrategy(b -> b.maxAttempts(Math.min(maxRetries, SDK_RETRIES) + 1)
                  .retryOnException(e -> e instanceof SdkClientException client && AwsErrors.isUnreadableAnswer(client)))
              .executionInterceptors(interceptors.all());
          if (profileName != null) {
            o.defaultProfileName(profileName);
          }
        });
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    return builder.build();
  }
}
