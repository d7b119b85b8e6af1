package dev.lakeformation.api;

/**
 * Told what a query's work does as it happens: for progress lines, statistics and logs.
 *
 * <p>Methods are called from the threads doing the work (the statement's thread, the shared
 * fetch threads, and the threads that read units opened with {@code openWorkUnit}), often for
 * every record batch: implementations must be thread-safe, quick, and must not throw or block.
 * {@link QueryProgress} counts everything and is one ready-made listener.
 */
public interface QueryListener {
  /** A listener that ignores everything. */
  QueryListener NONE = new QueryListener() { };

  /** StartQueryPlanning gave the query this ID. */
  default void planned(String queryId) { }

  /** GetWorkUnits has listed {@code unitsKnown} work units so far; {@code allKnown} after its last page. */
  default void workUnitsListed(long unitsKnown, boolean allKnown) { }

  /** A record batch of {@code unit} was decoded: {@code rows} rows from {@code bytes} bytes of its body. */
  default void batchRead(WorkUnit unit, int rows, long bytes) { }

  /** Every batch of {@code unit} was read. */
  default void workUnitRead(WorkUnit unit) { }

  /** A call (or a work unit's body) failed in a way worth retrying and is tried again. */
  default void retried(String operation, Throwable failure) { }

  /** A listener that tells {@code first} and then {@code second}. */
  static QueryListener both(QueryListener first, QueryListener second) {
    if (first == NONE) {
      return second;
    }
    if (second == NONE) {
      return first;
    }
    return new QueryListener() {
      @Override
      public void planned(String queryId) {
        first.planned(queryId);
        second.planned(queryId);
      }

      @Override
      public void workUnitsListed(long unitsKnown, boolean allKnown) {
        first.workUnitsListed(unitsKnown, allKnown);
        second.workUnitsListed(unitsKnown, allKnown);
      }

      @Override
      public void batchRead(WorkUnit unit, int rows, long bytes) {
        first.batchRead(unit, rows, bytes);
        second.batchRead(unit, rows, bytes);
      }

      @Override
      public void workUnitRead(WorkUnit unit) {
        first.workUnitRead(unit);
        second.workUnitRead(unit);
      }

      @Override
      public void retried(String operation, Throwable failure) {
        first.retried(operation, failure);
        second.retried(operation, failure);
      }
    };
  }
}
