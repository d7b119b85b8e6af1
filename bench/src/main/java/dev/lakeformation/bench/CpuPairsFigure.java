package dev.lakeformation.bench;

import dev.lakeformation.core.aws.AwsClients;
import dev.lakeformation.local.LakeFormationLocal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Figure 10, CPU pairs: this build against an older build's jar, reading lineitem from the same
 * LakeFormation Local in alternation, pair after pair. On a shared machine the CPU per row of one
 * read moves by 10–30% from run to run, more than most changes gain or lose; two builds run
 * minutes apart, many times over, meet the same load, and how often one is cheaper says more than
 * two runs far apart. Each run is a fresh JVM with nothing but its jar and {@link JdbcRead} on the
 * class path, at the driver's defaults, reading {@value #READS} times; it counts the process CPU
 * of its cheapest read (connecting included). Rows only and every value. Run with
 * {@code BENCH_BASELINE_REV=<commit> bin/bench --only pairs}; a full run leaves it out.
 */
final class CpuPairsFigure {
  static final int PAIRS = 6;
  static final int READS = 8;

  /** The figures, and a table of every pair. */
  record Result(List<Figure> figures, String table) {}

  /** One pair's process CPU per row, in nanoseconds. */
  private record Pair(double now, double before) {}

  private CpuPairsFigure() {}

  static Result run(double scaleFactor, Path currentJar, Path baselineJar) throws Exception {
    if (baselineJar == null) {
      throw new IllegalArgumentException("the CPU pairs need an older build: BENCH_BASELINE_REV=<commit> bin/bench"
          + " --only pairs");
    }
    List<Figure> figures = new ArrayList<>();
    StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "CPU pairs, process CPU per row (ns) of"
        + " each run's cheapest of %d reads, this build then %s:%n%n| Read | pair | this build | older build |%n"
        + "|---|---|---|---|%n", READS, baselineJar.getFileName()));
    try (LakeFormationLocal local = ServiceFigures.lineitemService(scaleFactor);
        AwsClients aws = ServiceFigures.clients(local)) {
      String queryId = ServiceFigures.planFully(aws, "tpch", "SELECT * FROM lineitem");
      String url = ServiceFigures.url(local, "");
      for (boolean everyValue : new boolean[] {false, true}) {
        String read = everyValue ? "every value" : "rows only";
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < PAIRS; i++) {
          long[] now = JdbcProcess.read(currentJar, url, queryId, everyValue, READS);
          long[] before = JdbcProcess.read(baselineJar, url, queryId, everyValue, READS);
          Pair pair = new Pair((double) now[2] / now[0], (double) before[2] / before[0]);
          pairs.add(pair);
          table.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f |%n", read, i + 1, pair.now, pair.before));
        }
        figures.add(figure(scaleFactor, read, baselineJar, pairs));
      }
    }
    return new Result(figures, table.toString());
  }

  private static Figure figure(double scaleFactor, String read, Path baselineJar, List<Pair> pairs) {
    long cheaper = pairs.stream().filter(p -> p.now < p.before).count();
    return new Figure(String.format(Locale.ROOT, "CPU pairs: lineitem SF %s, %s, process CPU per row, this build vs"
        + " %s (%d pairs)", scaleFactor, read, baselineJar.getFileName(), pairs.size()),
        String.format(Locale.ROOT, "%s; cheaper in %d of %d pairs", describe(pairs, Pair::now), cheaper, pairs.size()),
        "older build " + describe(pairs, Pair::before), mean(pairs, Pair::before) / mean(pairs, Pair::now), 0);
  }

  private static String describe(List<Pair> pairs, ToDoubleFunction<Pair> side) {
    double min = pairs.stream().mapToDouble(side).min().orElseThrow();
    double max = pairs.stream().mapToDouble(side).max().orElseThrow();
    return String.format(Locale.ROOT, "mean %.0f ns/row (%.0f–%.0f)", mean(pairs, side), min, max);
  }

  private static double mean(List<Pair> pairs, ToDoubleFunction<Pair> side) {
    return pairs.stream().mapToDouble(side).average().orElseThrow();
  }
}
