package dev.lakeformation.core.aws;

import dev.lakeformation.api.LakeFormationException;
import dev.lakeformation.api.SqlState;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * Turns the AWS SDK's failure to produce credentials into one sentence that says what to do.
 * The SDK's own text (for the default chain, every provider it tried, well over a thousand
 * characters) stays available as the cause. What went wrong is decided from what the SDK
 * threw (a service's error, a broken connection) and from the profile's settings, never from
 * the SDK's message text.
 */
final class CredentialFailures {
  static final String NONE_FOUND = "No AWS credentials were found: give AccessKeyId and SecretAccessKey (or the"
      + " user and password fields), a Profile, or credentials where the AWS SDK looks for them (environment"
      + " variables, the ~/.aws/credentials and ~/.aws/config files, a web identity token file, a container or EC2"
      + " instance role), as docs/credentials.md describes.";
  /** How deep a chain of source_profile settings is followed to find an SSO sign-in. */
  private static final int MAX_SOURCE_PROFILES = 8;
  /** How much of an SDK message a profile's failure quotes. */
  private static final int MAX_REASON_CHARS = 300;

  private CredentialFailures() {}

  static CredentialsFailure explain(CredentialSource source, RuntimeException failure) {
    CredentialsFailure known = CredentialsFailure.in(failure);
    if (known != null) {
      return known; // a source beneath (the credentials a role is assumed with) already said it
    }
    AwsServiceException service = serviceError(failure);
    if (service == null && hasNetworkCause(failure)) {
      return new CredentialsFailure(SqlState.CONNECTION_FAILURE, "Getting credentials for " + source.describe()
          + " could not reach the service that issues them (" + rootReason(failure) + "): check the network and"
          + " any endpoint settings for it (AWS_ENDPOINT_URL_STS, a services section of the profile).", failure);
    }
    Optional<ProfileFile> files = profileFiles();
    if (source.profileName() != null && (service == null || service.statusCode() == 401)) {
      CredentialsFailure signIn = signInNeeded(files, source.profileName(), failure);
      if (signIn != null) {
        return signIn;
      }
    }
    if (service != null) {
      LakeFormationException classified = AwsErrors.classify("Getting credentials for " + source.describe()
          + " from " + serviceName(service), service);
      return new CredentialsFailure(classified.sqlState(), classified.getMessage(), failure);
    }
    return switch (source.kind()) {
      case PROFILE -> new CredentialsFailure(SqlState.INVALID_AUTHORIZATION,
          files.flatMap(f -> f.profile(source.profileName())).isEmpty()
              ? "Profile '" + source.profileName() + "' is in neither the AWS config file nor the credentials file"
                  + " (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE, or ~/.aws/config and ~/.aws/credentials)."
              : "Profile '" + source.profileName() + "' gave no credentials: " + rootReason(failure), failure);
      case DEFAULT_CHAIN -> new CredentialsFailure(SqlState.INVALID_AUTHORIZATION, NONE_FOUND, failure);
      default -> new CredentialsFailure(SqlState.INVALID_AUTHORIZATION, "Getting credentials for "
          + source.describe() + " failed: " + rootReason(failure), failure);
    };
  }

  /**
   * The sign-in to renew when the profile, or a profile it takes its credentials from
   * (source_profile), signs in through IAM Identity Center or {@code aws login}; else null.
   */
  private static CredentialsFailure signInNeeded(Optional<ProfileFile> files, String profileName, Throwable failure) {
    String name = profileName;
    for (int depth = 0; depth < MAX_SOURCE_PROFILES && name != null; depth++) {
      String current = name;
      Optional<Profile> profile = files.flatMap(f -> f.profile(current));
      if (profile.isEmpty()) {
        return null;
      }
      if (profile.get().property("sso_session").isPresent() || profile.get().property("sso_start_url").isPresent()) {
        return new CredentialsFailure(SqlState.INVALID_AUTHORIZATION, "The IAM Identity Center (SSO) sign-in of"
            + " profile '" + current + "' has expired or was never made: run `aws sso login --profile " + current
            + "`, then connect again.", failure);
      }
      if (profile.get().property("login_session").isPresent()) {
        return new CredentialsFailure(SqlState.INVALID_AUTHORIZATION, "The AWS sign-in of profile '" + current
            + "' has expired or was never made: run `aws login --profile " + current + "`, then connect again.",
            failure);
      }
      name = profile.get().property("source_profile").filter(source -> !source.equals(current)).orElse(null);
    }
    return null;
  }

  private static Optional<ProfileFile> profileFiles() {
    try {
      return Optional.of(ProfileFile.defaultProfileFile());
    } catch (RuntimeException unreadable) {
      return Optional.empty(); // the failure is explained without the profile's settings then
    }
  }

  /**
   * Whether an I/O failure on the network is among the causes. A missing file (an SSO token
   * cache that was never written) is an I/O failure too, but not one the network explains.
   */
  private static boolean hasNetworkCause(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IOException && !(t instanceof FileSystemException) && !(t instanceof FileNotFoundException)
          && !(t instanceof UncheckedIOException)) {
        return true;
      }
    }
    return false;
  }

  private static AwsServiceException serviceError(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof AwsServiceException e) {
        return e;
      }
    }
    return null;
  }

  private static String serviceName(AwsServiceException e) {
    return e.awsErrorDetails() != null && e.awsErrorDetails().serviceName() != null
        ? e.awsErrorDetails().serviceName() : "AWS";
  }

  /** The innermost message of the chain, on one line and cut short. */
  private static String rootReason(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    message = message.lines().findFirst().orElse("").strip();
    return message.length() > MAX_REASON_CHARS ? message.substring(0, MAX_REASON_CHARS) + "…" : message;
  }
}
