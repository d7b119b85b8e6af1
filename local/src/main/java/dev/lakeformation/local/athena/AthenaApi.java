package dev.lakeformation.local.athena;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakeformation.local.protocol.Json;
import dev.lakeformation.local.protocol.Reply;
import dev.lakeformation.local.protocol.ServiceError;
import dev.lakeformation.local.queries.QueryRegistry;
import dev.lakeformation.local.queries.ServedQuery;
import dev.lakeformation.local.sql.AthenaSql;
import dev.lakeformation.local.sql.H2Backend;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The Athena operations (json 1.1: {@code POST /} with {@code X-Amz-Target: AmazonAthena.<Op>}):
 * query executions, one per query planned through Lake Formation plus a few seeded historic
 * ones, and the data catalog read from H2's information schema with Glue type names.
 */
public final class AthenaApi {
  public static final String TARGET_PREFIX = "AmazonAthena.";
  private static final String CATALOG = AthenaSql.CATALOG;
  static final String WORK_GROUP = "primary";
  private static final String JSON = "application/x-amz-json-1.1";
  private static final String ENGINE = "Athena engine version 3";

  private final QueryRegistry queries;
  private final H2Backend h2;
  private static final String SEEDED_HISTORY = "seeded-history.json";

  private final Map<String, ObjectNode> seededExecutions = new LinkedHashMap<>();

  public AthenaApi(QueryRegistry queries, H2Backend h2, Instant startedAt) {
    this.queries = queries;
    this.h2 = h2;
    seedHistory(startedAt);
  }

  public static boolean knows(String operation) {
    return switch (operation) {
      case "BatchGetQueryExecution", "GetQueryExecution", "ListQueryExecutions", "StopQueryExecution",
          "ListDataCatalogs", "ListDatabases", "ListTableMetadata", "GetTableMetadata" -> true;
      default -> false;
    };
  }

  public Reply handle(String operation, byte[] body) {
    Json request = Json.parse(body, ServiceError::athenaInvalidRequest);
    ObjectNode response = switch (operation) {
      case "BatchGetQueryExecution" -> batchGetQueryExecution(request);
      case "GetQueryExecution" -> getQueryExecution(request);
      case "ListQueryExecutions" -> listQueryExecutions(request);
      case "StopQueryExecution" -> stopQueryExecution(request);
      case "ListDataCatalogs" -> listDataCatalogs(request);
      case "ListDatabases" -> listDatabases(request);
      case "ListTableMetadata" -> listTableMetadata(request);
      case "GetTableMetadata" -> getTableMetadata(request);
      default -> throw new IllegalArgumentException(operation);
    };
    return Reply.json(JSON, response);
  }

  // ---- query executions ----

  /**
   * Stops a query planned here: Athena executions and Lake Formation queries share their IDs. A
   * seeded execution has ended long ago, and stopping an ended one does nothing (the model marks
   * the operation idempotent).
   */
  private ObjectNode stopQueryExecution(Json request) {
    String id = executionId(request.requiredString("QueryExecutionId"));
    if (!seededExecutions.containsKey(id)) {
      queries.stop(id);
    }
    return Json.object();
  }

  /**
   * A QueryExecutionId as the model constrains it: 1 to 128 characters, at least one of them not
   * white space (its pattern, {@code \S+}, is not anchored). Athena refuses a request naming
   * another, where an ID that merely names no execution is not found. (The driver's system
   * tables check the same bounds before they call Athena.)
   */
  private static String executionId(String id) {
    int characters = id.codePointCount(0, id.length());
    if (characters < 1 || characters > 128 || id.isBlank()) {
      throw ServiceError.athenaInvalidRequest("A QueryExecutionId must be 1 to 128 characters, not all white space;"
          + " got " + characters + " characters.");
    }
    return id;
  }

  private ObjectNode batchGetQueryExecution(Json request) {
    JsonNode ids = request.raw("QueryExecutionIds");
    if (ids == null || !ids.isArray() || ids.isEmpty()) {
      throw ServiceError.athenaInvalidRequest("QueryExecutionIds must be a list of 1 to 50 IDs.");
    }
    if (ids.size() > 50) {
      throw ServiceError.athenaInvalidRequest("QueryExecutionIds must hold at most 50 IDs, got "
          + ids.size() + ".");
    }
    ObjectNode response = Json.object();
    ArrayNode found = response.putArray("QueryExecutions");
    ArrayNode unprocessed = response.putArray("UnprocessedQueryExecutionIds");
    for (JsonNode idNode : ids) {
      if (!idNode.isTextual()) {
        throw ServiceError.athenaInvalidRequest("QueryExecutionIds must be a list of strings.");
      }
      executionId(idNode.textValue());
    }
    for (JsonNode idNode : ids) {
      String id = idNode.textValue();
      ObjectNode execution = execution(id);
      if (execution != null) {
        found.add(execution);
      } else {
        ObjectNode item = unprocessed.addObject();
        item.put("QueryExecutionId", id);
        item.put("ErrorCode", "INVALID_INPUT");
        item.put("ErrorMessage", "QueryExecution " + id + " was not found");
      }
    }
    return response;
  }

  private ObjectNode getQueryExecution(Json request) {
    String id = executionId(request.requiredString("QueryExecutionId"));
    ObjectNode execution = execution(id);
    if (execution == null) {
      throw ServiceError.athenaInvalidRequest("QueryExecution " + id + " was not found");
    }
    ObjectNode response = Json.object();
    response.set("QueryExecution", execution);
    return response;
  }

  private ObjectNode listQueryExecutions(Json request) {
    String workGroup = request.string("WorkGroup");
    if (workGroup != null && !workGroup.equals(WORK_GROUP)) {
      throw ServiceError.athenaInvalidRequest("WorkGroup " + workGroup + " is not found.");
    }
    List<String> ids = new ArrayList<>();
    queries.newestFirst().forEach(q -> ids.add(q.id));
    ids.addAll(seededExecutions.keySet());
    return page(request, 50, 0, 50, ids, (list, id) -> list.add(id), "QueryExecutionIds");
  }

  private ObjectNode execution(String id) {
    ObjectNode seeded = seededExecutions.get(id);
    if (seeded != null) {
      return seeded.deepCopy();
    }
    ServedQuery query = queries.find(id);
    return query == null ? null : fromPlannedQuery(query);
  }

  private static ObjectNode fromPlannedQuery(ServedQuery query) {
    ObjectNode e = Json.object();
    e.put("QueryExecutionId", query.id);
    e.put("Query", query.queryText);
    e.put("StatementType", "DML");
    e.put("SubstatementType", "SELECT");
    e.putObject("ManagedQueryResultsConfiguration").put("Enabled", false);
    ObjectNode result = e.putObject("ResultConfiguration");
    result.put("OutputLocation", "s3://lakeformation-local-results/" + query.id + ".arrow");
    e.putObject("ResultReuseConfiguration").putObject("ResultReuseByAgeConfiguration").put("Enabled", false);
    ObjectNode context = e.putObject("QueryExecutionContext");
    context.put("Database", query.database);
    context.put("Catalog", CATALOG);
    ObjectNode status = e.putObject("Status");
    ServedQuery.State state = query.state();
    status.put("State", switch (state) {
      case PENDING -> "QUEUED";
      case WORKUNITS_AVAILABLE -> "RUNNING";
      case FINISHED, EXPIRED -> "SUCCEEDED";
      case ERROR -> query.cancelled() ? "CANCELLED" : "FAILED";
    });
    status.put("SubmissionDateTime", Json.epochSeconds(query.submitted));
    Instant ended = query.planningEnded();
    if (ended != null) {
      status.put("CompletionDateTime", Json.epochSeconds(ended));
    }
    if (state == ServedQuery.State.ERROR) {
      status.put("StateChangeReason", query.error());
      ObjectNode error = status.putObject("AthenaError");
      error.put("ErrorCategory", 2);
      error.put("ErrorType", 1006);
      error.put("Retryable", false);
      error.put("ErrorMessage", query.error());
    }
    ObjectNode statistics = e.putObject("Statistics");
    Instant started = query.planningStarted();
    long queueMillis = started == null ? 0 : started.toEpochMilli() - query.submitted.toEpochMilli();
    long planningMillis = started == null || ended == null ? 0 : ended.toEpochMilli() - started.toEpochMilli();
    statistics.put("EngineExecutionTimeInMillis", planningMillis);
    statistics.put("DataScannedInBytes", query.store.totalBytes());
    statistics.put("TotalExecutionTimeInMillis", queueMillis + planningMillis);
    statistics.put("QueryQueueTimeInMillis", queueMillis);
    statistics.put("ServicePreProcessingTimeInMillis", 0L);
    statistics.put("QueryPlanningTimeInMillis", planningMillis);
    statistics.put("ServiceProcessingTimeInMillis", 0L);
    statistics.putObject("ResultReuseInformation").put("ReusedPreviousResult", false);
    e.put("WorkGroup", WORK_GROUP);
    ObjectNode engine = e.putObject("EngineVersion");
    engine.put("SelectedEngineVersion", "AUTO");
    engine.put("EffectiveEngineVersion", ENGINE);
    if (!query.parameters.isEmpty()) {
      ArrayNode parameters = e.putArray("ExecutionParameters");
      query.parameters.values().forEach(parameters::add);
    }
    return e;
  }

  /**
   * Three executions from before the service started, one of each final state, as the resource
   * {@value #SEEDED_HISTORY} holds them: with their times in seconds relative to the start.
   */
  private void seedHistory(Instant startedAt) {
    JsonNode history;
    try (InputStream in = AthenaApi.class.getResourceAsStream(SEEDED_HISTORY)) {
      history = Json.MAPPER.readTree(in);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("LakeFormation Local's resource " + SEEDED_HISTORY + " cannot be read", e);
    }
    for (JsonNode execution : history.get("QueryExecutions")) {
      ObjectNode copy = execution.deepCopy();
      ObjectNode status = copy.withObjectProperty("Status");
      for (String time : List.of("SubmissionDateTime", "CompletionDateTime")) {
        long offsetMillis = Math.round(status.get(time).doubleValue() * 1000);
        status.put(time, Json.epochSeconds(startedAt.plusMillis(offsetMillis)));
      }
      seededExecutions.put(copy.get("QueryExecutionId").textValue(), copy);
    }
  }

  // ---- data catalog ----

  private ObjectNode listDataCatalogs(Json request) {
    return page(request, 50, 2, 50, List.of(CATALOG), (list, name) -> {
      ObjectNode summary = list.addObject();
      summary.put("CatalogName", name);
      summary.put("Type", "GLUE");
      summary.put("Status", "CREATE_COMPLETE");
    }, "DataCatalogsSummary");
  }

  private ObjectNode listDatabases(Json request) {
    requireCatalog(request);
    List<String> databases = new ArrayList<>();
    try (PreparedStatement ps = h2.keeper().prepareStatement(
        "SELECT schema_name FROM information_schema.schemata"
            + " WHERE schema_name NOT IN ('information_schema', 'public') ORDER BY schema_name");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        databases.add(rs.getString(1));
      }
    } catch (SQLException e) {
      throw ServiceError.athenaInternal("could not read the catalog: " + e.getMessage());
    }
    return page(request, 50, 1, 50, databases, (list, name) -> list.addObject().put("Name", name),
        "DatabaseList");
  }

  private ObjectNode listTableMetadata(Json request) {
    requireCatalog(request);
    String database = existingDatabase(request.requiredString("DatabaseName"));
    String expression = request.string("Expression");
    Pattern filter = null;
    if (expression != null && !expression.isEmpty()) {
      try {
        filter = Pattern.compile(expression.replace("*", ".*"), Pattern.CASE_INSENSITIVE);
      } catch (PatternSyntaxException e) {
        throw ServiceError.athenaInvalidRequest("Expression is not a valid pattern: " + e.getDescription());
      }
    }
    List<String> tables = new ArrayList<>();
    for (String table : tableNames(database)) {
      if (filter == null || filter.matcher(table).matches()) {
        tables.add(table);
      }
    }
    return page(request, 50, 1, 50, tables, (list, table) -> list.add(tableMetadata(database, table)),
        "TableMetadataList");
  }

  private ObjectNode getTableMetadata(Json request) {
    requireCatalog(request);
    String database = existingDatabase(request.requiredString("DatabaseName"));
    String table = request.requiredString("TableName").toLowerCase(Locale.ROOT);
    if (!tableNames(database).contains(table)) {
      throw ServiceError.athenaMetadata("Table " + table + " not found in database " + database + ".");
    }
    ObjectNode response = Json.object();
    response.set("TableMetadata", tableMetadata(database, table));
    return response;
  }

  private static void requireCatalog(Json request) {
    String catalog = request.requiredString("CatalogName");
    if (!catalog.equalsIgnoreCase(CATALOG)) {
      throw ServiceError.athenaMetadata("Catalog " + catalog + " not found.");
    }
  }

  private String existingDatabase(String name) {
    try {
      String schema = h2.schemaNamed(name);
      if (schema == null || schema.equals("information_schema")) {
        throw ServiceError.athenaMetadata("Database " + name + " not found.");
      }
      return schema;
    } catch (SQLException e) {
      throw ServiceError.athenaInternal("could not read the catalog: " + e.getMessage());
    }
  }

  private List<String> tableNames(String database) {
    List<String> names = new ArrayList<>();
    try (PreparedStatement ps = h2.keeper().prepareStatement(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = ? ORDER BY table_name")) {
      ps.setString(1, database);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
    } catch (SQLException e) {
      throw ServiceError.athenaInternal("could not read the catalog: " + e.getMessage());
    }
    return names;
  }

  private ObjectNode tableMetadata(String database, String table) {
    ObjectNode metadata = Json.object();
    metadata.put("Name", table);
    metadata.put("TableType", "EXTERNAL_TABLE");
    ArrayNode columns = metadata.putArray("Columns");
    metadata.putArray("PartitionKeys");
    metadata.putObject("Parameters").put("classification", "arrow");
    Connection connection = h2.keeper();
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT c.column_name, c.data_type, c.character_maximum_length, c.numeric_precision,"
            + " c.numeric_scale, c.datetime_precision, e.data_type, c.remarks"
            + " FROM information_schema.columns c LEFT JOIN information_schema.element_types e"
            + " ON e.object_schema = c.table_schema AND e.object_name = c.table_name"
            + " AND e.collection_type_identifier = c.dtd_identifier"
            + " WHERE c.table_schema = ? AND c.table_name = ? ORDER BY c.ordinal_position")) {
      ps.setString(1, database);
      ps.setString(2, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ObjectNode column = columns.addObject();
          column.put("Name", rs.getString(1));
          column.put("Type", GlueTypeNames.fromH2(rs.getString(2), rs.getLong(3), rs.getInt(4), rs.getInt(5),
              rs.getString(7)));
          if (rs.getString(8) != null && !rs.getString(8).isEmpty()) {
            column.put("Comment", rs.getString(8));
          }
        }
      }
    } catch (SQLException e) {
      throw ServiceError.athenaInternal("could not read the catalog: " + e.getMessage());
    }
    return metadata;
  }

  private interface ItemWriter<T> {
    void write(ArrayNode list, T item);
  }

  /** One page of {@code items} under {@code member}, honouring MaxResults and NextToken. */
  private static <T> ObjectNode page(Json request, int defaultMax, int minMax, int maxMax, List<T> items,
      ItemWriter<T> writer, String member) {
    Integer max = request.intValue("MaxResults");
    if (max != null && (max < minMax || max > maxMax)) {
      throw ServiceError.athenaInvalidRequest("MaxResults must be between " + minMax + " and " + maxMax + ".");
    }
    // 0 is within the range of ListQueryExecutions' MaxResults; a page of nothing with a token to
    // go on would make a client that follows tokens ask again forever, so 0 means the default.
    int size = max == null || max == 0 ? defaultMax : max;
    int from = 0;
    String token = request.string("NextToken");
    if (token != null) {
      try {
        from = Integer.parseInt(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw ServiceError.athenaInvalidRequest("NextToken is not valid.");
      }
      if (from < 0 || from > items.size()) {
        throw ServiceError.athenaInvalidRequest("NextToken is not valid.");
      }
    }
    ObjectNode response = Json.object();
    ArrayNode list = response.putArray(member);
    int to = Math.min(items.size(), from + size);
    for (T item : items.subList(from, to)) {
      writer.write(list, item);
    }
    if (to < items.size()) {
      response.put("NextToken", Base64.getUrlEncoder().withoutPadding()
          .encodeToString(Integer.toString(to).getBytes(StandardCharsets.UTF_8)));
    }
    return response;
  }
}
