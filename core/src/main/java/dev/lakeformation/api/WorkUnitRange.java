package dev.lakeformation.api;

/**
 * A range of work units as GetWorkUnits lists it.
 *
 * @param idMin the first WorkUnitId
 * @param idMax the last WorkUnitId, inclusive
 * @param token the WorkUnitToken of every unit of the range
 */
public record WorkUnitRange(long idMin, long idMax, String token) {
  @Override
  public String toString() {
    return "work units " + idMin + ".." + idMax;
  }
}
