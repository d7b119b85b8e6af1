package dev.lakeformation.core.aws;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * {@code Connection.setNetworkTimeout}: the longest a connection's call waits for the service,
 * for the answer to start and, while a body is read, for its next bytes. A call that waits longer
 * is aborted, and from then on every call of the connection fails at once with
 * {@link Exceeded}: the JDBC contract marks the connection closed, and a pool (Metabase's,
 * HikariCP's) replaces it.
 *
 * <p>One daemon thread watches the open bodies of every connection; a read only stamps the time,
 * so the hot path pays two volatile writes per buffer it reads.
 */
final class NetworkTimeout {
  /** The failure of a call that waited longer than the network timeout, and of every call after it. */
  static final class Exceeded extends IOException {
    private static final long serialVersionUID = 1L;

    Exceeded(String message) {
      super(message);
    }
  }

  private static final ScheduledExecutorService WATCH = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "lakeformation-jdbc-network-timeout");
    thread.setDaemon(true);
    return thread;
  });
  /** How often open bodies are looked at: a tenth of the shortest timeout would be finer than needed. */
  private static final long SCAN_MILLIS = 50;
  private static final Set<WatchedBody> READING = ConcurrentHashMap.newKeySet();

  static {
    WATCH.scheduleWithFixedDelay(NetworkTimeout::scan, SCAN_MILLIS, SCAN_MILLIS, TimeUnit.MILLISECONDS);
  }

  private volatile int millis;
  private volatile String exceeded;
  private volatile Runnable onExceeded = () -> { };

  /** 0 turns the bound off (the default: SocketTimeoutMillis and the query's own timeouts apply). */
  void set(int milliseconds, Runnable whenExceeded) {
    this.onExceeded = whenExceeded == null ? () -> { } : whenExceeded;
    this.millis = milliseconds;
  }

  int millis() {
    return millis;
  }

  SdkHttpClient wrap(SdkHttpClient client) {
    return WrappedHttpClient.of(client, (inner, request) -> new BoundedRequest(inner.prepareRequest(request)));
  }

  private void exceed(ExecutableHttpRequest request) {
    if (exceeded == null) {
      exceeded = "No answer within the network timeout of " + millis + " ms (Connection.setNetworkTimeout): the"
          + " connection is closed. Open a new one; raise the timeout if the service is this slow.";
      onExceeded.run();
    }
    request.abort();
  }

  private final class BoundedRequest implements ExecutableHttpRequest {
    private final ExecutableHttpRequest request;

    BoundedRequest(ExecutableHttpRequest request) {
      this.request = request;
    }

    @Override
    public HttpExecuteResponse call() throws IOException {
      if (exceeded != null) {
        throw new Exceeded(exceeded);
      }
      int bound = millis;
      if (bound == 0) {
        return request.call();
      }
      ScheduledFuture<?> watch = WATCH.schedule(() -> exceed(request), bound, TimeUnit.MILLISECONDS);
      HttpExecuteResponse response;
      try {
        response = request.call();
      } catch (IOException e) {
        throw exceeded != null ? withCause(new Exceeded(exceeded), e) : e;
      } finally {
        watch.cancel(false);
      }
      if (exceeded != null) {
        response.responseBody().ifPresent(body -> body.abort());
        throw new Exceeded(exceeded);
      }
      if (response.responseBody().isEmpty()) {
        return response;
      }
      AbortableInputStream body = response.responseBody().get();
      WatchedBody watched = new WatchedBody(body, request, bound);
      // An abort (a cancel, a body left unread) must still reach the connection beneath.
      return HttpExecuteResponse.builder()
          .response(response.httpResponse())
          .responseBody(AbortableInputStream.create(watched, () -> {
            READING.remove(watched);
            body.abort();
          }))
          .build();
    }

    @Override
    public void abort() {
      request.abort();
    }
  }

  private static Exceeded withCause(Exceeded exceeded, IOException cause) {
    exceeded.initCause(cause);
    return exceeded;
  }

  /** A body whose reads are watched: one that brings nothing for longer than the bound aborts its request. */
  private final class WatchedBody extends FilterInputStream {
    private final ExecutableHttpRequest request;
    private final long boundNanos;
    private volatile long readSince;

    WatchedBody(InputStream body, ExecutableHttpRequest request, int bound) {
      super(body);
      this.request = request;
      this.boundNanos = TimeUnit.MILLISECONDS.toNanos(bound);
      READING.add(this);
    }

    @Override
    public int read() throws IOException {
      begin();
      try {
        return super.read();
      } finally {
        end();
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      begin();
      try {
        return super.read(b, off, len);
      } finally {
        end();
      }
    }

    private void begin() throws Exceeded {
      if (exceeded != null) {
        throw new Exceeded(exceeded);
      }
      readSince = System.nanoTime();
    }

    private void end() throws Exceeded {
      readSince = 0;
      if (exceeded != null) {
        throw new Exceeded(exceeded);
      }
    }

    /** Aborts the request of a read that has waited longer than the bound; true if it did. */
    boolean abortIfOverdue(long now) {
      long since = readSince;
      if (since == 0 || now - since <= boundNanos) {
        return false;
      }
      exceed(request);
      return true;
    }

    @Override
    public void close() throws IOException {
      READING.remove(this);
      super.close();
    }
  }

  private static void scan() {
    long now = System.nanoTime();
    for (WatchedBody body : READING) {
      if (body.abortIfOverdue(now)) {
        READING.remove(body);
      }
    }
  }
}
