package dev.lakeformation.core.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import dev.lakeformation.api.LakeFormationException;
import dev.lakeformation.api.QueryListener;
import dev.lakeformation.jdbc.errors.SqlErrors;
import dev.lakeformation.core.query.Cancellation;
import dev.lakeformation.core.query.RetryPolicy;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Every error the Lake Formation and Athena service models give the operations the driver calls,
 * and the authentication errors every AWS service answers, sent over real HTTP and turned into
 * exceptions by the real SDK: whether the driver retries it, and the SQLState and SQLException
 * subclass the caller finally gets. Decided from error codes and HTTP status only.
 */
class AwsErrorsTest {
  private static final int RETRIES = 2;
  private static HttpServer server;
  private static volatile int status;
  private static volatile String errorType;
  private static volatile String body;
  private static final AtomicInteger requests = new AtomicInteger();
  private static AwsClients clients;

  @BeforeAll
  static void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      requests.incrementAndGet();
      exchange.getRequestBody().readAllBytes();
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      if (errorType != null) {
        exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.getResponseHeaders().set("x-amzn-RequestId", "request-1");
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
    URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    clients = AwsClients.create(new AwsSettings(Region.US_EAST_1, endpoint, endpoint,
        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAEXAMPLE", "secret")), Duration.ofSeconds(5),
        Duration.ofSeconds(5)));
  }

  @AfterAll
  static void stop() {
    clients.close();
    server.stop(0);
  }

  /** Lake Formation (rest-json): the type travels in x-amzn-ErrorType. */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      // error code,                    HTTP, retried, SQLState, SQLException subclass
      "InternalServiceException,        500, true,  58000, SQLTransientException",
      "ThrottledException,              429, true,  53000, SQLTransientException",
      "InvalidInputException,           400, false, 42000, SQLSyntaxErrorException",
      "EntityNotFoundException,         400, false, 42000, SQLSyntaxErrorException",
      "AccessDeniedException,           403, false, 28000, SQLInvalidAuthorizationSpecException",
      "ExpiredException,                410, false, HY000, SQLException",
      "WorkUnitsNotReadyYetException,   420, false, HY000, SQLException",
      "StatisticsNotReadyYetException,  420, false, HY000, SQLException",
      "UnrecognizedClientException,     403, false, 28000, SQLInvalidAuthorizationSpecException",
      "InvalidSignatureException,       403, false, 28000, SQLInvalidAuthorizationSpecException",
      "ExpiredTokenException,           403, false, 28000, SQLInvalidAuthorizationSpecException",
      "MissingAuthenticationTokenException, 403, false, 28000, SQLInvalidAuthorizationSpecException",
      "ServiceUnavailable,              503, true,  58000, SQLTransientException",
      "SomethingNewException,           400, false, HY000, SQLException",
  })
  void lakeFormationErrors(String code, int httpStatus, boolean retried, String sqlState, String sqlClass)
      throws Exception {
    status = httpStatus;
    errorType = code;
    body = "{\"Message\":\"the service says no\"}";
    check(retried, sqlState, sqlClass, () -> clients.lakeFormation().getQueryState(r -> r.queryId("x".repeat(36))));
  }

  /** Athena (json 1.1): the type travels in the body's __type. */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "InternalServerException,    500, true,  58000, SQLTransientException",
      "TooManyRequestsException,   400, true,  53000, SQLTransientException",
      "ThrottlingException,        400, true,  53000, SQLTransientException",
      "InvalidRequestException,    400, false, 42000, SQLSyntaxErrorException",
      "MetadataException,          400, false, 42000, SQLSyntaxErrorException",
      "ResourceNotFoundException,  400, false, 42000, SQLSyntaxErrorException",
      "UnrecognizedClientException, 400, false, 28000, SQLInvalidAuthorizationSpecException",
      "AccessDeniedException,      400, false, 28000, SQLInvalidAuthorizationSpecException",
  })
  void athenaErrors(String code, int httpStatus, boolean retried, String sqlState, String sqlClass) throws Exception {
    status = httpStatus;
    errorType = null;
    body = "{\"__type\":\"com.amazonaws.athena#" + code + "\",\"Message\":\"the service says no\"}";
    check(retried, sqlState, sqlClass, () -> clients.athena().listDataCatalogs(r -> r.maxResults(1)));
  }

  private static void check(boolean retried, String sqlState, String sqlClass, Runnable call) {
    requests.set(0);
    AtomicInteger retries = new AtomicInteger();
    QueryListener counting = new QueryListener() {
      @Override
      public void retried(String operation, Throwable failure) {
        retries.incrementAndGet();
      }
    };
    LakeFormationException failure = assertThrows(LakeFormationException.class,
        () -> new RetryPolicy(RETRIES).call("Operation", Cancellation.none(), counting, () -> {
          call.run();
          return null;
        }));
    assertEquals(retried ? RETRIES : 0, retries.get(), "retries");
    assertEquals(retried ? RETRIES + 1 : 1, requests.get(), "requests sent");
    assertEquals(sqlState, failure.sqlState(), failure.getMessage());
    SQLException jdbc = SqlErrors.of(failure);
    assertEquals(sqlClass, jdbc.getClass().getSimpleName());
    assertEquals(sqlState, jdbc.getSQLState());
    assertEquals(true, jdbc.getMessage().contains("the service says no") && jdbc.getMessage().contains("request-1"),
        jdbc.getMessage());
  }
}
