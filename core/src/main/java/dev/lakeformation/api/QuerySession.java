package dev.lakeformation.api;

import java.util.Properties;
import java.util.ServiceLoader;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * The Arrow API's entry point: the AWS clients, settings and Arrow memory of one set of
 * connection properties, and the Lake Formation queries planned or attached through them. For
 * programs that want a query's Arrow record batches, read on many threads, rather than one JDBC
 * {@code ResultSet}:
 *
 * <pre>{@code
 * try (QuerySession session = QuerySession.open("jdbc:lakeformation://Region=us-east-1;Database=sales", props)) {
 *   LakeFormationQuery query = session.plan("SELECT * FROM orders");
 *   for (WorkUnit unit : query.workUnits()) {          // hand these to threads, or to other machines
 *     try (ArrowReader reader = query.openWorkUnit(unit, allocator)) {
 *       while (reader.loadNextBatch()) { … reader.getVectorSchemaRoot() … }
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p>Thread-safe. Closing it closes its AWS clients; readers opened through it must be closed
 * first. Every failure is a {@link LakeFormationException} carrying the SQLState the JDBC driver
 * would report.
 */
public interface QuerySession extends AutoCloseable {
  /**
   * A session from a driver URL and properties, exactly as {@code DriverManager.getConnection}
   * takes them ({@code jdbc:lakeformation://Key=Value;…}); every connection property applies.
   */
  static QuerySession open(String url, Properties info) throws LakeFormationException {
    Provider provider = ServiceLoader.load(Provider.class, QuerySession.class.getClassLoader()).findFirst()
        .orElseThrow(() -> new LakeFormationException(SqlState.CONNECTION_REJECTED, "The query layer is not on the"
            + " class path: add the lakeformation-core artifact (every driver artifact depends on it)."));
    return provider.open(url, info);
  }

  /**
   * Plans {@code sql} (StartQueryPlanning) in the database the properties name and waits until
   * the service has work units for it; a query that fails or expires in planning throws.
   */
  LakeFormationQuery plan(String sql) throws LakeFormationException;

  /** As {@link #plan(String)}, telling {@code listener} what the query's work does as it happens. */
  LakeFormationQuery plan(String sql, QueryListener listener) throws LakeFormationException;

  /** A query planned elsewhere, by its 36-character ID; nothing is called until it is read. */
  LakeFormationQuery attach(String queryId) throws LakeFormationException;

  /** As {@link #attach(String)}, telling {@code listener} what reading the query does. */
  LakeFormationQuery attach(String queryId, QueryListener listener) throws LakeFormationException;

  /**
   * Opens {@code unit} (of any query, from anywhere: units are plain values) as an Arrow reader
   * whose buffers come from {@code allocator}: from any thread, in any order, many at once.
   * Nothing is fetched until the schema or the first batch is asked for. A body that breaks off is
   * fetched again and no batch is returned twice; a failure is a {@link LakeFormationException}
   * thrown by the reader's methods. The caller closes the reader.
   */
  ArrowReader openWorkUnit(WorkUnit unit, BufferAllocator allocator) throws LakeFormationException;

  /** Closes the session's AWS clients and frees its memory. Idempotent. */
  @Override
  void close();

  /**
   * The implementation {@link #open} finds through {@link ServiceLoader}: this package is the
   * bottom of the query layer, which implements it, so it names no class of its own above it.
   */
  interface Provider {
    QuerySession open(String url, Properties info) throws LakeFormationException;
  }
}
