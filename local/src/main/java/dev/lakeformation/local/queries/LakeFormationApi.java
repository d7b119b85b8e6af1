package dev.lakeformation.local.queries;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakeformation.local.faults.Faults;
import dev.lakeformation.local.protocol.Json;
import dev.lakeformation.local.protocol.Reply;
import dev.lakeformation.local.protocol.ServiceError;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Lake Formation query operations (rest-json: {@code POST /<Operation>}), with the members,
 * constraints and errors of the service model.
 */
public final class LakeFormationApi {
  private static final String JSON = "application/json";
  private static final int QUERY_ID_LENGTH = 36;

  private final QueryRegistry queries;
  private final QuerySettings config;
  private final Faults faults;
  private final Clock clock;

  public LakeFormationApi(QueryRegistry queries, QuerySettings config, Faults faults, Clock clock) {
    this.queries = queries;
    this.config = config;
    this.faults = faults;
    this.clock = clock;
  }

  public static boolean knows(String operation) {
    return switch (operation) {
      case "StartQueryPlanning", "GetQueryState", "GetQueryStatistics", "GetWorkUnits",
          "GetWorkUnitResults" -> true;
      default -> false;
    };
  }

  public Reply handle(String operation, byte[] body) {
    Json request = Json.parse(body, ServiceError::invalidInput);
    return switch (operation) {
      case "StartQueryPlanning" -> startQueryPlanning(request);
      case "GetQueryState" -> getQueryState(request);
      case "GetQueryStatistics" -> getQueryStatistics(request);
      case "GetWorkUnits" -> getWorkUnits(request);
      case "GetWorkUnitResults" -> getWorkUnitResults(request);
      default -> throw new IllegalArgumentException(operation);
    };
  }

  private Reply startQueryPlanning(Json request) {
    Json context = request.requiredObject("QueryPlanningContext");
    String database = context.requiredString("DatabaseName");
    String catalogId = context.string("CatalogId");
    if (catalogId != null && (catalogId.isEmpty() || catalogId.length() > 255)) {
      throw ServiceError.invalidInput("CatalogId must be 1 to 255 characters long.");
    }
    String transactionId = context.string("TransactionId");
    if (transactionId != null && (transactionId.isEmpty() || transactionId.length() > 255)) {
      throw ServiceError.invalidInput("TransactionId must be 1 to 255 characters long.");
    }
    context.epochSeconds("QueryAsOfTime");
    Map<String, String> parameters = new LinkedHashMap<>();
    JsonNode parameterNode = context.raw("QueryParameters");
    if (parameterNode != null && !parameterNode.isNull()) {
      if (!parameterNode.isObject()) {
        throw ServiceError.invalidInput("QueryParameters must be a map of strings.");
      }
      for (Map.Entry<String, JsonNode> entry : parameterNode.properties()) {
        if (!entry.getValue().isTextual()) {
          throw ServiceError.invalidInput("QueryParameters values must be strings.");
        }
        parameters.put(entry.getKey(), entry.getValue().textValue());
      }
    }
    String sql = request.requiredString("QueryString");
    ServedQuery query = queries.start(database, catalogId, sql, parameters);
    ObjectNode response = Json.object();
    response.put("QueryId", query.id);
    return Reply.json(JSON, response);
  }

  private Reply getQueryState(Json request) {
    ServedQuery query = queries.get(queryId(request));
    ObjectNode response = Json.object();
    response.put("State", query.state().name());
    if (query.error() != null) {
      response.put("Error", query.error());
    }
    return Reply.json(JSON, response);
  }

  private Reply getQueryStatistics(Json request) {
    ServedQuery query = liveQuery(request);
    if (query.state() == ServedQuery.State.PENDING) {
      throw ServiceError.statisticsNotReadyYet("Statistics are not ready yet: query " + query.id
          + " is still planning.");
    }
    ObjectNode response = Json.object();
    ObjectNode execution = response.putObject("ExecutionStatistics");
    execution.put("AverageExecutionTimeMillis", query.averageExecutionMillis());
    execution.put("DataScannedBytes", query.bytesServed());
    execution.put("WorkUnitsExecutedCount", query.unitsExecuted());
    ObjectNode planning = response.putObject("PlanningStatistics");
    planning.put("EstimatedDataToScanBytes", query.store.totalBytes());
    Instant started = query.planningStarted();
    Instant ended = query.planningEnded() != null ? query.planningEnded() : clock.instant();
    planning.put("PlanningTimeMillis", started == null ? 0 : ended.toEpochMilli() - started.toEpochMilli());
    planning.put("QueueTimeMillis", started == null ? 0 : started.toEpochMilli() - query.submitted.toEpochMilli());
    planning.put("WorkUnitsGeneratedCount", (long) query.store.size());
    response.put("QuerySubmissionTime", DateTimeFormatter.ISO_INSTANT.format(query.submitted));
    return Reply.json(JSON, response);
  }

  private Reply getWorkUnits(Json request) {
    Integer pageSize = request.intValue("PageSize");
    if (pageSize != null && pageSize < 1) {
      throw ServiceError.invalidInput("PageSize must be at least 1.");
    }
    ServedQuery query = liveQuery(request);
    int from = request.string("NextToken") == null ? 0 : decodePageToken(query, request.string("NextToken"));
    ServedQuery.State state = query.state();
    if (state == ServedQuery.State.ERROR) {
      throw ServiceError.invalidInput("Query " + query.id + " failed: " + query.error());
    }
    boolean finished = state == ServedQuery.State.FINISHED;
    if (state == ServedQuery.State.PENDING || query.takeNotReadyAnswer()) {
      if (state != ServedQuery.State.PENDING) {
        faults.countNotReady();
      }
      throw ServiceError.workUnitsNotReadyYet("Work units are not ready yet for query " + query.id + ".");
    }
    int limit = pageSize == null ? config.defaultPageSize() : pageSize;
    var ranges = query.ranges(from, limit);
    if (ranges.isEmpty() && !finished) {
      throw ServiceError.workUnitsNotReadyYet("More work units are being planned for query " + query.id + ".");
    }
    ObjectNode response = Json.object();
    response.put("QueryId", query.id);
    ArrayNode list = response.putArray("WorkUnitRanges");
    for (ServedQuery.Range range : ranges) {
      ObjectNode item = list.addObject();
      item.put("WorkUnitIdMax", range.max());
      item.put("WorkUnitIdMin", range.min());
      item.put("WorkUnitToken", range.token());
    }
    int next = from + ranges.size();
    if (!finished || next < query.rangeCount()) {
      response.put("NextToken", encodePageToken(query, next));
    }
    return Reply.json(JSON, response);
  }

  private Reply getWorkUnitResults(Json request) {
    Long workUnitId = request.longValue("WorkUnitId");
    if (workUnitId == null) {
      throw ServiceError.invalidInput("WorkUnitId is required.");
    }
    if (workUnitId < 0) {
      throw ServiceError.invalidInput("WorkUnitId must be at least 0.");
    }
    String token = request.requiredString("WorkUnitToken");
    ServedQuery query = liveQuery(request);
    ServedQuery.Range range = query.rangeOf(workUnitId);
    if (range == null) {
      throw ServiceError.invalidInput("WorkUnitId " + workUnitId + " is not a work unit of query "
          + query.id + ".");
    }
    if (!range.token().equals(token)) {
      throw ServiceError.invalidInput("WorkUnitToken does not match work unit " + workUnitId
          + " of query " + query.id + ".");
    }
    long start = System.nanoTime();
    byte[] bytes;
    try {
      bytes = query.store.read(workUnitId);
    } catch (IllegalStateException e) {
      throw ServiceError.expired("Query " + query.id + " has expired.");
    }
    query.recordServed(workUnitId, bytes.length, (System.nanoTime() - start) / 1_000_000);
    return Reply.workUnit(bytes);
  }

  private static String queryId(Json request) {
    String id = request.requiredString("QueryId");
    if (id.length() != QUERY_ID_LENGTH) {
      throw ServiceError.invalidInput("QueryId must be exactly 36 characters long.");
    }
    return id;
  }

  /** The query, which must not have expired (the operations other than GetQueryState). */
  private ServedQuery liveQuery(Json request) {
    ServedQuery query = queries.get(queryId(request));
    if (query.state() == ServedQuery.State.EXPIRED) {
      throw ServiceError.expired("Query " + query.id + " has expired.");
    }
    return query;
  }

  private static String encodePageToken(ServedQuery query, int nextRange) {
    String plain = query.id + ":" + nextRange;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  private static int decodePageToken(ServedQuery query, String token) {
    try {
      String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      int colon = plain.lastIndexOf(':');
      if (colon > 0 && plain.substring(0, colon).equals(query.id)) {
        int next = Integer.parseInt(plain.substring(colon + 1));
        if (next >= 0) {
          return next;
        }
      }
    } catch (IllegalArgumentException e) {
      // fall through to the error below
    }
    throw ServiceError.invalidInput("NextToken is not a token of query " + query.id + ".");
  }
}
