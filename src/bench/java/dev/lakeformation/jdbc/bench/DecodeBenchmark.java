package dev.lakeformation.jdbc.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.lakeformation.jdbc.query.BatchSource;
import dev.lakeformation.jdbc.query.FetchedBatch;
import dev.lakeformation.jdbc.resultset.ArrowResultSet;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
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
 * natural getter, through the driver's ArrowResultSet over in-memory batches, through a plain
 * loop over the same vectors (the client-side limit), and through H2's own in-memory ResultSet.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DecodeBenchmark {
  static final int ROWS = 1 << 18;
  static final int BATCH_ROWS = 4_096;

  @Param({"LINEITEM", "BIGINT"})
  public BenchData.Shape shape;

  private BufferAllocator allocator;
  private final List<VectorSchemaRoot> batches = new ArrayList<>();
  private BenchData.Kind[] kinds;
  private Connection h2;

  @Setup(Level.Trial)
  public void setUp() throws SQLException {
    allocator = new RootAllocator();
    for (int first = 0; first < ROWS; first += BATCH_ROWS) {
      batches.add(BenchData.batch(shape, first, BATCH_ROWS, allocator));
    }
    kinds = BenchData.kinds(shape).toArray(BenchData.Kind[]::new);
    h2 = DriverManager.getConnection("jdbc:h2:mem:decode_" + shape);
    BenchData.loadH2(h2, shape, ROWS);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    batches.forEach(VectorSchemaRoot::close);
    allocator.close();
    h2.close();
  }

  /** The batches, handed out as slices that share their buffers, so each operation reads the same data. */
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

  @Benchmark
  public long driverResultSet(Blackhole blackhole) throws SQLException {
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

  /** Every value read straight from the vectors: what any Arrow consumer must at least do. */
  @Benchmark
  public long rawVectorLoop(Blackhole blackhole) {
    long rows = 0;
    for (VectorSchemaRoot batch : batches) {
      List<FieldVector> vectors = batch.getFieldVectors();
      int count = batch.getRowCount();
      for (int r = 0; r < count; r++) {
        for (int c = 0; c < kinds.length; c++) {
          FieldVector vector = vectors.get(c);
          if (vector.isNull(r)) {
            continue;
          }
          switch (kinds[c]) {
            case BIGINT -> blackhole.consume(((BigIntVector) vector).get(r));
            case INT -> blackhole.consume(((IntVector) vector).get(r));
            case DECIMAL -> blackhole.consume(((DecimalVector) vector).getObject(r));
            case TEXT -> blackhole.consume(new String(((VarCharVector) vector).get(r), UTF_8));
            case DATE -> blackhole.consume(((DateDayVector) vector).get(r));
          }
        }
      }
      rows += count;
    }
    return rows;
  }
}
