package dev.lakeformation.local.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.local.LakeFormationLocal;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4SignerParams;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.regions.Region;

/**
 * A request must be signed for the service it is sent to, as AWS requires: a Lake Formation call
 * signed for Athena is refused with AWS's words, one signed for Lake Formation is served.
 */
class SigningScopeTest {
  private static final Set<String> UNSIGNABLE = Set.of("host", "content-length");
  private static LakeFormationLocal local;
  private static HttpClient http;

  @BeforeAll
  static void start() throws Exception {
    local = LakeFormationLocal.builder().sampleData(false).start();
    http = HttpClient.newHttpClient();
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  private static HttpResponse<String> getQueryStateSignedFor(String service) throws Exception {
    byte[] body = "{\"QueryId\":\"00000000-0000-0000-0000-000000000000\"}".getBytes(StandardCharsets.UTF_8);
    SdkHttpFullRequest request = SdkHttpFullRequest.builder()
        .method(SdkHttpMethod.POST)
        .uri(URI.create(local.endpoint() + "/GetQueryState"))
        .putHeader("Content-Type", "application/json")
        .contentStreamProvider(() -> new ByteArrayInputStream(body))
        .build();
    SdkHttpFullRequest signed = Aws4Signer.create().sign(request, Aws4SignerParams.builder()
        .awsCredentials(AwsBasicCredentials.create(local.accessKeyId(), local.secretAccessKey()))
        .signingName(service)
        .signingRegion(Region.US_EAST_1)
        .build());
    HttpRequest.Builder send = HttpRequest.newBuilder(signed.getUri()).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    signed.headers().forEach((name, values) -> {
      if (!UNSIGNABLE.contains(name.toLowerCase())) {
        values.forEach(value -> send.header(name, value));
      }
    });
    return http.send(send.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aCallSignedForAnotherServiceIsRefused() throws Exception {
    HttpResponse<String> refused = getQueryStateSignedFor("athena");
    assertEquals(403, refused.statusCode());
    assertEquals("InvalidSignatureException", refused.headers().firstValue("x-amzn-ErrorType").orElse(null));
    assertTrue(refused.body().contains("Credential should be scoped to correct service: 'lakeformation'."), refused.body());
  }

  @Test
  void aCallSignedForItsServiceIsServed() throws Exception {
    HttpResponse<String> served = getQueryStateSignedFor("lakeformation");
    assertEquals("InvalidInputException", served.headers().firstValue("x-amzn-ErrorType").orElse(null),
        "the signature passed; the query ID is simply unknown: " + served.body());
  }
}
