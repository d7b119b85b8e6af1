package dev.lakeformation.core.query;

import java.time.Instant;
import java.util.Objects;

/**
 * What StartQueryPlanning's QueryPlanningContext carries besides the SQL.
 *
 * @param database the database queries are planned in (DatabaseName)
 * @param catalogId the Data Catalog (an account ID), or null for the caller's
 * @param transactionId a Lake Formation transaction, or null
 * @param asOfTime time travel: plan as of this instant, or null for now
 */
public record PlanningContext(String database, String catalogId, String transactionId, Instant asOfTime) {
  public PlanningContext {
    Objects.requireNonNull(database, "database");
  }

  /** The same context in another database. */
  public PlanningContext inDatabase(String otherDatabase) {
    return new PlanningContext(otherDatabase, catalogId, transactionId, asOfTime);
  }
}
