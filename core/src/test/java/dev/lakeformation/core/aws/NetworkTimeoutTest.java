package dev.lakeformation.core.aws;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;

/**
 * The network timeout's watch over a body must not hide the body's abort: a body left unread
 * (a cancel, a result closed early) is dropped at once, not read to its end from a server that
 * has stopped sending.
 */
class NetworkTimeoutTest {
  @Test
  void abortingAWatchedBodyDropsItsConnection() throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread stalls = new Thread(() -> {
        try (Socket client = server.accept()) {
          InputStream in = client.getInputStream();
          StringBuilder head = new StringBuilder();
          while (!head.toString().endsWith("\r\n\r\n")) {
            head.append((char) in.read()); // the request's head; a GET has no body
          }
          client.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 10000000\r\n\r\nx"
              .getBytes(StandardCharsets.US_ASCII));
          client.getOutputStream().flush();
          done.await(); // and sends nothing more
        } catch (Exception e) {
          // the client went away
        }
      });
      stalls.setDaemon(true);
      stalls.start();
      NetworkTimeout timeout = new NetworkTimeout();
      timeout.set(60_000, null);
      try (SdkHttpClient client = timeout.wrap(Apache5HttpClient.builder().socketTimeout(Duration.ofSeconds(30)).build())) {
        HttpExecuteRequest request = HttpExecuteRequest.builder().request(SdkHttpFullRequest.builder()
            .method(SdkHttpMethod.GET).uri(URI.create("http://127.0.0.1:" + server.getLocalPort() + "/")).build()).build();
        AbortableInputStream body = client.prepareRequest(request).call().responseBody().orElseThrow();
        body.read();
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
          body.abort();
          body.close();
        }, "the abort reached the connection: close did not wait for 10 MB that never come");
      } finally {
        done.countDown();
      }
    }
  }
}
