package dev.lakeformation.spark;

import dev.lakeformation.api.LakeFormationException;
import dev.lakeformation.core.config.ConnectionConfig;
import dev.lakeformation.core.query.ServiceSession;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The query sessions of one JVM's Spark tasks: one per set of connection properties, shared by
 * every task that reads with those properties, since a session's AWS clients (credentials
 * provider, HTTP client, signer) cost more to build than a small work unit takes to read. A
 * session no task has used for {@link #IDLE_NANOS} is closed when the next task arrives.
 *
 * <p>Keys hold secrets (they are the properties): they are never logged or shown.
 */
final class ExecutorSessions {
  static final ExecutorSessions SHARED = new ExecutorSessions();
  private static final long IDLE_NANOS = TimeUnit.MINUTES.toNanos(10);

  private final Map<Map<String, String>, Entry> sessions = new HashMap<>();
  private long opened;

  /** A task's use of a shared session; closing it hands the session back. */
  final class Lease implements AutoCloseable {
    private final Entry entry;
    private boolean closed;

    private Lease(Entry entry) {
      this.entry = entry;
    }

    ServiceSession session() {
      return entry.session;
    }

    @Override
    public void close() {
      synchronized (ExecutorSessions.this) {
        if (!closed) {
          closed = true;
          entry.leases--;
          entry.lastReleased = System.nanoTime();
        }
      }
    }
  }

  private static final class Entry {
    final ServiceSession session;
    int leases;
    long lastReleased;

    Entry(ServiceSession session) {
      this.session = session;
    }
  }

  /** The session for these connection properties, opened on first use. */
  synchronized Lease acquire(Map<String, String> properties) throws LakeFormationException {
    closeIdle(System.nanoTime());
    Entry entry = sessions.get(properties);
    if (entry == null) {
      Properties info = new Properties();
      info.putAll(properties);
      entry = new Entry(ServiceSession.open(ConnectionConfig.URL_PREFIX, info));
      sessions.put(Map.copyOf(properties), entry);
      opened++;
    }
    entry.leases++;
    return new Lease(entry);
  }

  private void closeIdle(long now) {
    for (Iterator<Entry> it = sessions.values().iterator(); it.hasNext(); ) {
      Entry entry = it.next();
      if (entry.leases == 0 && now - entry.lastReleased > IDLE_NANOS) {
        it.remove();
        entry.session.close();
      }
    }
  }

  /** Sessions opened since this JVM started (tests check that tasks share them). */
  synchronized long opened() {
    return opened;
  }
}
