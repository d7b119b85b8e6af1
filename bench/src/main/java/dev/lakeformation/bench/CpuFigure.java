package dev.lakeformation.bench;

import dev.lakeformation.core.aws.AwsClients;
import dev.lakeformation.core.config.ConnectionProperty;
import dev.lakeformation.local.LakeFormationLocal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Figure 9: the CPU a reader of {@code SELECT * FROM lineitem} spends per row, by role, each way
 * of reading in a JVM of its own ({@link CpuRead}) while LakeFormation Local serves from this one.
 * CPU time depends far less than throughput on how many cores the machine has or how busy it is:
 * the reading thread's CPU per row bounds what one JDBC reader can do wherever it runs. Baselines
 * in the same run: the SDK's read-and-discard (CPU per byte) on one thread and on as many threads
 * as the driver reads bodies at once (on cores the service shares, reading several bodies at once
 * costs the SDK itself more per byte, so rows only is compared like for like too), and the
 * hand-tuned loop over the same bodies on one thread (CPU per row). Rows only and the SDK's
 * read on one thread are measured over HTTPS as well, from a second LakeFormation Local serving
 * TLS, as AWS's endpoints do.
 */
final class CpuFigure {
  private static final int ROUNDS = 5;
  /** MaxConcurrentWorkUnits' default: the bodies the driver reads at once. */
  private static final int DEFAULT_UNITS_AT_ONCE =
      Integer.parseInt(ConnectionProperty.MAX_CONCURRENT_WORK_UNITS.defaultValue());

  /** The figures, and the table of CPU by role that explains them. */
  record Result(List<Figure> figures, String table) {}

  /** One way of reading, as {@link CpuRead} measured it. */
  private record Measured(String name, long rows, long bytes, long wallNanos, long reading, long fetch,
      long otherJava, long process, long peakArrow, long compilers, long peakRss) {
    double perRow(long cpu) {
      return (double) cpu / rows;
    }

    /** What the process did beside its Java threads and, where they were measured, its JIT compilers: mostly GC. */
    long rest() {
      return Math.max(0, process - reading - fetch - otherJava - Math.max(0, compilers));
    }

    /** The process's CPU less its JIT compiler threads'. */
    long compiled() {
      return process - Math.max(0, compilers);
    }

    /** The same read counted per row of {@code rowsRead}, a read of the same query (the SDK's reads count bytes). */
    Measured perRowOf(Measured rowsRead) {
      return new Measured(name, rowsRead.rows, bytes, wallNanos, reading, fetch, otherJava, process, peakArrow,
          compilers, peakRss);
    }
  }

  private CpuFigure() {}

  static Result run(double scaleFactor) throws Exception {
    // First, as two services of this size do not fit in one heap together.
    OverHttps https = overHttps(scaleFactor);
    try (LakeFormationLocal local = LakeFormationLocal.builder().tpchScaleFactor(scaleFactor).rowsPerWorkUnit(50_000)
        .rowsPerBatch(10_000).heapLimitBytes(1L << 30).start();
        AwsClients aws = ServiceFigures.clients(local)) {
      String queryId = ServiceFigures.planFully(aws, "tpch", "SELECT * FROM lineitem");
      URI endpoint = local.endpoint();
      // The hand loop first: it reads every body once, so that no baseline meets a colder service than the rest.
      Measured hand = child("hand-tuned loop over the same bodies", endpoint, queryId, "hand", 1, "");
      Measured sdk = child("SDK read-and-discard, 1 thread", endpoint, queryId, "sdk", 1, "");
      Measured sdkParallel = child("SDK read-and-discard, " + DEFAULT_UNITS_AT_ONCE + " threads", endpoint, queryId,
          "sdk", DEFAULT_UNITS_AT_ONCE, "");
      Measured rows = child("JDBC, rows only", endpoint, queryId, "rows", 1, "");
      Measured rowsOneUnit = child("JDBC, rows only, MaxConcurrentWorkUnits=1", endpoint, queryId, "rows", 1,
          "MaxConcurrentWorkUnits=1");
      Measured decode = child("bodies decoded and dropped, 1 thread", endpoint, queryId, "decode", 1, "");
      Measured decodeParallel = child("bodies decoded and dropped, " + DEFAULT_UNITS_AT_ONCE + " threads", endpoint,
          queryId, "decode", DEFAULT_UNITS_AT_ONCE, "");
      Measured values = child("JDBC, every value", endpoint, queryId, "values", 1, "");
      List<Measured> arrow = new ArrayList<>();
      for (int threads : new int[] {1, 2, 4, 8}) {
        arrow.add(child("Arrow API, every value, P=" + threads, endpoint, queryId, "arrow", threads, ""));
      }
      String what = "CPU per row: lineitem SF " + scaleFactor + String.format(" (%,d rows)", values.rows);
      List<Figure> figures = new ArrayList<>();
      figures.add(new Figure(what + ", reading thread, every value", nanos(values.perRow(values.reading)),
          "hand-tuned loop " + nanos(hand.perRow(hand.reading)),
          hand.perRow(hand.reading) / values.perRow(values.reading), 1 / 1.4));
      // The same bodies throughout: the SDK counted their bytes.
      String perByte = "CPU per byte: lineitem SF " + scaleFactor + ", rows only, whole process";
      figures.add(perByteFigure(perByte, rows, sdk, sdk));
      // Like for like: the same number of bodies read at once. On a machine whose cores the
      // service shares, reading several bodies at once costs the SDK itself more CPU per byte.
      figures.add(perByteFigure(perByte + ", 1 unit at a time", rowsOneUnit, sdk, sdk));
      figures.add(perByteFigure(perByte + ", " + DEFAULT_UNITS_AT_ONCE + " units at once (the default)", rows,
          sdkParallel, sdk));
      // A round is a second or two, and the JIT still compiles in the cheapest of 5; the driver
      // runs more code than the SDK's read, so more of its CPU might be compiling: taken out here.
      if (rows.compilers >= 0 && sdk.compilers >= 0) {
        double readPerByte = (double) rows.compiled() / sdk.bytes;
        double baselinePerByte = (double) sdk.compiled() / sdk.bytes;
        figures.add(new Figure(perByte + " less the JIT compilers' CPU", String.format(Locale.ROOT, "%.2f ns/byte",
            readPerByte), String.format(Locale.ROOT, "%s less its JIT compilers: %.2f ns/byte", sdk.name,
            baselinePerByte), baselinePerByte / readPerByte, 0));
      }
      figures.add(perByteFigure(perByte + ", over HTTPS", https.rows, https.sdk, https.sdk).forInformation());
      figures.add(perByteFigure(perByte + ", 1 unit at a time, over HTTPS", https.rowsOneUnit, https.sdk, https.sdk)
          .forInformation());
      // Where the difference lies: the bodies decoded and checked as the fetch threads do, with no
      // result set, against the same reads of the SDK.
      String decoding = "CPU per byte: lineitem SF " + scaleFactor + ", decoding alone (no result set)";
      figures.add(perByteFigure(decoding + ", 1 thread", decode, sdk, sdk).forInformation());
      figures.add(perByteFigure(decoding + ", " + DEFAULT_UNITS_AT_ONCE + " threads", decodeParallel, sdkParallel, sdk)
          .forInformation());
      for (Measured a : arrow) {
        figures.add(new Figure(what + ", " + a.name + ", whole process", nanos(a.perRow(a.process)),
            "hand-tuned loop " + nanos(hand.perRow(hand.reading)), hand.perRow(hand.reading) / a.perRow(a.process),
            1 / 1.5));
      }
      List<Measured> all = new ArrayList<>(List.of(hand, sdk.perRowOf(values), sdkParallel.perRowOf(values),
          https.sdk.perRowOf(values), decode, decodeParallel, rows, rowsOneUnit, https.rows, https.rowsOneUnit,
          values));
      all.addAll(arrow);
      return new Result(figures, table(all, sdk, sdkParallel, values));
    }
  }

  /** Rows only (at the default and one unit at a time) and the SDK's read on one thread, over HTTPS. */
  private record OverHttps(Measured sdk, Measured rows, Measured rowsOneUnit) {}

  /**
   * Real endpoints serve HTTPS only: rows only and the SDK's read again, from a LakeFormation Local
   * serving TLS, where decrypting each body is part of every read (for information: the goals
   * are stated over plain HTTP).
   */
  private static OverHttps overHttps(double scaleFactor) throws Exception {
    try (LakeFormationLocal tls = LakeFormationLocal.builder().tpchScaleFactor(scaleFactor).rowsPerWorkUnit(50_000)
        .rowsPerBatch(10_000).heapLimitBytes(1L << 30).tls(true).start()) {
      String trust = "TrustStore={" + tls.certificateFile() + "}";
      String queryId;
      try (AwsClients aws = ServiceFigures.clients(tls.endpoint(), trust)) {
        queryId = ServiceFigures.planFully(aws, "tpch", "SELECT * FROM lineitem");
        TransportBaseline.readAll(aws, queryId, 1); // every body served once, so that no read meets a colder service
      }
      return new OverHttps(child("SDK read-and-discard, 1 thread, over HTTPS", tls.endpoint(), queryId, "sdk", 1, trust),
          child("JDBC, rows only, over HTTPS", tls.endpoint(), queryId, "rows", 1, trust),
          child("JDBC, rows only, MaxConcurrentWorkUnits=1, over HTTPS", tls.endpoint(), queryId, "rows", 1,
              trust + ";MaxConcurrentWorkUnits=1"));
    }
  }

  /** {@code read}'s CPU per byte against {@code baseline}'s, over the bytes {@code counted} counted. */
  private static Figure perByteFigure(String what, Measured read, Measured baseline, Measured counted) {
    double readPerByte = (double) read.process / counted.bytes;
    double baselinePerByte = (double) baseline.process / counted.bytes;
    return new Figure(what, String.format(Locale.ROOT, "%.2f ns/byte", readPerByte), String.format(Locale.ROOT,
        "%s %.2f ns/byte", baseline.name, baselinePerByte), baselinePerByte / readPerByte, 1 / 1.3);
  }

  private static String nanos(double perRow) {
    return String.format(Locale.ROOT, "%.0f ns/row", perRow);
  }

  /** CPU by role, per row, with the model's two numbers; then memory at the defaults. */
  private static String table(List<Measured> all, Measured sdk, Measured sdkParallel, Measured defaults) {
    StringBuilder out = new StringBuilder();
    out.append("CPU by role, nanoseconds per row (the reading thread is the application's, or the Arrow API's")
        .append(" readers; the SDK's reads per row of the same query, their threads under fetch threads; the model's")
        .append(" ceiling is 1 / the reading thread's CPU per row, its cores total / reading):\n\n");
    out.append("| Read | reading thread | fetch threads | other Java threads | JIT compilers | GC, rest | total |")
        .append(" model: one reader's ceiling | model: cores used | measured here |\n");
    out.append("|---|---|---|---|---|---|---|---|---|---|\n");
    for (Measured m : all) {
      double reading = m.perRow(m.reading);
      boolean noReader = m.reading == 0; // the SDK, or bodies decoded and dropped: no reading thread, no model
      out.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %s | %.0f | %.0f | %s | %s | %s |%n", m.name,
          reading, m.perRow(m.fetch), m.perRow(m.otherJava),
          m.compilers < 0 ? "(in GC, rest)" : String.format(Locale.ROOT, "%.0f", m.perRow(m.compilers)),
          m.perRow(m.rest()), m.perRow(m.process),
          noReader ? "" : Timing.rate(1e9 / reading, "rows"),
          noReader ? "" : String.format(Locale.ROOT, "%.2f", m.perRow(m.process) / reading),
          m.name.startsWith("hand") ? "(loop only)" : Timing.rate(m.rows / (m.wallNanos / 1e9), "rows")));
    }
    out.append(String.format(Locale.ROOT, "%nThe SDK's read-and-discard: %.2f ns of CPU per byte on 1 thread, %.2f"
        + " on %d, %,d bytes.%n", (double) sdk.process / sdk.bytes, (double) sdkParallel.process / sdk.bytes,
        DEFAULT_UNITS_AT_ONCE, sdk.bytes));
    out.append(String.format(Locale.ROOT, "At the defaults: peak Arrow memory of the result %.1f MB, peak RSS of"
        + " the reader's JVM %.0f MB (-Xmx2g).%n", defaults.peakArrow / 1e6, defaults.peakRss / 1e6));
    return out.toString();
  }

  /** Runs {@link CpuRead} in a fresh JVM with this JVM's class path. */
  private static Measured child(String name, URI endpoint, String queryId, String mode, int threads, String extra)
      throws Exception {
    String line = ChildJvm.run(name, Duration.ofMinutes(20), "2g", System.getProperty("java.class.path"),
        CpuRead.class, endpoint.toString(), queryId, mode, String.valueOf(threads), extra, String.valueOf(ROUNDS));
    String[] f = line.split(" ");
    return new Measured(name, Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]),
        Long.parseLong(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6]), Long.parseLong(f[7]), Long.parseLong(f[8]),
        Long.parseLong(f[9]));
  }
}
