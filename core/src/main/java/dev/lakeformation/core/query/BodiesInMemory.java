package dev.lakeformation.core.query;

import dev.lakeformation.api.QueryListener;
import dev.lakeformation.api.WorkUnit;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Work-unit bodies already in memory, one Arrow IPC stream each, served as the units of a query
 * without a service: read with exactly the code that reads the service's bodies.
 */
final class BodiesInMemory implements UnitBodies, WorkUnitSource {
  private final String queryId;
  private final List<byte[]> bodies;
  private final AtomicInteger next = new AtomicInteger();

  BodiesInMemory(String queryId, List<byte[]> bodies) {
    this.queryId = queryId;
    this.bodies = List.copyOf(bodies);
  }

  @Override
  public WorkUnit next(Cancellation cancellation) {
    int index = next.getAndIncrement();
    return index < bodies.size() ? new WorkUnit(queryId, index, index, "in-memory") : null;
  }

  @Override
  public UnitBody open(WorkUnit unit, Cancellation cancellation, QueryListener listener) {
    byte[] bytes = bodies.get((int) unit.index());
    InputStream stream = new ByteArrayInputStream(bytes);
    return new UnitBody() {
      @Override
      public InputStream stream() {
        return stream;
      }

      @Override
      public long expectedLength() {
        return bytes.length;
      }

      @Override
      public void abort() {
        // nothing to drop
      }

      @Override
      public void close() {
        // nothing to release
      }
    };
  }
}
