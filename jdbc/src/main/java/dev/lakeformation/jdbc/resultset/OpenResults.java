package dev.lakeformation.jdbc.resultset;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Result sets that belong to an owner without a statement (a connection's DatabaseMetaData):
 * each is tracked while it is open, and closing the owner closes those still open, so that a
 * tool that forgets one does not leave its Arrow memory behind.
 */
public final class OpenResults {
  private final Set<ArrowResultSet> open = ConcurrentHashMap.newKeySet();

  /** Tracks {@code result} until it is closed; returns it. */
  public ArrowResultSet track(ArrowResultSet result) {
    open.add(result);
    result.alsoOnClose(() -> open.remove(result));
    return result;
  }

  /** Closes every result still open. */
  public void closeAll() {
    for (ArrowResultSet result : List.copyOf(open)) {
      result.close();
    }
  }
}
