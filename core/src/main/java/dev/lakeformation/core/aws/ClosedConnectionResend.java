package dev.lakeformation.core.aws;

import java.io.IOException;
import org.apache.hc.core5.http.NoHttpResponseException;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * Sends a request again, at once, when the kept-alive connection it went out on turns out to have
 * been closed by the server before any byte of an answer came back. Servers and proxies close idle
 * connections whenever they like (LakeFormation Local's HTTP server beyond 200 idle ones, load
 * balancers after their idle timeout); the pool only checks a connection idle for more than two
 * seconds before lending it, so a request may still go out on one the server has just closed.
 * The server never read it, so nothing happened and nothing is lost by sending it again; this is
 * not a retry of a failure and does not count against MaxRetries (the JDK's HttpURLConnection
 * does the same once per request). The pool drops each closed connection it finds, so each try
 * takes another; after {@link #RESENDS} the failure goes to the driver's retries as it is.
 */
final class ClosedConnectionResend {
  /** Enough to get past a burst of connections a server closed together, few enough to end quickly. */
  static final int RESENDS = 8;

  private ClosedConnectionResend() {}

  static SdkHttpClient wrap(SdkHttpClient client) {
    return WrappedHttpClient.of(client, ResentRequest::new);
  }

  private static final class ResentRequest implements ExecutableHttpRequest {
    private final SdkHttpClient client;
    private final HttpExecuteRequest request;
    private volatile ExecutableHttpRequest current;
    private volatile boolean aborted;

    ResentRequest(SdkHttpClient client, HttpExecuteRequest request) {
      this.client = client;
      this.request = request;
      this.current = client.prepareRequest(request);
    }

    @Override
    public HttpExecuteResponse call() throws IOException {
      for (int resends = 0; ; resends++) {
        try {
          return current.call();
        } catch (NoHttpResponseException closedBeforeAnswer) {
          if (resends == RESENDS || aborted) {
            throw closedBeforeAnswer;
          }
          // A new stream of the request's content: the SDK's content providers can be read again.
          current = client.prepareRequest(request);
        }
      }
    }

    @Override
    public void abort() {
      aborted = true;
      current.abort();
    }
  }
}
