package dev.lakeformation.bench;

import dev.lakeformation.core.arrow.ArrowIpc;
import dev.lakeformation.core.arrow.RootAllocators;
import dev.lakeformation.core.arrow.UnitStreamDecoder;
import dev.lakeformation.core.aws.AwsClients;
import dev.lakeformation.core.query.ResultStream;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.lakeformation.model.GetWorkUnitResultsResponse;

/**
 * One way of reading a planned query, in a JVM of its own (LakeFormation Local stays in the
 * harness), measuring the CPU this JVM spends by role: the reading thread (the application's, or
 * the Arrow API's reader threads), the driver's fetch threads, the JVM's other Java threads, its
 * JIT compiler threads ({@link CompilerThreadsCpu}), and the rest of the process (garbage
 * collection mostly). Figure 9 ({@link CpuFigure}).
 *
 * <p>Arguments: endpoint, query ID, mode, threads, extra connection properties, rounds. Modes:
 * {@code rows} and {@code values} (JDBC, moving through the rows or reading every value with its
 * natural getter), {@code arrow} (the Arrow API on {@code threads} threads, every value read),
 * {@code sdk} (the SDK's read-and-discard on {@code threads} threads), {@code decode} (each body decoded and
 * checked as the fetch threads do, on {@code threads} threads, each batch freed at once: the driver
 * without its result set) and {@code hand} (the hand-tuned loop over
 * the same bodies, fetched and decoded beforehand: only the loop is counted). Prints, for the
 * round that took the least CPU: rows, bytes, wall nanos, reading, fetch, other Java and process
 * CPU nanos, peak Arrow bytes of the result, the JIT compiler threads' CPU nanos (-1 when unknown:
 * see {@link CompilerThreadsCpu}) and the process's peak resident set.
 */
public final class CpuRead {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private CpuRead() {}

  /** What one round read and what it cost, by role. */
  private record Round(long rows, long bytes, long wallNanos, long readingCpu, long fetchCpu, long otherJavaCpu,
      long processCpu, long peakArrow, long compilerCpu) {
    String line() {
      return rows + " " + bytes + " " + wallNanos + " " + readingCpu + " " + fetchCpu + " " + otherJavaCpu + " "
          + processCpu + " " + peakArrow + " " + compilerCpu;
    }
  }

  /**
   * What a mode reports itself: rows, bytes, where it measures it itself the reading CPU (else
   * -1: this thread's), whether that reading ran on this thread, and the CPU of the threads that
   * read the bodies where they end before the round does (they count with the fetch threads).
   */
  private record Read(long rows, long bytes, long readingCpu, boolean readOnThisThread, long peakArrow,
      long bodyThreadsCpu) {}

  public static void main(String[] args) throws Exception {
    URI endpoint = URI.create(args[0]);
    String queryId = args[1];
    String mode = args[2];
    int threads = Integer.parseInt(args[3]);
    String extra = args[4];
    int rounds = Integer.parseInt(args[5]);
    Round best = null;
    for (int round = 0; round < rounds; round++) {
      Round measured = measure(() -> read(endpoint, queryId, mode, threads, extra));
      best = best == null || measured.processCpu < best.processCpu ? measured : best;
    }
    System.out.println(best.line() + " " + ProcessMemory.peakRss());
  }

  private interface Reading {
    Read run() throws Exception;
  }

  private static Round measure(Reading reading) throws Exception {
    Map<Long, Long> before = javaThreadCpu();
    long process = Timing.processCpuNanos();
    CompilerThreadsCpu compilers = CompilerThreadsCpu.start();
    long mainCpu = THREADS.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    Read read = reading.run();
    long wall = System.nanoTime() - start;
    long mainDelta = THREADS.getCurrentThreadCpuTime() - mainCpu;
    long readingCpu = read.readingCpu >= 0 ? read.readingCpu : mainDelta;
    long compilerCpu = compilers.nanosSinceStart(); // inside the process's window, which ends next
    long processCpu = Timing.processCpuNanos() - process;
    long fetch = read.bodyThreadsCpu;
    // What this thread did besides the reading (building clients, listing units, fetching the hand
    // loop's bodies) is a Java thread's work like any other.
    long other = read.readOnThisThread ? mainDelta - readingCpu : mainDelta;
    long mainId = Thread.currentThread().getId();
    for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
      if (info == null || info.getThreadId() == mainId || info.getThreadName().startsWith("arrow-reader-")) {
        continue; // the reading threads, counted above
      }
      long cpu = THREADS.getThreadCpuTime(info.getThreadId());
      long delta = cpu < 0 ? 0 : cpu - before.getOrDefault(info.getThreadId(), 0L);
      if (info.getThreadName().startsWith("lakeformation-jdbc-fetch-")) {
        fetch += delta;
      } else {
        other += delta;
      }
    }
    return new Round(read.rows, read.bytes, wall, readingCpu, fetch, other, processCpu, read.peakArrow, compilerCpu);
  }

  private static Map<Long, Long> javaThreadCpu() {
    Map<Long, Long> cpu = new HashMap<>();
    for (long id : THREADS.getAllThreadIds()) {
      cpu.put(id, Math.max(0, THREADS.getThreadCpuTime(id)));
    }
    return cpu;
  }

  private static Read read(URI endpoint, String queryId, String mode, int threads, String extra) throws Exception {
    return switch (mode) {
      case "rows", "values" -> jdbc(ServiceFigures.url(endpoint, extra), queryId, mode.equals("values"));
      case "arrow" -> {
        long[] read = ArrowApiRead.readAll(ServiceFigures.url(endpoint, extra), queryId, threads);
        yield new Read(read[0], read[1], read[3], false, 0, 0);
      }
      case "sdk" -> {
        try (AwsClients aws = ServiceFigures.clients(endpoint, extra)) {
          long[] read = TransportBaseline.readAll(aws, queryId, threads);
          yield new Read(0, read[0], 0, false, 0, read[2]);
        }
      }
      case "decode" -> {
        try (AwsClients aws = ServiceFigures.clients(endpoint, extra);
            BufferAllocator allocator = RootAllocators.create()) {
          long[] read = TransportBaseline.readAll(aws, queryId, threads, body -> decodeAndDrop(body, allocator));
          yield new Read(read[0], 0, 0, false, 0, read[2]);
        }
      }
      case "hand" -> handTunedLoop(endpoint, queryId);
      default -> throw new IllegalArgumentException("unknown mode " + mode);
    };
  }

  private static Read jdbc(String url, String queryId, boolean everyValue) throws Exception {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM system.query_results WHERE query_id = '" + queryId + "'")) {
      ResultStream stream = rs.unwrap(ResultStream.class);
      long rows = everyValue ? Timing.drain(rs) : Timing.count(rs);
      return new Read(rows, 0, -1, true, stream.peakBufferedBytes(), 0);
    }
  }

  /** Decodes a body as the driver's fetch threads do, freeing each batch at once; returns its rows. */
  private static long decodeAndDrop(InputStream body, BufferAllocator allocator) throws Exception {
    long rows = 0;
    try (UnitStreamDecoder decoder = new UnitStreamDecoder(body, allocator)) {
      VectorSchemaRoot batch;
      while ((batch = decoder.next()) != null) {
        rows += batch.getRowCount();
        batch.close();
      }
    }
    return rows;
  }

  /** Each unit fetched and decoded first; only the loop over its batches is counted, on this thread. */
  private static Read handTunedLoop(URI endpoint, String queryId) throws Exception {
    long rows = 0;
    long loopCpu = 0;
    long[] hash = {0};
    HandTunedLoop.Sink sink = new HandTunedLoop.Sink() {
      @Override
      public void consume(long value) {
        hash[0] = hash[0] * 31 + value;
      }

      @Override
      public void consume(Object value) {
        hash[0] = hash[0] * 31 + System.identityHashCode(value);
      }
    };
    try (AwsClients aws = ServiceFigures.clients(endpoint); BufferAllocator allocator = new RootAllocator()) {
      HandTunedLoop loop = null;
      for (TransportBaseline.Unit unit : TransportBaseline.units(aws, queryId)) {
        byte[] body;
        try (ResponseInputStream<GetWorkUnitResultsResponse> in = aws.lakeFormation().getWorkUnitResults(
            r -> r.queryId(queryId).workUnitId(unit.id()).workUnitToken(unit.token()))) {
          body = in.readAllBytes();
        }
        try (ArrowStreamReader reader = ArrowIpc.openStream(new ByteArrayInputStream(body), allocator)) {
          if (loop == null) {
            loop = new HandTunedLoop(HandTunedLoop.kindsOf(reader.getVectorSchemaRoot().getSchema().getFields()));
          }
          while (reader.loadNextBatch()) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            rows += loop.read(reader.getVectorSchemaRoot(), sink);
            loopCpu += THREADS.getCurrentThreadCpuTime() - cpu;
          }
        }
      }
    }
    if (hash[0] == 42) {
      System.out.print(""); // keeps the values from being optimised away
    }
    return new Read(rows, 0, loopCpu, true, 0, 0);
  }
}
