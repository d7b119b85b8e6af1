package dev.lakeformation.jdbc.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.utils.IoUtils;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * A credentials provider as the driver hands it to the SDK's clients: its failures become a
 * {@link CredentialsFailure} that says what to do, and it resolves with the driver's own class
 * loader as the thread's context class loader.
 *
 * <p>That second part is for GUI tools and application servers. When a profile assumes a role or
 * signs in through IAM Identity Center, the SDK builds its own STS or SSO client, which finds its
 * HTTP client with {@link java.util.ServiceLoader} through the context class loader. In DBeaver
 * that loader is the tool's own and does not see the driver's jar, and the SDK would fail with
 * "Unable to load an HTTP implementation".
 */
final class ExplainedCredentials implements AwsCredentialsProvider, SdkAutoCloseable {
  private static final ClassLoader DRIVER_LOADER = ExplainedCredentials.class.getClassLoader();

  private final AwsCredentialsProvider delegate;
  private final CredentialSource source;

  ExplainedCredentials(AwsCredentialsProvider delegate, CredentialSource source) {
    this.delegate = delegate;
    this.source = source;
  }

  @Override
  public AwsCredentials resolveCredentials() {
    Thread thread = Thread.currentThread();
    ClassLoader context = thread.getContextClassLoader();
    thread.setContextClassLoader(DRIVER_LOADER);
    try {
      return delegate.resolveCredentials();
    } catch (RuntimeException e) {
      throw CredentialFailures.explain(source, e);
    } finally {
      thread.setContextClassLoader(context);
    }
  }

  /** Closes the delegate: a profile's or the default chain's provider holds the SDK's own STS or SSO clients. */
  @Override
  public void close() {
    IoUtils.closeIfCloseable(delegate, null);
  }

  @Override
  public String toString() {
    return "ExplainedCredentials[" + source.describe() + "]";
  }
}
