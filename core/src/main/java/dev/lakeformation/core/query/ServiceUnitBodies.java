package dev.lakeformation.core.query;

import dev.lakeformation.api.LakeFormationException;
import dev.lakeformation.api.QueryListener;
import dev.lakeformation.api.WorkUnit;
import java.io.IOException;
import java.io.InputStream;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.lakeformation.LakeFormationClient;
import software.amazon.awssdk.services.lakeformation.model.GetWorkUnitResultsResponse;

/** Work-unit bodies from GetWorkUnitResults: the raw HTTP body is the unit's Arrow IPC stream. */
final class ServiceUnitBodies implements UnitBodies {
  private final LakeFormationClient client;
  private final RetryPolicy retry;

  ServiceUnitBodies(LakeFormationClient client, RetryPolicy retry) {
    this.client = client;
    this.retry = retry;
  }

  @Override
  public UnitBody open(WorkUnit unit, Cancellation cancellation, QueryListener listener)
      throws LakeFormationException {
    ResponseInputStream<GetWorkUnitResultsResponse> body = retry.call("GetWorkUnitResults", cancellation, listener,
        () -> client.getWorkUnitResults(r -> r.queryId(unit.queryId()).workUnitId(unit.id())
            .workUnitToken(unit.token())));
    long expectedLength = body.response().sdkHttpResponse().firstMatchingHeader("Content-Length")
        .map(Long::parseLong).orElse(-1L);
    return new UnitBody() {
      @Override
      public InputStream stream() {
        return body;
      }

      @Override
      public long expectedLength() {
        return expectedLength;
      }

      @Override
      public void abort() {
        body.abort();
      }

      @Override
      public void close() {
        try {
          body.close();
        } catch (IOException e) {
          body.abort(); // the connection is not reusable; drop it
        }
      }
    };
  }
}
