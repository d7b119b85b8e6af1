package dev.lakeformation.core.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;

/**
 * A server that closes each connection right after its answer, without saying so, leaves the
 * pool with connections that look reusable and are not: every request still gets its answer, sent
 * once more on a fresh connection; one that no server ever answers still fails.
 */
class ClosedConnectionResendTest {
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final AtomicInteger requestsRead = new AtomicInteger();
  private ServerSocket server;

  @BeforeEach
  void start() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.execute(() -> {
      while (!server.isClosed()) {
        try {
          Socket client = server.accept();
          threads.execute(() -> answerOnceThenClose(client));
        } catch (IOException closed) {
          return;
        }
      }
    });
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
    threads.shutdownNow();
  }

  @Test
  void aRequestOnAConnectionTheServerClosedIsSentAgainAndAnswered() throws Exception {
    try (SdkHttpClient client = ClosedConnectionResend.wrap(Apache5HttpClient.create())) {
      for (int i = 0; i < 20; i++) {
        assertEquals("ok", body(client.prepareRequest(post("request " + i)).call()));
      }
    }
    assertTrue(requestsRead.get() >= 20, "every request reached the server");
  }

  @Test
  void withoutTheResendTheSameServerFailsRequests() throws Exception {
    try (SdkHttpClient client = Apache5HttpClient.create()) {
      assertThrows(NoHttpResponseException.class, () -> {
        for (int i = 0; i < 20; i++) {
          body(client.prepareRequest(post("request " + i)).call());
          Thread.sleep(20); // the server's close reaches the pool's connection
        }
      });
    }
  }

  @Test
  void aServerThatNeverAnswersStillFails() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        SdkHttpClient client = ClosedConnectionResend.wrap(Apache5HttpClient.create())) {
      AtomicInteger accepted = new AtomicInteger();
      threads.execute(() -> {
        while (!silent.isClosed()) {
          try (Socket s = silent.accept()) {
            accepted.incrementAndGet();
            readHead(s.getInputStream());
          } catch (IOException closed) {
            return;
          }
        }
      });
      HttpExecuteRequest request = post("anything", URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/"));
      assertThrows(NoHttpResponseException.class, () -> client.prepareRequest(request).call());
      assertEquals(ClosedConnectionResend.RESENDS + 1, accepted.get(), "sent once and resent " + ClosedConnectionResend.RESENDS + " times");
    }
  }

  private void answerOnceThenClose(Socket client) {
    try (client) {
      InputStream in = client.getInputStream();
      int length = readHead(in);
      in.readNBytes(length);
      requestsRead.incrementAndGet();
      client.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
      client.getOutputStream().flush();
    } catch (IOException e) {
      // the client went away
    }
  }

  /** Reads a request's head and returns its Content-Length. */
  private static int readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0) {
      head.append((char) c);
      if (head.toString().endsWith("\r\n\r\n")) {
        break;
      }
    }
    for (String line : head.toString().split("\r\n")) {
      if (line.toLowerCase().startsWith("content-length:")) {
        return Integer.parseInt(line.substring(line.indexOf(':') + 1).strip());
      }
    }
    return 0;
  }

  private HttpExecuteRequest post(String content) {
    return post(content, URI.create("http://127.0.0.1:" + server.getLocalPort() + "/"));
  }

  private static HttpExecuteRequest post(String content, URI uri) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    SdkHttpFullRequest request = SdkHttpFullRequest.builder()
        .method(SdkHttpMethod.POST)
        .uri(uri)
        .putHeader("Content-Length", Integer.toString(bytes.length))
        .build();
    return HttpExecuteRequest.builder()
        .request(request)
        .contentStreamProvider(() -> new ByteArrayInputStream(bytes))
        .build();
  }

  private static String body(HttpExecuteResponse response) throws IOException {
    try (InputStream in = response.responseBody().orElseThrow()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
