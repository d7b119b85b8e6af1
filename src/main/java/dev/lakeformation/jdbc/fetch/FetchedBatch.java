package dev.lakeformation.jdbc.fetch;

import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * One decoded record batch handed to the reader. Its bytes count against the fetch budget
 * until the reader closes it.
 */
public final class FetchedBatch implements AutoCloseable {
  private final VectorSchemaRoot root;
  private final long bytes;
  /** Told the batch's bytes, and whether the reader had it, once the batch is closed. */
  interface Release {
    void released(long bytes, boolean wasHandedOut);
  }

  private final Release onClose;
  private boolean closed;
  private boolean handedOut;

  FetchedBatch(VectorSchemaRoot root, long bytes, Release onClose) {
    this.root = root;
    this.bytes = bytes;
    this.onClose = onClose;
  }

  /** A batch that is no fetcher's: built in memory (system tables), freed by closing it. */
  public static FetchedBatch inMemory(VectorSchemaRoot root) {
    return new FetchedBatch(root, 0, (bytes, wasHandedOut) -> { });
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

  /** Marks the batch as the reader's (called under the fetcher's lock). */
  void handOut() {
    handedOut = true;
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      root.close();
      onClose.released(bytes, handedOut);
    }
  }
}
