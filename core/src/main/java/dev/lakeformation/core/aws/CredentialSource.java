package dev.lakeformation.core.aws;

import dev.lakeformation.core.config.ConnectionConfig;
import dev.lakeformation.core.config.ConnectionProperty;
import software.amazon.awssdk.profiles.ProfileFileSystemSetting;

/**
 * Where a connection's credentials come from, as its failures name it.
 *
 * @param kind which source the properties chose
 * @param name the profile in play (Profile's, or for the default chain the one the SDK reads:
 *     AWS_PROFILE, else {@code default}), or the ARN of the role assumed; null otherwise
 */
record CredentialSource(Kind kind, String name) {
  enum Kind { STATIC_KEYS, PROFILE, DEFAULT_CHAIN, EMBEDDED, ASSUMED_ROLE }

  /** The profile whose settings give the credentials, or null. */
  String profileName() {
    return kind == Kind.PROFILE || kind == Kind.DEFAULT_CHAIN ? name : null;
  }

  static CredentialSource of(ConnectionConfig config) {
    if (config.get(ConnectionProperty.LOCAL)) {
      return new CredentialSource(Kind.EMBEDDED, null);
    }
    if (config.accessKeyId() != null) {
      return new CredentialSource(Kind.STATIC_KEYS, null);
    }
    if (config.isSet(ConnectionProperty.PROFILE)) {
      return new CredentialSource(Kind.PROFILE, config.get(ConnectionProperty.PROFILE));
    }
    return new CredentialSource(Kind.DEFAULT_CHAIN, ProfileFileSystemSetting.AWS_PROFILE.getStringValue().orElse("default"));
  }

  /** How messages name this source, e.g. "profile 'analyst'". */
  String describe() {
    return switch (kind) {
      case STATIC_KEYS -> "the access key (AccessKeyId or User)";
      case PROFILE -> "profile '" + name + "'";
      case DEFAULT_CHAIN -> "the AWS SDK's default credential chain";
      case EMBEDDED -> "LakeFormation Local's access key";
      case ASSUMED_ROLE -> "role " + name + " (RoleArn)";
    };
  }
}
