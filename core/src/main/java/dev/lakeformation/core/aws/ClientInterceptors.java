package dev.lakeformation.core.aws;

import java.util.List;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * What every AWS client of one connection is built with: its identity in the user agent, the
 * recorder that puts the endpoint (and the proxy) of a failed call into its exception, and the
 * log of each call.
 */
record ClientInterceptors(ClientIdentity identity, ExecutionInterceptor endpointRecorder) {
  List<ExecutionInterceptor> all() {
    return List.of(endpointRecorder, identity, CallLog.INSTANCE);
  }
}
