package dev.lakeformation.core.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * A credentials provider as the driver hands it to the SDK's clients: its failures become a
 * {@link CredentialsFailure} that says what to do, decided where the source is known.
 */
final class ExplainedCredentials implements AwsCredentialsProvider, SdkAutoCloseable {
  private final AwsCredentialsProvider delegate;
  private final CredentialSource source;

  ExplainedCredentials(AwsCredentialsProvider delegate, CredentialSource source) {
    this.delegate = delegate;
    this.source = source;
  }

  @Override
  public AwsCredentials resolveCredentials() {
    try {
      return delegate.resolveCredentials();
    } catch (RuntimeException e) {
      throw CredentialFailures.explain(source, e);
    }
  }

  /** Closes the delegate: a profile's or the default chain's provider holds the SDK's own STS or SSO clients. */
  @Override
  public void close() {
    if (delegate instanceof SdkAutoCloseable closeable) {
      closeable.close();
    }
  }

  @Override
  public String toString() {
    return "ExplainedCredentials[" + source.describe() + "]";
  }
}
