package dev.lakeformation.jdbc.fetch;

/**
 * One work unit to fetch.
 *
 * @param index its position in the query's order (0, 1, 2 …), which rows are delivered in
 * @param id the service's WorkUnitId
 * @param token the WorkUnitToken of the range it came in
 */
public record WorkUnit(long index, long id, String token) {
  @Override
  public String toString() {
    return "work unit " + id; // the token is a credential for the unit's data: never shown
  }
}
