package dev.lakeformation.core.aws;

import dev.lakeformation.core.config.ConnectionProperty;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * What the AWS clients need: where to connect, as whom, how long to wait and how often to retry.
 *
 * @param region the signing region (and the endpoint's, when none is overridden)
 * @param lakeFormationEndpoint an endpoint override for Lake Formation, or null for AWS's
 * @param athenaEndpoint an endpoint override for Athena, or null for AWS's
 * @param credentials where credentials come from
 * @param connectTimeout TCP connect timeout
 * @param socketTimeout the longest wait for the next bytes of a response
 * @param stsEndpoint an endpoint override for the driver's STS calls, or null for the SDK's choice
 * @param profileName the profile whose settings the SDK reads for STS (a services section), or
 *     null for its default (AWS_PROFILE)
 * @param maxRetries the most retries of one call where the SDK retries (STS); the driver's own
 *     retry policy bounds the others with the same number
 */
public record AwsSettings(
    Region region,
    URI lakeFormationEndpoint,
    URI athenaEndpoint,
    AwsCredentialsProvider credentials,
    Duration connectTimeout,
    Duration socketTimeout,
    URI stsEndpoint,
    String profileName,
    int maxRetries) {
  public AwsSettings {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(credentials, "credentials");
  }

  /** Settings whose STS calls go where the SDK chooses, retried as MaxRetries' default says. */
  public AwsSettings(Region region, URI lakeFormationEndpoint, URI athenaEndpoint, AwsCredentialsProvider credentials,
      Duration connectTimeout, Duration socketTimeout) {
    this(region, lakeFormationEndpoint, athenaEndpoint, credentials, connectTimeout, socketTimeout, null, null,
        ConnectionProperty.MAX_RETRIES.parse(ConnectionProperty.MAX_RETRIES.defaultValue()));
  }
}
