package dev.lakeformation.core.query;

import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * One decoded record batch handed to the reader. Its Arrow memory counts against the result's
 * memory budget until the reader closes it.
 */
public final class FetchedBatch implements AutoCloseable {
  /** Told the batch's bytes once the batch is closed. */
  interface Release {
    void released(long bytes);
  }

  private final VectorSchemaRoot root;
  private final long bytes;
  private final Release onClose;
  private boolean closed;

  FetchedBatch(VectorSchemaRoot root, long bytes, Release onClose) {
    this.root = root;
    this.bytes = bytes;
    this.onClose = onClose;
  }

  /** A batch that is no stream's: built in memory (system tables), freed by closing it. */
  public static FetchedBatch inMemory(VectorSchemaRoot root) {
    return new FetchedBatch(root, 0, bytes -> { });
  }

  public VectorSchemaRoot root() {
    return root;
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
