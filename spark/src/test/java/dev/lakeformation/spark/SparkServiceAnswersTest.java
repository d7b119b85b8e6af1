package dev.lakeformation.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.local.network.CannedAnswers;
import dev.lakeformation.local.network.CannedAnswers.Answer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.DataFrameReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every answer a network gives instead of AWS's, at the Spark connector's entry points (a table's
 * catalog entry, the catalog's listing, a query's planning): each ends, within a bounded time, in
 * a LakeFormationSparkException with the SQLState the driver gives the same answer, never in
 * another exception or a hang.
 */
class SparkServiceAnswersTest {
  /** MaxRetries=1 and a 1 s socket timeout: two tries of at most a second each, and a short backoff. */
  private static final Duration BOUND = Duration.ofSeconds(15);

  private static SparkFixture fixture;
  private static CannedAnswers server;

  @BeforeAll
  static void start() throws Exception {
    fixture = SparkFixture.shared();
    server = new CannedAnswers();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String url() {
    return "jdbc:lakeformation://Endpoint=" + server.endpoint() + ";Region=us-east-1;Database=sales"
        + ";MaxRetries=1;SocketTimeoutMillis=1000;ConnectTimeoutMillis=1000;PollIntervalMillis=10";
  }

  private static DataFrameReader reader() {
    return fixture.spark.read().format("lakeformation").option("url", url())
        .option("user", "AKIAEXAMPLE").option("password", "example-secret");
  }

  @ParameterizedTest
  @EnumSource(Answer.class)
  void eachEntryPointEndsInTheDriversSqlStateWithinBoundedTime(Answer answer) throws Exception {
    server.answerWith(answer);
    String catalog = "answers_" + answer.name().toLowerCase(Locale.ROOT);
    fixture.spark.conf().set("spark.sql.catalog." + catalog, LakeFormationCatalog.class.getName());
    fixture.spark.conf().set("spark.sql.catalog." + catalog + ".url", url());
    fixture.spark.conf().set("spark.sql.catalog." + catalog + ".user", "AKIAEXAMPLE");
    fixture.spark.conf().set("spark.sql.catalog." + catalog + ".password", "example-secret");
    Map<String, Runnable> entryPoints = Map.of(
        "load() of a table", () -> reader().option("table", "sales.orders").load(),
        "load() of a query", () -> reader().option("query", "SELECT 1").load(),
        "SHOW TABLES over the catalog", () -> fixture.spark.sql("SHOW TABLES IN " + catalog + ".sales").collectAsList());
    for (Map.Entry<String, Runnable> entry : entryPoints.entrySet()) {
      Throwable thrown = CompletableFuture.supplyAsync(() -> {
        try {
          entry.getValue().run();
          return null;
        } catch (Throwable t) {
          return t;
        }
      }).get(BOUND.toSeconds(), TimeUnit.SECONDS);
      assertNotNull(thrown, entry.getKey() + " succeeded against " + answer);
      LakeFormationSparkException e = driverError(thrown);
      assertNotNull(e, entry.getKey() + " against " + answer + " ended in another exception: " + thrown);
      assertEquals(answer.sqlState, e.sqlState(), entry.getKey() + " against " + answer + ": " + e.getMessage());
      assertTrue(answer.status <= 0 || e.getMessage().contains("HTTP " + answer.status), e.getMessage());
      assertTrue(e.getMessage().contains(server.endpoint().getAuthority()), e.getMessage());
    }
  }

  /** The connector's exception, which Spark may have wrapped in its own. */
  private static LakeFormationSparkException driverError(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof LakeFormationSparkException e) {
        return e;
      }
    }
    return null;
  }
}
