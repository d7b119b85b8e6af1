package dev.lakeformation.api;

import java.util.concurrent.atomic.LongAdder;

/**
 * A {@link QueryListener} that counts: work units listed and read, rows, bytes and retries.
 * Thread-safe; read it with {@link #snapshot()} from any thread, for example a progress line's timer.
 */
public final class QueryProgress implements QueryListener {
  private final LongAdder unitsRead = new LongAdder();
  private final LongAdder rows = new LongAdder();
  private final LongAdder bytes = new LongAdder();
  private final LongAdder retries = new LongAdder();
  private volatile long unitsKnown;
  private volatile boolean allUnitsKnown;

  /**
   * The counts at one moment.
   *
   * @param unitsRead work units read completely
   * @param unitsKnown work units listed by GetWorkUnits so far
   * @param allUnitsKnown whether GetWorkUnits' last page was read
   * @param rows rows decoded
   * @param bytes bytes of work-unit bodies decoded, as received
   * @param retries calls and work-unit bodies tried again
   */
  public record Snapshot(long unitsRead, long unitsKnown, boolean allUnitsKnown, long rows, long bytes,
      long retries) {}

  public Snapshot snapshot() {
    return new Snapshot(unitsRead.sum(), unitsKnown, allUnitsKnown, rows.sum(), bytes.sum(), retries.sum());
  }

  @Override
  public void workUnitsListed(long known, boolean allKnown) {
    this.unitsKnown = known;
    this.allUnitsKnown = allKnown;
  }

  @Override
  public void batchRead(WorkUnit unit, int batchRows, long batchBytes) {
    rows.add(batchRows);
    bytes.add(batchBytes);
  }

  @Override
  public void workUnitRead(WorkUnit unit) {
    unitsRead.increment();
  }

  @Override
  public void retried(String operation, Throwable failure) {
    retries.increment();
  }
}
