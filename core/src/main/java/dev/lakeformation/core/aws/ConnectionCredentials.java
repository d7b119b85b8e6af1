package dev.lakeformation.core.aws;

import dev.lakeformation.core.config.ConnectionConfig;
import dev.lakeformation.core.config.ConnectionProperty;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The credentials of one connection: those its properties name (static keys, a profile, or the
 * SDK's default chain), with the role of RoleArn assumed on top when given.
 *
 * <p>An assumed role's credentials are renewed by the SDK before they expire: from five
 * minutes before, by the one caller that finds them due, and by every caller in the last minute.
 * A pooled connection kept for hours therefore never signs with expired keys.
 */
final class ConnectionCredentials implements SdkAutoCloseable {
  private final AwsCredentialsProvider provider;
  private final ExplainedCredentials base;
  private final StsClient assumeRoleSts;
  private final StsAssumeRoleCredentialsProvider assumedRole;

  private ConnectionCredentials(AwsCredentialsProvider provider, ExplainedCredentials base, StsClient assumeRoleSts,
      StsAssumeRoleCredentialsProvider assumedRole) {
    this.provider = provider;
    this.base = base;
    this.assumeRoleSts = assumeRoleSts;
    this.assumedRole = assumedRole;
  }

  /**
   * @param found the credentials the properties name (or LakeFormation Local's)
   * @param http the connection's HTTP client, for the STS calls of RoleArn
   * @param stsEndpoint where those calls go, or null for the SDK's choice
   * @param interceptors those of the connection's clients
   */
  static ConnectionCredentials of(ConnectionConfig config, AwsCredentialsProvider found, SdkHttpClient http,
      URI stsEndpoint, ClientInterceptors interceptors) {
    CredentialSource source = CredentialSource.of(config);
    ExplainedCredentials base = new ExplainedCredentials(found, source);
    if (!config.isSet(ConnectionProperty.ROLE_ARN)) {
      return new ConnectionCredentials(base, base, null, null);
    }
    String roleArn = config.get(ConnectionProperty.ROLE_ARN);
    String sessionName = config.isSet(ConnectionProperty.ROLE_SESSION_NAME)
        ? config.get(ConnectionProperty.ROLE_SESSION_NAME) : "lakeformation-jdbc-" + System.currentTimeMillis();
    StsClient sts = StsClients.create(http, Region.of(config.get(ConnectionProperty.REGION)), stsEndpoint,
        source.kind() == CredentialSource.Kind.PROFILE ? source.profileName() : null, base,
        config.get(ConnectionProperty.MAX_RETRIES), interceptors);
    StsAssumeRoleCredentialsProvider assumed = StsAssumeRoleCredentialsProvider.builder()
        .stsClient(sts)
        .refreshRequest(r -> r.roleArn(roleArn)
            .roleSessionName(sessionName)
            .externalId(config.get(ConnectionProperty.EXTERNAL_ID))
            .durationSeconds(config.get(ConnectionProperty.DURATION_SECONDS)))
        .build();
    ExplainedCredentials role = new ExplainedCredentials(assumed,
        new CredentialSource(CredentialSource.Kind.ASSUMED_ROLE, roleArn));
    return new ConnectionCredentials(role, base, sts, assumed);
  }

  /** What the connection's clients sign with. */
  AwsCredentialsProvider provider() {
    return provider;
  }

  @Override
  public void close() {
    if (assumedRole != null) {
      assumedRole.close();
      assumeRoleSts.close();
    }
    base.close();
  }
}
