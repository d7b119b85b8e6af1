package dev.lakeformation.jdbc.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.jdbc.aws.AwsClients;
import dev.lakeformation.jdbc.aws.AwsSettings;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

class LocalServiceTest {
  static LocalService local;
  static AwsClients aws;

  @BeforeAll
  static void start() throws Exception {
    local = LocalService.builder().start();
    aws = AwsClients.create(new AwsSettings(Region.US_EAST_1, local.endpoint(), local.endpoint(),
        StaticCredentialsProvider.create(AwsBasicCredentials.create(LocalService.DEFAULT_ACCESS_KEY_ID,
            LocalService.DEFAULT_SECRET_ACCESS_KEY)), Duration.ofSeconds(5), Duration.ofSeconds(30)));
  }

  @AfterAll
  static void stop() {
    aws.close();
    local.close();
  }

  @Test
  void plansAQuery() throws Exception {
    var lf = aws.lakeFormation();
    String id = lf.startQueryPlanning(r -> r.queryPlanningContext(c -> c.databaseName("tpch"))
        .queryString("SELECT * FROM lineitem")).queryId();
    assertEquals(36, id.length());
    String state;
    do {
      Thread.sleep(20);
      state = lf.getQueryState(r -> r.queryId(id)).stateAsString();
    } while (!state.equals("FINISHED"));
    var page = lf.getWorkUnits(r -> r.queryId(id));
    assertTrue(page.workUnitRanges().size() > 1);
  }
}
