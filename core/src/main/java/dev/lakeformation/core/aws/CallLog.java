package dev.lakeformation.core.aws;

import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Each AWS call of the driver at DEBUG (java.util.logging FINE): the operation, the host it went
 * to, the HTTP status and how long it took, or why it failed. Never a header, a body or a query
 * string: nothing that could hold a credential.
 */
final class CallLog implements ExecutionInterceptor {
  static final CallLog INSTANCE = new CallLog();
  private static final Logger LOG = Logger.getLogger(CallLog.class.getName());
  private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("lakeformation.callStarted");

  private CallLog() {}

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    if (LOG.isLoggable(Level.FINE)) {
      attributes.putAttribute(STARTED, System.nanoTime());
    }
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    if (LOG.isLoggable(Level.FINE)) {
      LOG.fine(describe(context.httpRequest(), attributes) + " -> HTTP " + context.httpResponse().statusCode()
          + millis(attributes));
    }
  }

  @Override
  public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
    if (LOG.isLoggable(Level.FINE)) {
      String status = context.httpResponse().map(r -> " -> HTTP " + r.statusCode()).orElse("");
      String request = context.httpRequest().map(r -> describe(r, attributes))
          .orElse(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
      Throwable failure = context.exception();
      LOG.fine(request + status + millis(attributes) + " failed: " + failure.getClass().getSimpleName() + ": "
          + String.valueOf(failure.getMessage()).lines().findFirst().orElse(""));
    }
  }

  private static String describe(SdkHttpRequest request, ExecutionAttributes attributes) {
    return attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
        + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME) + " " + request.protocol() + "://"
        + request.host() + ":" + request.port();
  }

  private static String millis(ExecutionAttributes attributes) {
    Long started = attributes.getAttribute(STARTED);
    return started == null ? "" : " in " + (System.nanoTime() - started) / 1_000_000 + " ms";
  }
}
