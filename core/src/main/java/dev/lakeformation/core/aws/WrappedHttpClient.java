package dev.lakeformation.core.aws;

import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * An HTTP client whose requests are prepared through a wrapper: how a connection's client gets
 * its layers (resending on a closed connection, the network timeout, aborting on cancel), each one
 * a wrapper around the one beneath.
 */
final class WrappedHttpClient implements SdkHttpClient {
  /** Prepares a request of {@code client}, wrapped in what the layer adds. */
  @FunctionalInterface
  interface RequestWrapper {
    ExecutableHttpRequest prepare(SdkHttpClient client, HttpExecuteRequest request);
  }

  private final SdkHttpClient client;
  private final RequestWrapper wrapper;

  private WrappedHttpClient(SdkHttpClient client, RequestWrapper wrapper) {
    this.client = client;
    this.wrapper = wrapper;
  }

  static SdkHttpClient of(SdkHttpClient client, RequestWrapper wrapper) {
    return new WrappedHttpClient(client, wrapper);
  }

  @Override
  public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    return wrapper.prepare(client, request);
  }

  @Override
  public String clientName() {
    return client.clientName();
  }

  @Override
  public void close() {
    client.close();
  }
}
