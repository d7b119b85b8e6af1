package dev.lakeformation.local.network;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP server on loopback that gives every request the same answer, whatever the operation:
 * what a proxy, a load balancer, a gateway or a wrong endpoint answers instead of AWS. The driver's
 * and the Spark connector's tests point their clients at it.
 */
public final class CannedAnswers implements AutoCloseable {
  /** One kind of answer a network can give, and the SQLState the driver makes of it. */
  public enum Answer {
    HTML_502("58000", 502, "text/html", "<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1>"
        + "<p>The proxy server received an invalid response from an upstream server.</p></body></html>"),
    EMPTY_404("08001", 404, null, ""),
    JSON_500_MESSAGE_ONLY("58000", 500, "application/json", "{\"message\":\"upstream connect error\"}"),
    TEXT_401("28000", 401, "text/plain", "Unauthorized"),
    HTML_403("28000", 403, "text/html", "<html><body>Access to this site is blocked by your organisation's policy</body></html>"),
    OK_NOT_JSON("58000", 200, "text/html", "<html><body>Welcome to nginx!</body></html>"),
    OK_CUT_JSON("58000", 200, "application/json", "{\"QueryId\":\"0123abcd-0000-0000"),
    /** The connection is closed without an answer. */
    CLOSED("08006", 0, null, null),
    /** The request is read and never answered. */
    SILENCE("08006", -1, null, null);

    /** The SQLState of the SQLException the driver turns this answer into. */
    public final String sqlState;
    /** The HTTP status sent (0 and -1 for the two that send none). */
    public final int status;
    final String contentType;
    final String body;

    Answer(String sqlState, int status, String contentType, String body) {
      this.sqlState = sqlState;
      this.status = status;
      this.contentType = contentType;
      this.body = body;
    }
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread thread = new Thread(r, "canned-answers");
    thread.setDaemon(true);
    return thread;
  });
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile Answer answer = Answer.HTML_502;
  private final AtomicInteger requests = new AtomicInteger();

  public CannedAnswers() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.setExecutor(threads);
    server.createContext("/", this::answer);
    server.start();
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public void answerWith(Answer next) {
    this.answer = next;
  }

  /** Requests received so far. */
  public int requests() {
    return requests.get();
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      requests.incrementAndGet();
      Answer current = answer;
      if (current == Answer.CLOSED) {
        throw new IOException("closing the connection without an answer"); // the server drops the socket
      }
      if (current == Answer.SILENCE) {
        try {
          stopped.await(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return;
      }
      byte[] body = current.body.getBytes(StandardCharsets.UTF_8);
      if (current.contentType != null) {
        exchange.getResponseHeaders().set("Content-Type", current.contentType);
      }
      exchange.sendResponseHeaders(current.status, body.length == 0 ? -1 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    stopped.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
