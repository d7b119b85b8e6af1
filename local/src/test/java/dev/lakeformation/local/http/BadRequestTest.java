package dev.lakeformation.local.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.core.aws.AwsClients;
import dev.lakeformation.local.LakeFormationLocal;
import dev.lakeformation.local.LocalClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Requests no AWS SDK would send, over raw HTTP: each gets the model's error shape and status,
 * and the service goes on serving. Signatures are not verified here (the access key still is),
 * so the bodies can be anything.
 */
class BadRequestTest {
  static LakeFormationLocal local;
  static HttpClient http;
  private static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=" + LakeFormationLocal.DEFAULT_ACCESS_KEY_ID
      + "/20260101/us-east-1/lakeformation/aws4_request, SignedHeaders=host, Signature=00";

  @BeforeAll
  static void start() throws Exception {
    local = LakeFormationLocal.builder().tpchScaleFactor(0.001).verifySignatures(false).start();
    http = HttpClient.newHttpClient();
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource(delimiter = '|', value = {
      "POST|/GetQueryState|{not json|400|InvalidInputException|The request body is not valid JSON",
      "POST|/GetQueryState|[1,2]|400|InvalidInputException|The request body must be a JSON object.",
      "POST|/GetQueryState|{\"QueryId\": 5}|400|InvalidInputException|QueryId must be a string.",
      "POST|/GetQueryState|{}|400|InvalidInputException|QueryId is required.",
      "POST|/GetWorkUnits|{\"QueryId\": \"00000000-0000-0000-0000-000000000000\", \"PageSize\": \"ten\"}|400|InvalidInputException|PageSize must be a 32-bit integer.",
      "POST|/GetWorkUnitResults|{\"QueryId\": \"00000000-0000-0000-0000-000000000000\", \"WorkUnitId\": 1.5, \"WorkUnitToken\": \"t\"}|400|InvalidInputException|WorkUnitId must be an integer.",
      "POST|/StartQueryPlanning|{\"QueryString\": \"SELECT 1\"}|400|InvalidInputException|QueryPlanningContext is required.",
      "POST|/StartQueryPlanning|{\"QueryPlanningContext\": {\"DatabaseName\": \"tpch\", \"QueryParameters\": {\"a\": 1}}, \"QueryString\": \"SELECT 1\"}|400|InvalidInputException|QueryParameters values must be strings.",
      "POST|/DeleteEverything|{}|404|UnknownOperationException|Operation DeleteEverything is not supported by LakeFormation Local.",
      "GET|/GetQueryState||404|UnknownOperationException|Only POST is supported, got GET.",
  })
  void lakeFormationAnswersBadRequestsInTheModelsShape(String method, String path, String body, int status,
      String type, String message) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(local.endpoint() + path))
        .header("Authorization", AUTHORIZATION)
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(status, response.statusCode());
    assertEquals(type, response.headers().firstValue("x-amzn-ErrorType").orElse(null));
    assertTrue(response.body().contains("\"Message\":\"" + message), response.body());
    stillServes();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "BatchGetQueryExecution|{\"QueryExecutionIds\": []}|InvalidRequestException",
      "BatchGetQueryExecution|{\"QueryExecutionIds\": \"x\"}|InvalidRequestException",
      "ListQueryExecutions|{\"MaxResults\": 500}|InvalidRequestException",
      "ListQueryExecutions|{\"NextToken\": \"%%%\"}|InvalidRequestException",
      "ListTableMetadata|{\"CatalogName\": \"AwsDataCatalog\", \"DatabaseName\": \"tpch\", \"Expression\": \"(\"}|InvalidRequestException",
      "StartQueryExecution|{}|UnknownOperationException",
  })
  void athenaAnswersBadRequestsWithTypeInTheBody(String operation, String body, String type) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(local.endpoint() + "/"))
        .header("Authorization", AUTHORIZATION)
        .header("Content-Type", "application/x-amz-json-1.1")
        .header("X-Amz-Target", "AmazonAthena." + operation)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(400, response.statusCode());
    assertTrue(response.body().contains("\"__type\":\"" + type + "\""), response.body());
    stillServes();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "no Authorization header||MissingAuthenticationTokenException",
      "another access key|AWS4-HMAC-SHA256 Credential=AKIAOTHER/20260101/us-east-1/lakeformation/aws4_request, SignedHeaders=host, Signature=00|UnrecognizedClientException",
      "not SigV4|Basic dXNlcjpwYXNz|MissingAuthenticationTokenException",
      "no signature|AWS4-HMAC-SHA256 Credential=AKIAOTHER/20260101/us-east-1/lakeformation/aws4_request|IncompleteSignatureException",
  })
  void requestsWithoutTheServicesAccessKeyAreRefused(String what, String authorization, String errorType)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(local.endpoint() + "/GetQueryState"))
        .POST(HttpRequest.BodyPublishers.ofString("{}"));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(403, response.statusCode());
    assertEquals(errorType, response.headers().firstValue("x-amzn-ErrorType").orElse(null));
  }

  @org.junit.jupiter.api.Test
  void anOversizedBodyIsRefused() throws Exception {
    byte[] body = new byte[HttpFront.MAX_REQUEST_BYTES + 10];
    java.util.Arrays.fill(body, (byte) ' ');
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(local.endpoint() + "/GetQueryState"))
        .header("Authorization", AUTHORIZATION)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(400, response.statusCode());
    assertTrue(response.body().contains("exceeds"), response.body());
    stillServes();
  }

  private static void stillServes() {
    try (AwsClients aws = LocalClients.connect(local)) {
      assertEquals("AwsDataCatalog", aws.athena().listDataCatalogs(r -> {}).dataCatalogsSummary().get(0).catalogName());
    }
  }
}
