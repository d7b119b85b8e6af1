package dev.lakeformation.core.query;

import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * One decoded record batch handed to the reader, with what was prepared for it on the fetch
 * thread. Its bytes (Arrow memory and prepared heap) count against the result's memory budget
 * until the reader closes it.
 */
public final class FetchedBatch implements AutoCloseable {
  /** Told the batch's bytes once the batch is closed. */
  interface Release {
    void released(long bytes);
  }

  private final VectorSchemaRoot root;
  private final Object prepared;
  private final long bytes;
  private final Release onClose;
  private boolean closed;

  FetchedBatch(VectorSchemaRoot root, Object prepared, long bytes, Release onClose) {
    this.root = root;
    this.prepared = prepared;
    this.bytes = bytes;
    this.onClose = onClose;
  }

  /** A batch that is no stream's: built in memory (system tables), freed by closing it. */
  public static FetchedBatch inMemory(VectorSchemaRoot root) {
    return new FetchedBatch(root, null, 0, bytes -> { });
  }

  public VectorSchemaRoot root() {
    return root;
  }

  /** What the source's {@link BatchPreparer} prepared for this batch, or null. */
  public Object prepared() {
    return prepared;
  }

  public int rowCount() {
    return root.getRowCount();
  }

  long bytes() {
    return bytes;
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      root.close();
      onClose.released(bytes);
    }
  }
}
