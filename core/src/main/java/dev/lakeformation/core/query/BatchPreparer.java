package dev.lakeformation.core.query;

import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Work a consumer wants done on the fetch threads for each batch, before the batch reaches it:
 * the result set uses it to build the Java objects its getters return, so that its one reading
 * thread only picks them up. Runs on several fetch threads at once: it must be thread-safe, and
 * must not throw (a value it cannot prepare is left for the consumer to handle).
 */
public interface BatchPreparer {
  /** What was prepared for one batch, and the heap it holds (charged to the memory budget). */
  record Prepared(Object values, long heapBytes) {}

  /** Prepares {@code batch}; null when there is nothing to prepare. */
  Prepared prepare(VectorSchemaRoot batch);
}
