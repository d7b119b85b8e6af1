package dev.lakeformation.api;

import java.io.Serializable;
import java.util.Objects;

/**
 * One work unit of a query: everything needed to read it, from any thread or machine that has
 * credentials of its own. A small serializable value; it never holds a credential.
 *
 * @param queryId the query's ID
 * @param index its position in the query's order (0, 1, 2 …), the order rows are delivered in
 * @param id the service's WorkUnitId
 * @param token the WorkUnitToken of the range it came in
 */
public record WorkUnit(String queryId, long index, long id, String token) implements Serializable {
  public WorkUnit {
    Objects.requireNonNull(queryId, "queryId");
    Objects.requireNonNull(token, "token");
    if (index < 0 || id < 0) {
      throw new IllegalArgumentException("a work unit's index and ID are >= 0, got " + index + " and " + id);
    }
  }

  @Override
  public String toString() {
    // The token grants access to the unit's data: it is never shown.
    return "work unit " + id + " of query " + queryId;
  }
}
