package dev.lakeformation.core.aws;

import dev.lakeformation.core.config.ConnectionConfig;
import dev.lakeformation.core.config.ConnectionProperty;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;

/** Where a connection's AWS credentials come from, as its properties say. */
final class CredentialsProviders {
  private CredentialsProviders() {}

  /**
   * Static keys (AccessKeyId/User and SecretAccessKey/Password), else Profile, else the SDK's
   * default chain. An IAM Identity Center profile's calls go over {@code http}.
   */
  static AwsCredentialsProvider of(ConnectionConfig config, SdkHttpClient http) {
    String keyId = config.accessKeyId();
    if (keyId != null) {
      String secret = config.secretAccessKey();
      return StaticCredentialsProvider.create(config.isSet(ConnectionProperty.SESSION_TOKEN)
          ? AwsSessionCredentials.create(keyId, secret, config.get(ConnectionProperty.SESSION_TOKEN))
          : AwsBasicCredentials.create(keyId, secret));
    }
    if (config.isSet(ConnectionProperty.PROFILE)) {
      String profile = config.get(ConnectionProperty.PROFILE);
      return IdentityCenterCredentials.forProfile(profile, http).orElseGet(() -> ProfileCredentialsProvider.create(profile));
    }
    return DefaultCredentialsProvider.builder().build();
  }

  /** The fixed credentials of an embedded LakeFormation Local. */
  static AwsCredentialsProvider of(String accessKeyId, String secretAccessKey) {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey));
  }
}
