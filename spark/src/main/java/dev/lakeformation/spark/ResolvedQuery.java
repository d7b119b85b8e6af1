package dev.lakeformation.spark;

import dev.lakeformation.api.LakeFormationException;
import dev.lakeformation.api.SqlState;
import dev.lakeformation.api.WorkUnit;
import dev.lakeformation.core.query.ServiceQuery;
import dev.lakeformation.core.query.ServiceSession;
import dev.lakeformation.spark.column.ArrowColumns;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.spark.sql.types.StructType;

/**
 * What the Spark driver learns once per {@code load()}: the query (planned from SQL, or attached
 * to by its ID), every one of its work units, and its schema, read from the first unit (the
 * service has no other source of it; a query without units has no columns). A DataFrame read
 * twice reads the same query's units again; it is not planned again.
 *
 * <p>A table's scan knows its columns from the catalog and plans without reading the schema
 * ({@link #planWithoutSchema}): the first unit is then fetched once, by its task, not twice. A
 * table's scan with a pushed aggregate is planned here with its schema, when Spark builds the scan
 * (the aggregate's columns are the query's own).
 */
final class ResolvedQuery {
  final ReadOptions options;
  final String queryId;
  final List<WorkUnit> units;
  /** The query's schema; null when planned without reading it. */
  final Schema arrowSchema;
  /** The query's schema as Spark's; null when planned without reading it. */
  final StructType sparkSchema;

  private ResolvedQuery(ReadOptions options, String queryId, List<WorkUnit> units, Schema arrowSchema,
      StructType sparkSchema) {
    this.options = options;
    this.queryId = queryId;
    this.units = units;
    this.arrowSchema = arrowSchema;
    this.sparkSchema = sparkSchema;
  }

  static ResolvedQuery plan(ReadOptions options) throws LakeFormationException {
    try (ServiceSession session = ServiceSession.open(options.config())) {
      ServiceQuery query = options.sql() != null ? session.plan(options.sql()) : session.attach(options.queryId());
      List<WorkUnit> units = List.copyOf(query.workUnits());
      Schema schema = units.isEmpty() ? new Schema(List.of()) : schemaOf(query, units.get(0), session);
      checkDistinctNames(schema);
      return new ResolvedQuery(options, query.queryId(), units, schema, ArrowColumns.sparkSchema(schema.getFields()));
    }
  }

  static ResolvedQuery planWithoutSchema(ReadOptions options) throws LakeFormationException {
    try (ServiceSession session = ServiceSession.open(options.config())) {
      ServiceQuery query = session.plan(options.sql());
      return new ResolvedQuery(options, query.queryId(), List.copyOf(query.workUnits()), null, null);
    }
  }

  /** Reads the first unit only as far as its schema, then drops its body. */
  private static Schema schemaOf(ServiceQuery query, WorkUnit unit, ServiceSession session)
      throws LakeFormationException {
    try (ArrowReader reader = query.openWorkUnit(unit, session.allocator())) {
      return reader.getVectorSchemaRoot().getSchema();
    } catch (LakeFormationException e) {
      throw e;
    } catch (java.io.IOException e) {
      throw new LakeFormationException(SqlState.DATA_EXCEPTION, "The schema of " + unit + " could not be read: " + e, e);
    }
  }

  /**
   * Spark resolves columns by name, without regard to case by default: a result with two columns
   * of one name could only be read by position, which DataFrames do not offer.
   */
  private static void checkDistinctNames(Schema schema) throws LakeFormationException {
    Set<String> seen = new HashSet<>();
    for (Field field : schema.getFields()) {
      if (!seen.add(field.getName().toLowerCase(Locale.ROOT))) {
        throw new LakeFormationException(SqlState.FEATURE_NOT_SUPPORTED, "The query's result has more than one"
            + " column named " + field.getName() + ": give each column its own name (AS) to read it in Spark.");
      }
    }
  }
}
