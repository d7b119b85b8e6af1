package dev.lakeformation.spark;

import dev.lakeformation.api.WorkUnit;
import java.util.List;
import org.apache.spark.sql.connector.read.InputPartition;

/**
 * The work units one Spark task reads, in order. Work units hold the query ID, the unit's ID and
 * its WorkUnitToken, never a credential.
 */
record WorkUnitPartition(List<WorkUnit> units) implements InputPartition {
  private static final long serialVersionUID = 1L;
}
