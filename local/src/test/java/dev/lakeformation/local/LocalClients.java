package dev.lakeformation.local;

import dev.lakeformation.core.aws.AwsClients;
import dev.lakeformation.core.aws.AwsSettings;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lakeformation.LakeFormationClient;

/** The real AWS SDK clients, pointed at a LakeFormation Local, and small helpers for tests. */
public final class LocalClients {
  private LocalClients() {}

  public static AwsClients connect(LakeFormationLocal local, String accessKeyId, String secretAccessKey) {
    return AwsClients.create(new AwsSettings(Region.US_EAST_1, local.endpoint(), local.endpoint(),
        StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey)),
        Duration.ofSeconds(5), Duration.ofSeconds(30)));
  }

  public static AwsClients connect(LakeFormationLocal local) {
    return connect(local, LakeFormationLocal.DEFAULT_ACCESS_KEY_ID, LakeFormationLocal.DEFAULT_SECRET_ACCESS_KEY);
  }

  /** Plans {@code sql} in {@code database} and waits until planning has finished. */
  public static String planAndFinish(LakeFormationClient lf, String database, String sql) throws InterruptedException {
    String id = lf.startQueryPlanning(r -> r.queryPlanningContext(c -> c.databaseName(database)).queryString(sql))
        .queryId();
    awaitState(lf, id, "FINISHED", "ERROR");
    return id;
  }

  /** Polls GetQueryState until it is one of {@code states}; returns the state. */
  public static String awaitState(LakeFormationClient lf, String id, String... states) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      String state = lf.getQueryState(r -> r.queryId(id)).stateAsString();
      for (String wanted : states) {
        if (wanted.equals(state)) {
          return state;
        }
      }
      Thread.sleep(10);
    }
    throw new AssertionError("query " + id + " never reached " + String.join(" or ", states));
  }
}
