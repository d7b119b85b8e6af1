package dev.lakeformation.bench;

import dev.lakeformation.core.arrow.RootAllocators;
import dev.lakeformation.core.query.BatchSource;
import dev.lakeformation.core.query.FetchSettings;
import dev.lakeformation.core.query.FetchedBatch;
import dev.lakeformation.core.query.ResultStream;
import dev.lakeformation.jdbc.resultset.ArrowResultSet;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Figure 1, decode: one operation drains {@value #ROWS} rows reading every column with its
 * natural getter. The driver is measured twice: through its real fetch path (the rows as Arrow
 * IPC work-unit bodies in memory, decoded and checked ahead of the reader on {@value #FETCH_THREADS}
 * fetch threads, then read through the ResultSet), and through the ResultSet alone over decoded
 * batches (everything built on the reading thread). Baselines: H2's in-memory ResultSet over the
 * same rows, and the fastest loop we could write that builds the same Java values from the same
 * vectors on one thread (the single-thread limit).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DecodeBenchmark {
  static final int ROWS = 1 << 18;
  static final int BATCH_ROWS = 4_096;
  static final int BATCHES_PER_UNIT = 4;
  static final int FETCH_THREADS = 2;

  @Param({"LINEITEM", "BIGINT"})
  public BenchData.Shape shape;

  private BufferAllocator allocator;
  private final List<VectorSchemaRoot> batches = new ArrayList<>();
  private final List<byte[]> unitBodies = new ArrayList<>();
  private BenchData.Kind[] kinds;
  private Connection h2;
  private HandTunedLoop loop;

  @Setup(Level.Trial)
  public void setUp() throws SQLException {
    allocator = RootAllocators.create(); // as the driver's connections allocate: freed blocks are reused
    for (int first = 0; first < ROWS; first += BATCH_ROWS) {
      batches.add(BenchData.batch(shape, first, BATCH_ROWS, allocator));
    }
    for (int unit = 0; unit < batches.size(); unit += BATCHES_PER_UNIT) {
      unitBodies.add(BenchData.ipcStream(batches.subList(unit, Math.min(batches.size(), unit + BATCHES_PER_UNIT))));
    }
    kinds = BenchData.kinds(shape).toArray(BenchData.Kind[]::new);
    h2 = DriverManager.getConnection("jdbc:h2:mem:decode_" + shape);
    BenchData.loadH2(h2, shape, ROWS);
    loop = new HandTunedLoop(kinds);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    batches.forEach(VectorSchemaRoot::close);
    allocator.close();
    h2.close();
  }

  /** The decoded batches, handed out as slices that share their buffers, so each operation reads the same data. */
  private final class Batches implements BatchSource {
    private int next;

    @Override
    public Schema schema() {
      return batches.get(0).getSchema();
    }

    @Override
    public FetchedBatch next() {
      if (next == batches.size()) {
        return null;
      }
      VectorSchemaRoot batch = batches.get(next++);
      return FetchedBatch.inMemory(batch.slice(0, batch.getRowCount()));
    }

    @Override
    public void close() {
      next = batches.size();
    }
  }

  /** The driver as it reads a query: work-unit bodies fetched, decoded and checked ahead on fetch threads. */
  @Benchmark
  public long driverResultSet(Blackhole blackhole) throws SQLException {
    FetchSettings settings = new FetchSettings(FETCH_THREADS, 64L << 20, null, true, 0, Duration.ofMillis(1),
        Duration.ofMillis(1), Duration.ofSeconds(60));
    try (ResultSet rs = new ArrowResultSet(ResultStream.ofBodies(unitBodies, settings, allocator), null,
        Long.MAX_VALUE, () -> { })) {
      return drain(rs, blackhole);
    }
  }

  /** The ResultSet alone over decoded batches: every value built on the reading thread, nothing fetched. */
  @Benchmark
  public long driverReadingThreadAlone(Blackhole blackhole) throws SQLException {
    try (ResultSet rs = new ArrowResultSet(new Batches(), null, Long.MAX_VALUE, () -> { })) {
      return drain(rs, blackhole);
    }
  }

  @Benchmark
  public long h2ResultSet(Blackhole blackhole) throws SQLException {
    try (Statement s = h2.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM t")) {
      return drain(rs, blackhole);
    }
  }

  /** next() and every column's natural getter, as an application reads rows. */
  private long drain(ResultSet rs, Blackhole blackhole) throws SQLException {
    long rows = 0;
    while (rs.next()) {
      for (int c = 0; c < kinds.length; c++) {
        switch (kinds[c]) {
          case BIGINT -> blackhole.consume(rs.getLong(c + 1));
          case INT -> blackhole.consume(rs.getInt(c + 1));
          case DECIMAL -> blackhole.consume(rs.getBigDecimal(c + 1));
          case TEXT -> blackhole.consume(rs.getString(c + 1));
          case DATE -> blackhole.consume(rs.getDate(c + 1));
        }
      }
      rows++;
    }
    return rows;
  }

  /** The single-thread limit: see {@link HandTunedLoop}. */
  @Benchmark
  public long handTunedLoop(Blackhole blackhole) {
    HandTunedLoop.Sink sink = new HandTunedLoop.Sink() {
      @Override
      public void consume(long value) {
        blackhole.consume(value);
      }

      @Override
      public void consume(Object value) {
        blackhole.consume(value);
      }
    };
    long rows = 0;
    for (VectorSchemaRoot batch : batches) {
      rows += loop.read(batch, sink);
    }
    return rows;
  }
}
