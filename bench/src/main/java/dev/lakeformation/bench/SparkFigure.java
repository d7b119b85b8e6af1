package dev.lakeformation.bench;

import dev.lakeformation.core.aws.AwsClients;
import dev.lakeformation.local.LakeFormationLocal;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Figure 6: the Spark connector computing a checksum over every column of
 * {@code SELECT * FROM lineitem} on a {@code local[N]} master, N = this machine's cores and twice
 * that (a task waits while its body arrives, so Spark users often run more tasks than cores),
 * against one JDBC reader reading every value of the same planned query with its natural getter.
 * The two alternate, round by round, so that a busy moment of a shared machine hits both.
 */
final class SparkFigure {
  private static final int ROUNDS = 3;
  /** Held, so that its level stays set: java.util.logging keeps only weak references to loggers. */
  private static final Logger SPARK_LOGS = Logger.getLogger("org.apache.spark");

  private SparkFigure() {}

  static List<Figure> run(double scaleFactor) throws Exception {
    quietSpark();
    int cores = Runtime.getRuntime().availableProcessors();
    List<Figure> figures = new ArrayList<>();
    try (LakeFormationLocal local = LakeFormationLocal.builder().tpchScaleFactor(scaleFactor).rowsPerWorkUnit(50_000)
        .rowsPerBatch(10_000).heapLimitBytes(1L << 30).start();
        AwsClients aws = ServiceFigures.clients(local)) {
      String queryId = ServiceFigures.planFully(aws, "tpch", "SELECT * FROM lineitem");
      ServiceFigures.driverRead(local, queryId, 8, true); // warm-up
      for (int tasks : new int[] {cores, 2 * cores}) {
        figures.add(figure(local, queryId, tasks, scaleFactor));
      }
    }
    return figures;
  }

  /** Spark's INFO lines would bury the report. */
  static void quietSpark() {
    SPARK_LOGS.setLevel(Level.WARNING);
  }

  /** A Spark session on a {@code local[tasks]} master, bound to loopback, without its UI. */
  static SparkSession session(int tasks) {
    return SparkSession.builder().master("local[" + tasks + "]").appName("bench")
        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
  }

  private static Figure figure(LakeFormationLocal local, String queryId, int tasks, double scaleFactor) throws Exception {
    SparkSession spark = session(tasks);
    try {
      Dataset<Row> lineitem = spark.read().format("lakeformation").option("url", ServiceFigures.url(local, ""))
          .option("queryId", queryId).load();
      // xxhash64 over every column of each row, folded in any order: every value is read.
      Dataset<Row> checksum = lineitem.selectExpr("COUNT(*)", "BIT_XOR(XXHASH64(*))");
      checksum.first(); // warm-up: code generation, JIT
      long rows = 0;
      long sparkBest = Long.MAX_VALUE;
      long jdbcBest = Long.MAX_VALUE;
      for (int round = 0; round < ROUNDS; round++) {
        long start = System.nanoTime();
        rows = checksum.first().getLong(0);
        sparkBest = Math.min(sparkBest, System.nanoTime() - start);
        long[] jdbc = ServiceFigures.driverRead(local, queryId, 8, true);
        jdbcBest = Math.min(jdbcBest, jdbc[2]);
        if (jdbc[0] != rows) {
          throw new IllegalStateException("Spark counted " + rows + " rows, JDBC " + jdbc[0]);
        }
      }
      double sparkRate = rows / (sparkBest / 1e9);
      double jdbcRate = rows / (jdbcBest / 1e9);
      return new Figure(String.format("Spark local[%d]: lineitem SF %s (%,d rows, %d partitions), checksum of every"
          + " column", tasks, scaleFactor, rows, lineitem.rdd().getNumPartitions()), Timing.rate(sparkRate, "rows"),
          "one JDBC reader of every value " + Timing.rate(jdbcRate, "rows"), sparkRate / jdbcRate, 1.0);
    } finally {
      spark.stop();
    }
  }
}
