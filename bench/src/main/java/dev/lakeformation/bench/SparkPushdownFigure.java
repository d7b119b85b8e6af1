package dev.lakeformation.bench;

import dev.lakeformation.core.aws.AwsClients;
import dev.lakeformation.local.LakeFormationLocal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;

/**
 * Figure 8: what pushdown saves. A DataFrame over {@code lineitem} that keeps about 5% of the rows
 * ({@code l_shipdate >=} a date) and 3 of the 16 columns, read by name ({@code table}: columns and
 * filter planned into the query) and through today's {@code query} option over
 * {@code SELECT * FROM lineitem} (Spark filters and projects what it fetched). Both compute
 * {@code COUNT(*), BIT_XOR(XXHASH64(*))}, which Spark cannot push, so every selected value is read.
 * Each round loads the DataFrame anew and is timed from {@code load()} to the result, planning
 * included (at {@code load()} for the query option, when Spark builds the scan for the table).
 * Bytes fetched are the work-unit bodies the service sent for the scan's query (GetQueryStatistics'
 * DataScannedBytes); what the selected values weigh is their Arrow size without any framing
 * (8 + 16 + 4 bytes and 3 validity bits per row).
 */
final class SparkPushdownFigure {
  private static final int ROUNDS = 3;
  private static final double SELECTED_SHARE = 0.05;
  private static final Pattern QUERY_ID = Pattern.compile("LakeFormation query ([0-9a-f-]{36})");
  private static final String[] COLUMNS = {"l_orderkey", "l_extendedprice", "l_shipdate"};

  private SparkPushdownFigure() {}

  /** The two lines of figure 8, on a {@code local[N]} master, N = this machine's cores. */
  static List<Figure> run(double scaleFactor) throws Exception {
    SparkFigure.quietSpark();
    try (LakeFormationLocal local = LakeFormationLocal.builder().tpchScaleFactor(scaleFactor).rowsPerWorkUnit(50_000)
        .rowsPerBatch(10_000).heapLimitBytes(1L << 30).start();
        AwsClients aws = ServiceFigures.clients(local)) {
      SparkSession spark = SparkFigure.session(Runtime.getRuntime().availableProcessors());
      try {
        return run(local, aws, spark, scaleFactor);
      } finally {
        spark.stop();
      }
    }
  }

  private static List<Figure> run(LakeFormationLocal local, AwsClients aws, SparkSession spark, double scaleFactor)
      throws Exception {
    LocalDate from = shipDateKeeping(local, SELECTED_SHARE);
    String filter = "l_shipdate >= DATE '" + from + "'";
    Round pushedBest = null;
    Round unpushedBest = null;
    for (int round = 0; round < ROUNDS + 1; round++) { // the first is a warm-up
      Round p = round(() -> spark.read().format("lakeformation").option("url", ServiceFigures.url(local, ""))
          .option("table", "tpch.lineitem").load(), filter, aws);
      Round u = round(() -> spark.read().format("lakeformation")
          .option("url", ServiceFigures.url(local, "Database=tpch")).option("query", "SELECT * FROM lineitem").load(),
          filter, aws);
      if (p.rows != u.rows || p.hash != u.hash) {
        throw new IllegalStateException("pushdown read " + p.rows + " rows (hash " + p.hash + "), the query option "
            + u.rows + " (hash " + u.hash + ")");
      }
      if (round > 0) {
        pushedBest = pushedBest == null || p.nanos < pushedBest.nanos ? p : pushedBest;
        unpushedBest = unpushedBest == null || u.nanos < unpushedBest.nanos ? u : unpushedBest;
      }
    }
    long rows = pushedBest.rows;
    long weight = rows * pushedBest.bytesPerRow + (rows * COLUMNS.length + 7) / 8;
    long totalRows = ((Number) scalar(local, "SELECT COUNT(*) FROM tpch.lineitem")).longValue();
    String what = String.format("Spark pushdown: lineitem SF %s, %s (%,d rows, %.1f%%), 3 of 16 columns", scaleFactor,
        filter, rows, 100.0 * rows / totalRows);
    return List.of(
        new Figure(what + ": bytes fetched vs what the selected values weigh", megabytes(pushedBest.bytes),
            "Arrow size of the values " + megabytes(weight), (double) weight / pushedBest.bytes, 1 / 1.2),
        new Figure(what + ": table option vs query option, load() to result", megabytes(pushedBest.bytes) + " in "
            + Timing.seconds(pushedBest.nanos), "query option " + megabytes(unpushedBest.bytes) + " in "
            + Timing.seconds(unpushedBest.nanos), (double) unpushedBest.nanos / pushedBest.nanos, 0));
  }

  private record Round(long rows, long hash, long bytes, long nanos, long bytesPerRow) {}

  /**
   * Loads the DataFrame, filters and projects it and computes the checksum, timed from
   * {@code load()} to the result (planning included, wherever it happens); the bytes are all
   * those the service sent for the query the scan read.
   */
  private static Round round(Supplier<Dataset<Row>> load, String filter, AwsClients aws) {
    long start = System.nanoTime();
    Dataset<Row> selected = load.get().where(filter).select(COLUMNS[0], COLUMNS[1], COLUMNS[2]);
    Dataset<Row> checksum = selected.selectExpr("COUNT(*)", "BIT_XOR(XXHASH64(*))");
    Row result = checksum.collectAsList().get(0);
    long nanos = System.nanoTime() - start;
    return new Round(result.getLong(0), result.getLong(1), bytesServed(aws, queryId(checksum)), nanos,
        bytesPerRow(selected.schema().fields()));
  }

  /** The query the DataFrame's scan read (its plan is the one the last action ran). */
  private static String queryId(Dataset<Row> df) {
    Matcher id = QUERY_ID.matcher(df.queryExecution().executedPlan().toString());
    if (!id.find()) {
      throw new IllegalStateException("no Lake Formation query in " + df.queryExecution().executedPlan());
    }
    return id.group(1);
  }

  private static long bytesServed(AwsClients aws, String queryId) {
    return aws.lakeFormation().getQueryStatistics(r -> r.queryId(queryId)).executionStatistics().dataScannedBytes();
  }

  /** The first ship date from which about {@code share} of the rows are kept. */
  private static LocalDate shipDateKeeping(LakeFormationLocal local, double share) throws Exception {
    long rows = ((Number) scalar(local, "SELECT COUNT(*) FROM tpch.lineitem")).longValue();
    Object date = scalar(local, "SELECT l_shipdate FROM tpch.lineitem ORDER BY l_shipdate DESC OFFSET "
        + (long) (rows * share) + " ROWS FETCH FIRST 1 ROW ONLY");
    return ((java.sql.Date) date).toLocalDate().plusDays(1);
  }

  private static Object scalar(LakeFormationLocal local, String sql) throws Exception {
    try (Connection h2 = local.openH2(); Statement s = h2.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getObject(1);
    }
  }

  /** Arrow's width of each value of these fixed-width columns. */
  private static long bytesPerRow(StructField[] fields) {
    long bytes = 0;
    for (StructField field : fields) {
      bytes += arrowWidth(field.dataType());
    }
    return bytes;
  }

  private static int arrowWidth(DataType type) {
    if (type.sameType(DataTypes.LongType)) {
      return 8;
    }
    if (type instanceof DecimalType) {
      return 16; // Decimal128
    }
    if (type.sameType(DataTypes.DateType)) {
      return 4; // DateDay
    }
    throw new IllegalArgumentException("no fixed Arrow width for " + type);
  }

  private static String megabytes(long bytes) {
    return String.format("%.1f MB", bytes / 1e6);
  }
}
