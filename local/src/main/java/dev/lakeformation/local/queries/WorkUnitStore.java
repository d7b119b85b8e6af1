package dev.lakeformation.local.queries;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The encoded work units of one query. Units are kept on the heap while the service-wide
 * budget {@link HeapBudget} allows, and appended to a temporary file of the query's own once
 * it does not, so a result larger than the heap is still served (from the page cache).
 */
public final class WorkUnitStore implements AutoCloseable {
  /** Heap bytes that all queries' stores may hold together before they spill to disk. */
  static final class HeapBudget {
    private final long limitBytes;
    private final AtomicLong usedBytes = new AtomicLong();

    HeapBudget(long limitBytes) {
      this.limitBytes = limitBytes;
    }

    boolean tryReserve(long bytes) {
      long used;
      do {
        used = usedBytes.get();
        if (used + bytes > limitBytes) {
          return false;
        }
      } while (!usedBytes.compareAndSet(used, used + bytes));
      return true;
    }

    void release(long bytes) {
      usedBytes.addAndGet(-bytes);
    }
  }

  /** Where one unit's bytes are: on the heap ({@code bytes} set) or in the spill file. */
  private record Location(byte[] bytes, long fileOffset, int length) {}

  private final HeapBudget heapBudget;
  private final List<Location> units = new ArrayList<>();
  private long heapBytes;
  private long totalBytes;
  private Path spillPath;
  private FileChannel spill;
  private boolean closed;

  WorkUnitStore(HeapBudget heapBudget) {
    this.heapBudget = heapBudget;
  }

  /** Stores one unit's IPC stream and returns its work-unit ID (0, 1, 2 … in order). */
  synchronized long append(byte[] ipcStream) throws IOException {
    if (closed) {
      throw new IOException("work-unit store closed (query expired)");
    }
    Location location;
    if (heapBudget.tryReserve(ipcStream.length)) {
      heapBytes += ipcStream.length;
      location = new Location(ipcStream, -1, ipcStream.length);
    } else {
      if (spill == null) {
        spillPath = Files.createTempFile("lakeformation-local-", ".units");
        spill = FileChannel.open(spillPath, StandardOpenOption.READ, StandardOpenOption.WRITE,
            StandardOpenOption.DELETE_ON_CLOSE);
      }
      long offset = spill.size();
      ByteBuffer buffer = ByteBuffer.wrap(ipcStream);
      long position = offset;
      while (buffer.hasRemaining()) {
        position += spill.write(buffer, position);
      }
      location = new Location(null, offset, ipcStream.length);
    }
    units.add(location);
    totalBytes += ipcStream.length;
    return units.size() - 1;
  }

  synchronized int size() {
    return units.size();
  }

  public synchronized long totalBytes() {
    return totalBytes;
  }

  /** The bytes of unit {@code id}; the caller has checked that it exists. */
  byte[] read(long id) {
    Location location;
    FileChannel file;
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("work-unit store closed");
      }
      location = units.get((int) id);
      file = spill;
    }
    if (location.bytes() != null) {
      return location.bytes();
    }
    byte[] bytes = new byte[location.length()];
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    long position = location.fileOffset();
    try {
      while (buffer.hasRemaining()) {
        int read = file.read(buffer, position);
        if (read < 0) {
          throw new IOException("spill file shorter than expected");
        }
        position += read;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    heapBudget.release(heapBytes);
    heapBytes = 0;
    units.clear();
    if (spill != null) {
      try {
        spill.close();
        Files.deleteIfExists(spillPath);
      } catch (IOException e) {
        // The file was opened DELETE_ON_CLOSE; nothing else to free.
      }
    }
  }
}
