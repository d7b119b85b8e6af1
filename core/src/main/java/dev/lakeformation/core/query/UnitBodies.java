package dev.lakeformation.core.query;

import dev.lakeformation.api.LakeFormationException;
import dev.lakeformation.api.QueryListener;
import dev.lakeformation.api.WorkUnit;
import java.io.InputStream;

/**
 * Where work-unit bodies (Arrow IPC streams) come from: GetWorkUnitResults for a real query
 * ({@link ServiceUnitBodies}); bytes in memory where a test feeds the reader hostile input
 * through the same code that reads the service's bodies.
 */
interface UnitBodies {
  /** Opens the body of {@code unit}; a failing call is retried under the session's retry policy. */
  UnitBody open(WorkUnit unit, Cancellation cancellation, QueryListener listener) throws LakeFormationException;

  /** One opened body. */
  interface UnitBody {
    InputStream stream();

    /** The Content-Length the service announced, or -1. */
    long expectedLength();

    /** Drops the body and its connection at once; callable from any thread, more than once. */
    void abort();

    /** Releases a body that was read to its end, so its connection can serve the next request. */
    void close();
  }
}
