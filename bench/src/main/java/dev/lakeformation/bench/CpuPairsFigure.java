package dev.lakeformation.bench;

import dev.lakeformation.core.aws.AwsClients;
import dev.lakeformation.local.LakeFormationLocal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Figure 10, CPU pairs: this build against an older build's jar, reading lineitem from the same
 * LakeFormation Local in alternation, pair after pair. On a shared machine the CPU per row of one
 * read moves by 10–30% from run to run, more than most changes gain or lose; two builds run
 * minutes apart, many times over, meet the same load, and how often one is cheaper says more than
 * two runs far apart. Which build runs first alternates from pair to pair, so that neither always
 * meets the service and the machine in the same state. Each run is a fresh JVM with nothing but
 * its jar and {@link JdbcRead} on the class path, at the driver's defaults, reading
 * {@value #READS} times; it counts the process CPU of its cheapest read (connecting included).
 * Rows only and every value. Meant for scale factor 1: the process CPU time moves in steps of 10
 * ms, a few percent of a read at scale factor 0.1. Run only when named ({@code --only pairs}).
 */
final class CpuPairsFigure {
  static final int PAIRS = 6;
  static final int READS = 8;

  /** The figures, and a table of every pair. */
  record Result(List<Figure> figures, String table) {}

  /** One pair's process CPU per row of each build, in nanoseconds. */
  private record Pair(double current, double baseline) {}

  private CpuPairsFigure() {}

  static Result run(double scaleFactor, Path currentJar, Path baselineJar) throws Exception {
    List<Figure> figures = new ArrayList<>();
    StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "CPU pairs, process CPU per row (ns) of"
        + " each run's cheapest of %d reads, this build and %s:%n%n| Read | pair | first | this build | older build"
        + " |%n|---|---|---|---|---|%n", READS, baselineJar.getFileName()));
    try (LakeFormationLocal local = ServiceFigures.lineitemService(scaleFactor);
        AwsClients aws = ServiceFigures.clients(local)) {
      String queryId = ServiceFigures.planFully(aws, "tpch", "SELECT * FROM lineitem");
      String url = ServiceFigures.url(local, "");
      for (boolean everyValue : new boolean[] {false, true}) {
        String read = everyValue ? "every value" : "rows only";
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < PAIRS; i++) {
          boolean currentFirst = i % 2 == 0;
          JdbcProcess.Read first = JdbcProcess.read(currentFirst ? currentJar : baselineJar, url, queryId, everyValue,
              READS);
          JdbcProcess.Read second = JdbcProcess.read(currentFirst ? baselineJar : currentJar, url, queryId, everyValue,
              READS);
          Pair pair = currentFirst ? new Pair(perRow(first), perRow(second)) : new Pair(perRow(second), perRow(first));
          pairs.add(pair);
          table.append(String.format(Locale.ROOT, "| %s | %d | %s | %.0f | %.0f |%n", read, i + 1,
              currentFirst ? "this build" : "older build", pair.current, pair.baseline));
        }
        figures.add(figure(scaleFactor, read, baselineJar, pairs));
      }
    }
    return new Result(figures, table.toString());
  }

  private static double perRow(JdbcProcess.Read read) {
    return (double) read.cheapestCpuNanos() / read.rows();
  }

  private static Figure figure(double scaleFactor, String read, Path baselineJar, List<Pair> pairs) {
    long cheaper = pairs.stream().filter(p -> p.current < p.baseline).count();
    DoubleSummaryStatistics current = stats(pairs, Pair::current);
    DoubleSummaryStatistics baseline = stats(pairs, Pair::baseline);
    return new Figure(String.format(Locale.ROOT, "CPU pairs: lineitem SF %s, %s, process CPU per row, this build vs"
        + " %s (%d pairs)", scaleFactor, read, baselineJar.getFileName(), pairs.size()),
        String.format(Locale.ROOT, "%s; cheaper in %d of %d pairs", describe(current), cheaper, pairs.size()),
        "older build " + describe(baseline), baseline.getAverage() / current.getAverage(), 0);
  }

  private static DoubleSummaryStatistics stats(List<Pair> pairs, ToDoubleFunction<Pair> side) {
    return pairs.stream().mapToDouble(side).summaryStatistics();
  }

  private static String describe(DoubleSummaryStatistics side) {
    return String.format(Locale.ROOT, "mean %.0f ns/row (%.0f–%.0f)", side.getAverage(), side.getMin(),
        side.getMax());
  }
}
