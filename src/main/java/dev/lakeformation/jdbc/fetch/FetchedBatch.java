package dev.lakeformation.jdbc.fetch;

import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * One decoded record batch handed to the reader. Its bytes count against the fetch budget
 * until the reader closes it.
 */
public final class FetchedBatch implements AutoCloseable {
  private final VectorSchemaRoot root;
  private final long bytes;
  private final Runnable onClose;
  private boolean closed;

  FetchedBatch(VectorSchemaRoot root, long bytes, Runnable onClose) {
    this.root = root;
    this.bytes = bytes;
    this.onClose = onClose;
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
  public void close() {
    if (!closed) {
      closed = true;
      root.close();
      onClose.run();
    }
  }
}
