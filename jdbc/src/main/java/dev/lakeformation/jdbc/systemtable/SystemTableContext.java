package dev.lakeformation.jdbc.systemtable;

import dev.lakeformation.api.LakeFormationException;
import dev.lakeformation.api.QueryListener;
import dev.lakeformation.jdbc.errors.SqlErrors;
import dev.lakeformation.core.query.Cancellation;
import dev.lakeformation.core.query.ServiceQuery;
import dev.lakeformation.core.query.ServiceSession;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * What a system table needs to answer one query: the connection's session and the statement's
 * cancellation.
 *
 * @param workGroup the Athena workgroup whose executions are listed (null: Athena's default)
 */
public record SystemTableContext(ServiceSession session, String workGroup, Cancellation cancellation) {
  /** One Athena call under the session's retry policy; a failure for good is an SQLException. */
  <T> T callAthena(String operation, Supplier<T> call) throws SQLException {
    try {
      return session.retryPolicy().call(operation, cancellation, QueryListener.NONE, call);
    } catch (LakeFormationException e) {
      throw SqlErrors.of(e);
    }
  }

  /** The Lake Formation query of this ID, under the statement's cancellation. */
  ServiceQuery query(String queryId) throws SQLException {
    try {
      return session.attach(queryId, cancellation, QueryListener.NONE);
    } catch (LakeFormationException e) {
      throw SqlErrors.of(e);
    }
  }
}
