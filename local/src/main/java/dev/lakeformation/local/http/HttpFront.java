package dev.lakeformation.local.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.lakeformation.local.athena.AthenaApi;
import dev.lakeformation.local.faults.Faults;
import dev.lakeformation.local.protocol.Caller;
import dev.lakeformation.local.protocol.Json;
import dev.lakeformation.local.protocol.LocalThreads;
import dev.lakeformation.local.protocol.Reply;
import dev.lakeformation.local.protocol.ServiceError;
import dev.lakeformation.local.queries.LakeFormationApi;
import dev.lakeformation.local.sts.SsoPortal;
import dev.lakeformation.local.sts.StsApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The HTTP/1.1 front of LakeFormation Local on the loopback interface: authenticates each
 * request, injects faults, routes Lake Formation ({@code POST /<Operation>}), Athena
 * ({@code X-Amz-Target}), STS (form-encoded {@code POST /}) and IAM Identity Center portal
 * ({@code GET /federation/credentials}) calls, and renders errors the way each protocol expects
 * them. Faults are injected into Lake Formation and Athena calls only:
 * they exercise the data path, and a connection's credential check must not draw them.
 */
public final class HttpFront implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(HttpFront.class.getName());
  private static final int MAX_VALUES_PER_OPERATION = 100;
  private static final String SSO_GET_ROLE_CREDENTIALS = "GetRoleCredentials";
  /** No real request of these APIs comes near this; larger bodies are refused unread. */
  static final int MAX_REQUEST_BYTES = 1 << 20;

  private final HttpServer server;
  private final ExecutorService workers;
  private final LakeFormationApi lakeFormation;
  private final AthenaApi athena;
  private final StsApi sts;
  private final SsoPortal ssoPortal;
  private final SigV4Verifier verifier;
  private final Faults faults;
  /** Requests per known operation, answered or failed: how tests see how many calls a client made. */
  private final Map<String, LongAdder> requestsByOperation = new ConcurrentHashMap<>();
  /** The distinct user agents each known operation came with (the first hundred): how tests see who called. */
  private final Map<String, Set<String>> userAgentsByOperation = new ConcurrentHashMap<>();
  /** The distinct Host headers each known operation came with (the first hundred): where clients sent it. */
  private final Map<String, Set<String>> hostsByOperation = new ConcurrentHashMap<>();

  public HttpFront(int port, int threads, LakeFormationApi lakeFormation, AthenaApi athena, StsApi sts, SsoPortal ssoPortal,
      SigV4Verifier verifier, Faults faults, TlsIdentity tls) throws IOException {
    this.lakeFormation = lakeFormation;
    this.athena = athena;
    this.sts = sts;
    this.ssoPortal = ssoPortal;
    this.verifier = verifier;
    this.faults = faults;
    enableNoDelay();
    InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    if (tls == null) {
      this.server = HttpServer.create(address, 256);
    } else {
      HttpsServer https = HttpsServer.create(address, 256);
      https.setHttpsConfigurator(new HttpsConfigurator(tls.serverContext()));
      this.server = https;
    }
    this.workers = Executors.newFixedThreadPool(threads, LocalThreads.named("lakeformation-local-http"));
    server.setExecutor(workers);
    server.createContext("/", this::serve);
    startAsDaemon(server);
  }

  /**
   * The JDK's server thread takes its daemon status from the thread that starts it. Started
   * from a daemon thread, an embedded service (Local=true in a user's application) never keeps
   * the host JVM from exiting.
   */
  private static void startAsDaemon(HttpServer server) throws IOException {
    Thread starter = LocalThreads.named("lakeformation-local-start").newThread(server::start);
    starter.start();
    try {
      starter.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      server.stop(0);
      throw new IOException("interrupted while starting LakeFormation Local", e);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * Thrown out of the handler to drop the connection in the middle of a body: the JDK's server
   * closes the socket of a handler that fails, so the client sees the bytes stop, as after a
   * network failure. (Closing the exchange early instead leaves the socket open, and the client
   * waits for the rest until its read timeout.)
   */
  private static final class ConnectionCut extends IOException {
    private static final long serialVersionUID = 1L;

    ConnectionCut() {
      super("connection cut mid-body (injected fault)", null);
    }
  }

  /**
   * The JDK's server writes a response's headers and body separately; without TCP_NODELAY the
   * body waits for the client's delayed ACK of the headers, about 40 ms per request on Linux,
   * which made every small work unit cost 40 ms. The server reads this property once, when its
   * first instance starts; a value the user set is left alone.
   */
  private static void enableNoDelay() {
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  /** The distinct user agents requests of {@code operation} came with so far (the first hundred). */
  public Set<String> userAgents(String operation) {
    return Set.copyOf(userAgentsByOperation.getOrDefault(operation, Set.of()));
  }

  /** The distinct Host headers requests of {@code operation} came with so far (the first hundred). */
  public Set<String> hosts(String operation) {
    return Set.copyOf(hostsByOperation.getOrDefault(operation, Set.of()));
  }

  public long requestCount(String operation) {
    LongAdder count = requestsByOperation.get(operation);
    return count == null ? 0 : count.sum();
  }

  /** The wire protocols served, each with its own way of naming operations and errors. */
  private enum Protocol {
    LAKE_FORMATION("lakeformation"), ATHENA("athena"), STS("sts"),
    /** IAM Identity Center's portal: GetRoleCredentials, a GET with a bearer token instead of a signature. */
    SSO_PORTAL("awsssoportal");

    /** The service name requests of this protocol are signed for (the fourth part of their credential scope). */
    final String signingName;

    Protocol(String signingName) {
      this.signingName = signingName;
    }

    static Protocol of(HttpExchange exchange) {
      if ("GET".equals(exchange.getRequestMethod()) && SsoPortal.PATH.equals(exchange.getRequestURI().getPath())) {
        return SSO_PORTAL;
      }
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      if (target != null && target.startsWith(AthenaApi.TARGET_PREFIX)) {
        return ATHENA;
      }
      String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
      boolean form = contentType != null && contentType.startsWith("application/x-www-form-urlencoded");
      return form && "/".equals(exchange.getRequestURI().getPath()) ? STS : LAKE_FORMATION;
    }

    String operation(HttpExchange exchange, Map<String, String> stsParameters) {
      return switch (this) {
        case ATHENA -> exchange.getRequestHeaders().getFirst("X-Amz-Target").substring(AthenaApi.TARGET_PREFIX.length());
        case STS -> stsParameters.getOrDefault("Action", "");
        case SSO_PORTAL -> SSO_GET_ROLE_CREDENTIALS;
        case LAKE_FORMATION -> exchange.getRequestURI().getPath().replaceFirst("^/", "");
      };
    }

    boolean knows(String operation) {
      return switch (this) {
        case ATHENA -> AthenaApi.knows(operation);
        case STS -> StsApi.knows(operation);
        case SSO_PORTAL -> true;
        case LAKE_FORMATION -> LakeFormationApi.knows(operation);
      };
    }

    /** The error of a refused signature, named and numbered as this protocol's service answers it. */
    ServiceError refused(AuthenticationFailure failure) {
      String type = switch (failure.kind) {
        case MISSING -> this == STS ? "MissingAuthenticationToken" : "MissingAuthenticationTokenException";
        case MALFORMED -> this == STS ? "IncompleteSignature" : "IncompleteSignatureException";
        case UNKNOWN_KEY -> this == STS ? "InvalidClientTokenId" : "UnrecognizedClientException";
        case BAD_SIGNATURE -> this == STS ? "SignatureDoesNotMatch" : "InvalidSignatureException";
        case EXPIRED -> this == STS ? "ExpiredToken" : "ExpiredTokenException";
      };
      // JSON 1.1 services (Athena) answer client errors with 400; STS's expired token is a 400 too.
      int status = this == ATHENA || (this == STS && failure.kind == AuthenticationFailure.Kind.EXPIRED) ? 400 : 403;
      return new ServiceError(type, status, failure.getMessage(), Map.of());
    }

    ServiceError unknownOperation(String message) {
      return this == STS ? ServiceError.stsInvalidAction(message)
          : new ServiceError("UnknownOperationException", this == ATHENA ? 400 : 404, message, Map.of());
    }
  }

  private void serve(HttpExchange exchange) throws IOException {
    long start = System.nanoTime();
    Protocol protocol = Protocol.of(exchange);
    String operation = "";
    int status;
    try {
      byte[] body = readBody(exchange, protocol);
      Map<String, String> stsParameters = protocol == Protocol.STS ? StsApi.parameters(body) : Map.of();
      operation = protocol.operation(exchange, stsParameters);
      if (protocol.knows(operation)) {
        requestsByOperation.computeIfAbsent(operation, o -> new LongAdder()).increment();
        record(userAgentsByOperation, operation, exchange.getRequestHeaders().getFirst("User-Agent"));
        record(hostsByOperation, operation, exchange.getRequestHeaders().getFirst("Host"));
      }
      Reply reply = answer(exchange, protocol, operation, body, stsParameters);
      status = 200;
      send(exchange, reply);
    } catch (ConnectionCut cut) {
      logRequest(exchange, operation, 200, start);
      throw cut; // not closing the exchange: the server drops the connection
    } catch (ServiceError error) {
      status = error.httpStatus;
      sendError(exchange, protocol, error);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "LakeFormation Local failed on " + operation, e);
      ServiceError error = protocol == Protocol.ATHENA ? ServiceError.athenaInternal("Internal error: " + e)
          : protocol == Protocol.STS ? new ServiceError("InternalFailure", 500, "Internal error: " + e, Map.of())
          : ServiceError.internal("Internal error: " + e);
      status = error.httpStatus;
      sendError(exchange, protocol, error);
    }
    exchange.close();
    logRequest(exchange, operation, status, start);
  }

  private static void record(Map<String, Set<String>> byOperation, String operation, String value) {
    Set<String> values = byOperation.computeIfAbsent(operation, o -> ConcurrentHashMap.newKeySet());
    if (value != null && values.size() < MAX_VALUES_PER_OPERATION) {
      values.add(value);
    }
  }

  private static void logRequest(HttpExchange exchange, String operation, int status, long start) {
    if (LOG.isLoggable(Level.FINE)) {
      LOG.fine(String.format("%s %s %s -> %d in %d ms", exchange.getRequestMethod(),
          exchange.getRequestURI().getPath(), operation, status, (System.nanoTime() - start) / 1_000_000));
    }
  }

  private Reply answer(HttpExchange exchange, Protocol protocol, String operation, byte[] body,
      Map<String, String> stsParameters) throws IOException {
    if (protocol == Protocol.SSO_PORTAL) {
      return ssoPortal.getRoleCredentials(queryParameters(exchange.getRequestURI().getRawQuery()),
          exchange.getRequestHeaders().getFirst("x-amz-sso_bearer_token"));
    }
    if (!"POST".equals(exchange.getRequestMethod())) {
      throw protocol.unknownOperation("Only POST is supported, got " + exchange.getRequestMethod() + ".");
    }
    Caller caller = null;
    if (!(protocol == Protocol.STS && StsApi.UNSIGNED_ACTION.equals(operation))) {
      try {
        caller = verifier.check(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
            exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body, protocol.signingName);
      } catch (AuthenticationFailure failure) {
        throw protocol.refused(failure);
      }
    }
    if (protocol == Protocol.STS) {
      return sts.handle(stsParameters, caller);
    }
    if (!protocol.knows(operation)) {
      throw protocol.unknownOperation("Operation " + operation + " is not supported by LakeFormation Local.");
    }
    boolean isAthena = protocol == Protocol.ATHENA;
    if (faults.drawThrottle()) {
      throw isAthena ? ServiceError.athenaTooManyRequests("Rate exceeded (injected fault).")
          : ServiceError.throttled("Rate exceeded (injected fault).");
    }
    if (faults.drawInternalError()) {
      throw isAthena ? ServiceError.athenaInternal("Internal failure (injected fault).")
          : ServiceError.internal("Internal failure (injected fault).");
    }
    return isAthena ? athena.handle(operation, body) : lakeFormation.handle(operation, body);
  }

  private static Map<String, String> queryParameters(String rawQuery) {
    Map<String, String> parameters = new HashMap<>();
    for (String pair : rawQuery == null ? new String[0] : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        parameters.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return parameters;
  }

  private static byte[] readBody(HttpExchange exchange, Protocol protocol) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(MAX_REQUEST_BYTES + 1);
      if (body.length > MAX_REQUEST_BYTES) {
        String message = "The request body exceeds " + MAX_REQUEST_BYTES + " bytes.";
        throw switch (protocol) {
          case ATHENA -> ServiceError.athenaInvalidRequest(message);
          case STS -> ServiceError.stsValidation(message);
          case LAKE_FORMATION, SSO_PORTAL -> ServiceError.invalidInput(message);
        };
      }
      return body;
    }
  }

  private void send(HttpExchange exchange, Reply reply) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", reply.contentType());
    exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
    byte[] body = reply.body();
    int cutAt = body.length;
    if (reply.isWorkUnit()) {
      long latency = faults.workUnitLatencyMillis();
      if (latency > 0) {
        sleep(latency);
      }
      if (body.length > 1 && faults.drawTruncate()) {
        cutAt = (int) (body.length * faults.drawCutFraction());
      }
    }
    exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
    OutputStream out = exchange.getResponseBody();
    out.write(body, 0, cutAt);
    if (cutAt < body.length) {
      out.flush();
      throw new ConnectionCut();
    }
  }

  private static void sendError(HttpExchange exchange, Protocol protocol, ServiceError error) throws IOException {
    String requestId = UUID.randomUUID().toString();
    byte[] bytes;
    String contentType;
    if (protocol == Protocol.STS) {
      bytes = StsApi.errorDocument(error, requestId);
      contentType = "text/xml";
    } else {
      ObjectNode body = Json.object();
      if (protocol == Protocol.ATHENA) {
        body.put("__type", error.type);
      }
      body.put("Message", error.getMessage());
      error.extraMembers.forEach(body::put);
      bytes = Json.bytes(body);
      contentType = protocol == Protocol.ATHENA ? "application/x-amz-json-1.1" : "application/json";
    }
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
    if (protocol == Protocol.LAKE_FORMATION || protocol == Protocol.SSO_PORTAL) {
      exchange.getResponseHeaders().set("x-amzn-ErrorType", error.type);
    }
    exchange.sendResponseHeaders(error.httpStatus, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
