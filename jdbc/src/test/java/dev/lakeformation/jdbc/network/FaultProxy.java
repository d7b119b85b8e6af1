package dev.lakeformation.jdbc.network;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A proxy on loopback between the driver and LakeFormation Local that does to the answers of one
 * operation what networks do: delays them, throttles them, cuts them, drips them, swallows them,
 * or answers for the service with a gateway's error page. It reads each request far enough to
 * know its operation (Lake Formation's path, Athena's X-Amz-Target, STS's Action) and tells both
 * sides ({@code Connection: close}) that each TCP connection carries one exchange, so that a fault
 * lands on exactly the exchange it was meant for and the driver never sends a request on a
 * connection the proxy has closed.
 *
 * <p>A fault meets each distinct request of its operation once (the first time its exact bytes
 * are sent): the driver's retry of it then gets past it, so a query ends with all its rows. A
 * fault on every exchange ends in an SQLException, unless it only slows the answers down.
 */
final class FaultProxy implements AutoCloseable {
  /** What happens to an answer. */
  enum Fault {
    /** The answer starts 300 ms late. */
    LATENCY,
    /** The answer comes at 256 KB/s. */
    BANDWIDTH,
    /** The connection is reset in the middle of the answer's body (after 1,500 bytes of it, or half of a shorter one). */
    RESET_MID_BODY,
    /** The first 2 KB of the answer come 64 bytes at a time, 20 ms apart. */
    SLOW_DRIP,
    /** In the middle of the answer's body nothing more comes, and the connection stays open. */
    BLACKHOLE_AFTER_BYTES,
    /** A gateway answers 502 with an HTML page instead of the service. */
    HTML_502,
    /** The connection is reset before any answer. */
    RESET_BEFORE_ANSWER,
    /** A 200 answer with an HTML page instead of the service's (a captive portal, a misrouted gateway). */
    PAGE_IN_A_200
  }

  private static final int CUT_AFTER_BYTES = 1_500;
  private static final byte[] ERROR_PAGE = ("<html><head><title>502 Bad Gateway</title></head><body>"
      + "<center><h1>502 Bad Gateway</h1></center><hr><center>proxy</center></body></html>")
      .getBytes(StandardCharsets.US_ASCII);

  private final ServerSocket server;
  private final int upstreamPort;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread thread = new Thread(r, "fault-proxy");
    thread.setDaemon(true);
    return thread;
  });
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  /** The requests (operation and body) a fault has met. */
  private final Set<String> met = ConcurrentHashMap.newKeySet();
  private final AtomicLong faultsInjected = new AtomicLong();
  private volatile Set<String> operations = Set.of();
  private volatile Fault fault;
  private volatile boolean everyExchange;

  FaultProxy(URI upstream) throws IOException {
    this.upstreamPort = upstream.getPort();
    this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    threads.execute(this::accept);
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  /** Injects {@code next} into the first exchange of each request (or every exchange) of {@code ops}; null for none. */
  void inject(Fault next, Set<String> ops, boolean everyOne) {
    this.operations = Set.copyOf(ops);
    this.everyExchange = everyOne;
    this.met.clear();
    this.fault = next;
  }

  long faultsInjected() {
    return faultsInjected.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        open.add(client);
        threads.execute(() -> exchange(client));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void exchange(Socket client) {
    try (client) {
      client.setSoTimeout(120_000);
      InputStream fromClient = client.getInputStream();
      byte[] head = readHead(fromClient);
      if (head == null) {
        return;
      }
      String headText = new String(head, StandardCharsets.ISO_8859_1);
      byte[] body = fromClient.readNBytes(contentLength(headText));
      String operation = operation(headText, body);
      Fault planned = faultFor(operation, body);
      if (planned != null) {
        faultsInjected.incrementAndGet();
      }
      if (planned == Fault.RESET_BEFORE_ANSWER) {
        reset(client);
        return;
      }
      OutputStream toClient = client.getOutputStream();
      if (planned == Fault.HTML_502 || planned == Fault.PAGE_IN_A_200) {
        String status = planned == Fault.HTML_502 ? "502 Bad Gateway" : "200 OK";
        toClient.write(("HTTP/1.1 " + status + "\r\nContent-Type: text/html\r\nContent-Length: " + ERROR_PAGE.length
            + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        toClient.write(ERROR_PAGE);
        toClient.flush();
        return;
      }
      Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
      open.add(upstream);
      try (upstream) {
        OutputStream toUpstream = upstream.getOutputStream();
        toUpstream.write(oneExchangeOnly(headText).getBytes(StandardCharsets.ISO_8859_1));
        toUpstream.write(body);
        toUpstream.flush();
        relay(upstream.getInputStream(), toClient, client, planned);
      } finally {
        open.remove(upstream);
      }
    } catch (IOException e) {
      // the driver gave up on this exchange, or the proxy was closed
    } finally {
      open.remove(client);
    }
  }

  private void relay(InputStream answer, OutputStream toClient, Socket client, Fault planned) throws IOException {
    if (planned == Fault.LATENCY) {
      pause(300);
    }
    byte[] head = readHead(answer);
    if (head == null) {
      return;
    }
    // A cut lands inside the body: after 1,500 bytes of it, or halfway through a shorter one.
    String headText = new String(head, StandardCharsets.ISO_8859_1);
    int length = headText.toLowerCase(Locale.ROOT).contains("content-length:") ? contentLength(headText) : -1;
    long cutAt = length >= 0 ? Math.min(CUT_AFTER_BYTES, length / 2) : CUT_AFTER_BYTES;
    toClient.write(oneExchangeOnly(headText).getBytes(StandardCharsets.ISO_8859_1));
    byte[] buffer = new byte[planned == Fault.SLOW_DRIP ? 64 : 8192];
    long sent = 0;
    int n;
    while ((n = answer.read(buffer)) > 0) {
      if ((planned == Fault.RESET_MID_BODY || planned == Fault.BLACKHOLE_AFTER_BYTES) && sent + n > cutAt) {
        toClient.write(buffer, 0, (int) (cutAt - sent));
        toClient.flush();
        if (planned == Fault.RESET_MID_BODY) {
          reset(client);
        } else {
          blackhole(client);
        }
        return;
      }
      toClient.write(buffer, 0, n);
      toClient.flush();
      sent += n;
      if (planned == Fault.BANDWIDTH) {
        pause(n * 1000L / (256 << 10));
      } else if (planned == Fault.SLOW_DRIP && sent < 2048) {
        pause(20);
      } else if (planned == Fault.SLOW_DRIP && buffer.length == 64) {
        buffer = new byte[8192];
      }
    }
    toClient.flush();
  }

  private Fault faultFor(String operation, byte[] body) {
    Fault current = fault;
    if (current == null || !operations.contains(operation)) {
      return null;
    }
    boolean first = met.add(operation + " " + new String(body, StandardCharsets.ISO_8859_1));
    return everyExchange || first ? current : null;
  }

  /** Says nothing more until the driver gives up (its socket timeout) and closes, or the proxy closes. */
  private static void blackhole(Socket client) throws IOException {
    InputStream in = client.getInputStream();
    while (in.read() >= 0) {
      // nothing is sent back; the driver's next request never comes on this connection
    }
  }

  private static void reset(Socket socket) throws IOException {
    socket.setSoLinger(true, 0); // close with RST, as a dropped link or a killed middlebox does
    socket.close();
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A message's head, up to and with its blank line, or null when nothing came. */
  private static byte[] readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    int b;
    while ((b = in.read()) >= 0) {
      head.write(b);
      matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
          ? matched + 1 : 0;
      if (matched == 4) {
        return head.toByteArray();
      }
      if (head.size() > 65_536) {
        throw new IOException("request head too long");
      }
    }
    return null;
  }

  private static int contentLength(String head) {
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        return Integer.parseInt(line.substring(line.indexOf(':') + 1).strip());
      }
    }
    return 0;
  }

  /** The head with Connection: close: the connection ends after this exchange. */
  private static String oneExchangeOnly(String head) {
    StringBuilder out = new StringBuilder();
    for (String line : head.split("\r\n")) {
      if (!line.isEmpty() && !line.toLowerCase(Locale.ROOT).startsWith("connection:")) {
        out.append(line).append("\r\n");
      }
    }
    return out.append("Connection: close\r\n\r\n").toString();
  }

  /** GetWorkUnitResults, AmazonAthena.ListDatabases → ListDatabases, STS's Action, … */
  static String operation(String head, byte[] body) {
    String path = head.substring(head.indexOf(' ') + 1, head.indexOf(' ', head.indexOf(' ') + 1));
    for (String line : head.split("\r\n")) {
      String lower = line.toLowerCase(Locale.ROOT);
      if (lower.startsWith("x-amz-target:")) {
        String target = line.substring(line.indexOf(':') + 1).strip();
        return target.substring(target.indexOf('.') + 1);
      }
    }
    if (path.equals("/") && body.length > 0) {
      for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
        if (pair.startsWith("Action=")) {
          return URLDecoder.decode(pair.substring("Action=".length()), StandardCharsets.UTF_8);
        }
      }
    }
    return path.replaceFirst("^/", "").replaceFirst("\\?.*", "");
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : open) {
      socket.close();
    }
    threads.shutdownNow();
  }
}
