package dev.lakeformation.core.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.lakeformation.api.LakeFormationException;
import dev.lakeformation.api.QueryListener;
import dev.lakeformation.api.SqlState;
import dev.lakeformation.api.WorkUnit;
import dev.lakeformation.core.aws.AwsClients;
import dev.lakeformation.core.aws.AwsSettings;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * GetWorkUnits answers the model allows but LakeFormation Local never gives, from a service that
 * answers each call with the page a test scripts, through the real SDK over real HTTP.
 */
class WorkUnitWalkerTest {
  private static final String QUERY_ID = "0123abcd-0000-0000-0000-000000000000";
  private static final Duration POLL = Duration.ofMillis(20);

  private HttpServer server;
  private AwsClients clients;
  /** The page of the n-th call (from 0). */
  private volatile IntFunction<String> pages;
  /** When each call came, in nanoseconds. */
  private final ConcurrentLinkedQueue<Long> calls = new ConcurrentLinkedQueue<>();

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      int call = calls.size();
      calls.add(System.nanoTime());
      byte[] body = pages.apply(call).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    clients = AwsClients.create(new AwsSettings(Region.US_EAST_1, endpoint, endpoint,
        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAEXAMPLE", "secret")), Duration.ofSeconds(5),
        Duration.ofSeconds(5)));
  }

  @AfterEach
  void stop() {
    clients.close();
    server.stop(0);
  }

  private WorkUnitWalker walker(Duration planningTimeout) {
    FetchSettings settings = new FetchSettings(1, 1L << 20, null, true, 0, POLL, POLL, planningTimeout);
    return new WorkUnitWalker(clients.lakeFormation(), QUERY_ID, settings, new RetryPolicy(0), QueryListener.NONE);
  }

  private static String page(String ranges, String nextToken) {
    return "{\"QueryId\":\"" + QUERY_ID + "\",\"WorkUnitRanges\":[" + ranges + "]"
        + (nextToken == null ? "" : ",\"NextToken\":\"" + nextToken + "\"") + "}";
  }

  private static String range(long min, long max) {
    return "{\"WorkUnitIdMin\":" + min + ",\"WorkUnitIdMax\":" + max + ",\"WorkUnitToken\":\"t" + min + "\"}";
  }

  @Test
  void emptyPagesThatGoOnAreWaitedOutAtThePollIntervalNotAskedInABusyLoop() throws Exception {
    pages = call -> switch (call) {
      case 0, 1, 2 -> page("", "more");
      case 3 -> page(range(0, 1), "more");
      default -> page(range(2, 2), null);
    };
    WorkUnitWalker walker = walker(Duration.ofSeconds(30));
    List<Long> ids = new ArrayList<>();
    for (WorkUnit unit = walker.next(Cancellation.none()); unit != null; unit = walker.next(Cancellation.none())) {
      ids.add(unit.id());
    }
    assertEquals(List.of(0L, 1L, 2L), ids);
    List<Long> times = new ArrayList<>(calls);
    assertEquals(5, times.size());
    for (int i = 1; i <= 3; i++) {
      long pause = times.get(i) - times.get(i - 1);
      assertTrue(pause >= POLL.toNanos(), "call " + i + " came " + pause / 1_000 + " µs after an empty page");
    }
  }

  @Test
  void emptyPagesWithoutEndFailAsPlanningThatTakesTooLong() {
    pages = call -> page("", "more");
    long start = System.nanoTime();
    LakeFormationException e = assertThrows(LakeFormationException.class,
        () -> walker(Duration.ofSeconds(1)).next(Cancellation.none()));
    assertEquals(SqlState.TIMEOUT, e.sqlState());
    assertTrue(e.getMessage().contains("PlanningTimeoutSeconds"), e.getMessage());
    assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos());
    // At most one call per poll interval until the timeout, where a busy loop makes thousands.
    assertTrue(calls.size() <= Duration.ofSeconds(1).toMillis() / POLL.toMillis() + 5, calls.size() + " calls");
  }

  @Test
  void anEmptyLastPageEndsTheUnits() throws Exception {
    pages = call -> call == 0 ? page(range(0, 0), "more") : page("", null);
    WorkUnitWalker walker = walker(Duration.ofSeconds(30));
    assertEquals(0L, walker.next(Cancellation.none()).id());
    assertNull(walker.next(Cancellation.none()));
    assertEquals(2, calls.size());
  }
}
