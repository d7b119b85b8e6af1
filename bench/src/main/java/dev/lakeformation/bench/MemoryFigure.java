package dev.lakeformation.bench;

import dev.lakeformation.core.arrow.ArrowIpc;
import dev.lakeformation.local.LakeFormationLocal;
import java.io.ByteArrayOutputStream;
import java.nio.channels.Channels;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Figure 5: at least 4 GB of Arrow data drained by a JVM with a 256 MB heap and
 * MaxBufferBytes = 64 MB. LakeFormation Local, in this JVM, serves one ~8 MB lineitem-shaped
 * unit under many IDs (the same bytes, so the service needs no 4 GB); the measured JVM only reads.
 */
final class MemoryFigure {
  static final long MAX_BUFFER_BYTES = 64L << 20;

  private MemoryFigure() {}

  static Figure run(long totalBytes) throws Exception {
    byte[] unit = unitBytes();
    int copies = (int) Math.max(1, (totalBytes + unit.length - 1) / unit.length);
    List<byte[]> units = Collections.nCopies(copies, unit);
    try (LakeFormationLocal local = LakeFormationLocal.builder().heapLimitBytes(Long.MAX_VALUE).tpchScaleFactor(0.001).start()) {
      String queryId = local.publishQuery("memory benchmark", new ArrayList<>(units));
      String url = ServiceFigures.url(local, "MaxBufferBytes=" + MAX_BUFFER_BYTES + ";MaxConcurrentWorkUnits=4");
      String line = ChildJvm.run("the -Xmx256m drain", Duration.ofMinutes(10), "256m",
          System.getProperty("java.class.path"), MemoryDrain.class, url, queryId);
      String[] f = line.split(" ");
      long bytes = Long.parseLong(f[1]);
      long nanos = Long.parseLong(f[2]);
      long peakArrow = Long.parseLong(f[4]);
      long limit = MAX_BUFFER_BYTES + unit.length;
      String measured = String.format("%.1f GB in %.1f s; peak off-heap %.0f MB, heap %.0f MB, RSS %.0f MB",
          bytes / 1e9, nanos / 1e9, peakArrow / 1e6, Long.parseLong(f[3]) / 1e6, Long.parseLong(f[5]) / 1e6);
      return new Figure("Memory: -Xmx256m, MaxBufferBytes 64 MB", measured,
          String.format("limit %.0f MB (budget + one %.1f MB unit)", limit / 1e6, unit.length / 1e6),
          (double) limit / Math.max(1, peakArrow), 1.0);
    }
  }

  /** One work unit: ten 4,096-row lineitem-shaped batches as an Arrow IPC stream. */
  private static byte[] unitBytes() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (BufferAllocator allocator = new RootAllocator()) {
      try (VectorSchemaRoot first = BenchData.batch(BenchData.Shape.LINEITEM, 0, 4_096, allocator);
          ArrowIpc.StreamWriter writer = new ArrowIpc.StreamWriter(Channels.newChannel(out), first.getSchema())) {
        writer.writeBatch(first);
        for (int b = 1; b < 10; b++) {
          try (VectorSchemaRoot batch = BenchData.batch(BenchData.Shape.LINEITEM, b * 4_096L, 4_096, allocator)) {
            writer.writeBatch(batch);
          }
        }
      }
    }
    return out.toByteArray();
  }
}
