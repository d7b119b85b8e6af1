package dev.lakeformation.spark;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.execution.datasources.v2.BatchScanExec;
import org.apache.spark.sql.execution.ui.SQLExecutionUIData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import scala.Console$;

/**
 * The secret key reaches the executors, yet no 4 characters of it in a row appear in what Spark
 * shows or ships: {@code explain(true)}, the SQL executions the Spark UI lists, the Java-serialised
 * input partitions, reader factory and RDD that tasks carry, and every log record at every level
 * (Spark's, the AWS SDK's, the driver's) while a query is planned and read.
 */
@Tag("spark")
class SparkSecretsTest {
  private static SparkFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = SparkFixture.shared();
  }

  @Test
  void theSecretIsNeitherShownNorShippedNorLogged() throws Exception {
    StringBuilder logs = new StringBuilder();
    Handler capture = new Handler() {
      private final SimpleFormatter format = new SimpleFormatter();

      @Override
      public void publish(LogRecord record) {
        synchronized (logs) {
          logs.append(format.format(record));
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger root = Logger.getLogger("");
    Level level = root.getLevel();
    root.addHandler(capture);
    root.setLevel(Level.ALL);
    try {
      // The secret as Spark's password option, and inside the JDBC URL.
      Dataset<Row> byOption = fixture.query("tpch", "SELECT * FROM nation");
      Dataset<Row> inUrl = fixture.spark.read().format("lakeformation")
          .option("url", fixture.url("tpch") + ";AccessKeyId=" + SparkFixture.ACCESS_KEY_ID + ";SecretAccessKey="
              + SparkFixture.SECRET)
          .option("query", "SELECT * FROM region").load();
      for (Dataset<Row> df : List.of(byOption, inUrl)) {
        String explained = explainTrue(df);
        assertTrue(explained.contains("LakeFormation query"), explained);
        assertNoPieceOfSecret("explain(true)", explained);

        BatchScanExec scan = SparkFixture.scanOf(df);
        assertNoPieceOfSecret("the input partitions", serialized(SparkFixture.javaList(scan.inputPartitions())
            .toArray()));
        assertNoPieceOfSecret("the reader factory", serialized(scan.readerFactory()));
        assertNoPieceOfSecret("the RDD tasks carry", serialized(scan.inputRDD()));
        assertTrue(scan.readerFactory().toString().contains("with secrets by broadcast"), scan.readerFactory().toString());
        assertNoPieceOfSecret("the reader factory's description", scan.readerFactory().toString());
        assertEquals(df == byOption ? 25 : 5, df.collectAsList().size(), "the executors had the secret");
      }
    } finally {
      root.setLevel(level);
      root.removeHandler(capture);
    }
    assertTrue(logs.length() > 10_000, "Spark's debug logs were captured: " + logs.length() + " characters");
    assertNoPieceOfSecret("the logs", logs.toString());
    for (SQLExecutionUIData execution : SparkFixture.javaList(
        fixture.spark.sharedState().statusStore().executionsList())) {
      assertNoPieceOfSecret("the Spark UI's SQL tab", execution.description() + execution.details()
          + execution.physicalPlanDescription());
    }
  }

  @Test
  void withoutASecretInTheOptionsExecutorsUseTheirOwnCredentials() throws Exception {
    Path credentials = Files.createTempFile("credentials", "");
    Path config = Files.createTempFile("config", "");
    Files.writeString(credentials, "[spark-test]\naws_access_key_id = " + SparkFixture.ACCESS_KEY_ID
        + "\naws_secret_access_key = " + SparkFixture.SECRET + "\n");
    System.setProperty("aws.sharedCredentialsFile", credentials.toString());
    System.setProperty("aws.configFile", config.toString());
    try {
      Dataset<Row> df = fixture.spark.read().format("lakeformation").option("url", fixture.url("tpch"))
          .option("Profile", "spark-test").option("query", "SELECT * FROM region").load();
      assertEquals(5, df.count());
      String factory = SparkFixture.scanOf(df).readerFactory().toString();
      assertFalse(factory.contains("broadcast"), factory);
      assertTrue(factory.contains("Profile=spark-test"), factory);
    } finally {
      System.clearProperty("aws.sharedCredentialsFile");
      System.clearProperty("aws.configFile");
      Files.delete(credentials);
      Files.delete(config);
    }
  }

  /** What {@code df.explain(true)} prints (on Scala's console, which is not System.out). */
  private static String explainTrue(Dataset<Row> df) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Console$.MODULE$.withOut(out, () -> {
      df.explain(true);
      return null;
    });
    return out.toString(UTF_8);
  }

  private static String serialized(Object value) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    return bytes.toString(ISO_8859_1); // the secret is ASCII: any copy of it shows as these characters
  }

  private static void assertNoPieceOfSecret(String where, String text) {
    for (int i = 0; i + 4 <= SparkFixture.SECRET.length(); i++) {
      String piece = SparkFixture.SECRET.substring(i, i + 4);
      int at = text.indexOf(piece);
      assertTrue(at < 0, where + " hold '" + piece + "' of the secret: …"
          + text.substring(Math.max(0, at - 200), Math.min(text.length(), at + 200)) + "…");
    }
  }
}
