package dev.lakeformation.core.aws;

import java.net.URI;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * Where a failed call was sent, and the HTTP status of the answer it got, if any, attached to
 * its exception. The SDK's exceptions name neither the endpoint (what a user checks first when a
 * proxy, a gateway or a wrong Endpoint answered instead of AWS) nor, when the answer could not be
 * read, its status. The SDK's exceptions cannot be given a field, so these ride on them as a
 * suppressed throwable of this class: {@link #recorder} attaches it, {@link #of} reads it back.
 */
final class RequestEndpoint extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * The interceptor every client of a connection is built with.
   *
   * @param proxy the proxy its calls go through, named in failures; null for none
   */
  static ExecutionInterceptor recorder(ProxySettings proxy) {
    return new ExecutionInterceptor() {
      @Override
      public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
        Throwable failure = context.exception();
        int status = context.httpResponse().map(r -> r.statusCode()).orElse(0);
        context.httpRequest().ifPresent(request -> failure.addSuppressed(new RequestEndpoint(endpointOf(request),
            status, proxy != null && proxy.routes(request.host()) ? proxy.toString() : null)));
        return failure;
      }
    };
  }

  private final URI endpoint;
  private final int status;
  private final String via;

  private RequestEndpoint(URI endpoint, int status, String via) {
    super(endpoint.toString(), null, false, false);
    this.endpoint = endpoint;
    this.status = status;
    this.via = via;
  }

  URI endpoint() {
    return endpoint;
  }

  /** The answer's HTTP status, or 0 when none came. */
  int status() {
    return status;
  }

  /** The proxy the call went through, as its text names it, or null. */
  String via() {
    return via;
  }

  /** Scheme, host and port: never the path or the query string. */
  private static URI endpointOf(SdkHttpRequest request) {
    boolean defaultPort = SdkHttpUtils.isUsingStandardPort(request.protocol(), request.port());
    return URI.create(request.protocol() + "://" + request.host() + (defaultPort ? "" : ":" + request.port()));
  }

  /** What is attached to {@code failure} or to one of its causes, or null. */
  static RequestEndpoint of(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      for (Throwable note : t.getSuppressed()) {
        if (note instanceof RequestEndpoint found) {
          return found;
        }
      }
    }
    return null;
  }
}
