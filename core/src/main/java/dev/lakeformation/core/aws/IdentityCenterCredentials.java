package dev.lakeformation.core.aws;

import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileProviderCredentialsContext;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.auth.SsoProfileCredentialsProviderFactory;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.SsoOidcTokenProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The credentials of an IAM Identity Center profile with an {@code sso_session} (what
 * {@code aws configure sso} writes), fetched over the connection's own HTTP client: the SSO
 * portal's GetRoleCredentials and the token refresh then go through the connection's proxy and
 * trust its TrustStore, as every other call does. The SDK's own path for such a profile builds
 * its clients with the JVM's defaults.
 */
final class IdentityCenterCredentials implements AwsCredentialsProvider, SdkAutoCloseable {
  /** The profile setting that names its sso-session section (the SDK has no constant for it). */
  private static final String SSO_SESSION = "sso_session";

  private final AwsCredentialsProvider roleCredentials;
  private final SsoOidcTokenProvider token;
  private final SsoOidcClient oidc;

  private IdentityCenterCredentials(AwsCredentialsProvider roleCredentials, SsoOidcTokenProvider token, SsoOidcClient oidc) {
    this.roleCredentials = roleCredentials;
    this.token = token;
    this.oidc = oidc;
  }

  /** The credentials of {@code profileName} if it is such a profile, else empty (the SDK's own providers apply). */
  static Optional<AwsCredentialsProvider> forProfile(String profileName, SdkHttpClient http) {
    ProfileFile file = ProfileFile.defaultProfileFile();
    Profile profile = file.profile(profileName).orElse(null);
    if (profile == null || profile.property(SSO_SESSION).isEmpty()
        || profile.property(ProfileProperty.SSO_ACCOUNT_ID).isEmpty()) {
      return Optional.empty();
    }
    String session = profile.property(SSO_SESSION).get();
    Optional<String> region = file.getSection("sso-session", session).flatMap(s -> s.property(ProfileProperty.SSO_REGION));
    if (region.isEmpty()) {
      return Optional.empty(); // the SDK's own path says what is missing
    }
    SsoOidcClient oidc = SsoOidcClient.builder().httpClient(http).region(Region.of(region.get()))
        .credentialsProvider(AnonymousCredentialsProvider.create()).build();
    SsoOidcTokenProvider token = SsoOidcTokenProvider.builder().sessionName(session).ssoOidcClient(oidc).build();
    SsoClient sso = SsoClient.builder().httpClient(http).region(Region.of(region.get()))
        .credentialsProvider(AnonymousCredentialsProvider.create()).build();
    AwsCredentialsProvider role = new SsoProfileCredentialsProviderFactory().create(
        ProfileProviderCredentialsContext.builder().profile(profile).profileFile(file).build(), token, sso);
    return Optional.of(new IdentityCenterCredentials(role, token, oidc));
  }

  @Override
  public AwsCredentials resolveCredentials() {
    return roleCredentials.resolveCredentials();
  }

  /** Closes the role's provider (and with it the SSO client), the token provider and the OIDC client. */
  @Override
  public void close() {
    if (roleCredentials instanceof SdkAutoCloseable closeable) {
      closeable.close();
    }
    token.close();
    oidc.close();
  }
}
