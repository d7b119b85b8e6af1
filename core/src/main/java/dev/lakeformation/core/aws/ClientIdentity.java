package dev.lakeformation.core.aws;

import dev.lakeformation.core.config.ConnectionConfig;
import dev.lakeformation.core.config.ConnectionProperty;
import dev.lakeformation.core.config.Product;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.ApiName;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Who one connection's AWS calls say they come from: every request's user agent ends with
 * {@code lakeformation-jdbc/VERSION}, then {@code app/NAME} and {@code tag/TAG} when the
 * connection has an ApplicationName and a ClientTag. CloudTrail records the user agent, so an
 * account can tell a report server's calls from an analyst's DBeaver.
 *
 * <p>Both can change while the connection is open ({@code setClientInfo}): they are read for each
 * request, by an interceptor that adds them to the request's API names, which the SDK writes into
 * the user agent.
 */
public final class ClientIdentity implements ExecutionInterceptor {

  private volatile String applicationName;
  private volatile String clientTag;

  ClientIdentity(String applicationName, String clientTag) {
    this.applicationName = applicationName;
    this.clientTag = clientTag;
  }

  static ClientIdentity of(ConnectionConfig config) {
    return new ClientIdentity(config.get(ConnectionProperty.APPLICATION_NAME), config.get(ConnectionProperty.CLIENT_TAG));
  }

  /** The application's name, or null. */
  public String applicationName() {
    return applicationName;
  }

  /** Names the application from the next call on; null or blank for none. */
  public void applicationName(String name) {
    this.applicationName = name == null || name.isBlank() ? null : name;
  }

  /** The client tag, or null. */
  public String clientTag() {
    return clientTag;
  }

  /** Tags the calls from the next one on; null or blank for none. */
  public void clientTag(String tag) {
    this.clientTag = tag == null || tag.isBlank() ? null : tag;
  }

  @Override
  public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
    if (!(context.request() instanceof AwsRequest request)) {
      return context.request();
    }
    AwsRequestOverrideConfiguration.Builder override = request.overrideConfiguration()
        .map(AwsRequestOverrideConfiguration::toBuilder).orElseGet(AwsRequestOverrideConfiguration::builder);
    override.addApiName(ApiName.builder().name(Product.NAME).version(Product.VERSION).build());
    String app = applicationName;
    if (app != null) {
      override.addApiName(ApiName.builder().name("app").version(token(app)).build());
    }
    String tag = clientTag;
    if (tag != null) {
      override.addApiName(ApiName.builder().name("tag").version(token(tag)).build());
    }
    return request.toBuilder().overrideConfiguration(override.build()).build();
  }

  /**
   * A user agent token: the characters HTTP allows in one (RFC 9110's tchar), others as {@code _},
   * at most CLIENT_INFO_MAX_LENGTH of them, so that a name with spaces or slashes cannot split or spoof the header.
   */
  static String token(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length() && out.length() < ConnectionProperty.CLIENT_INFO_MAX_LENGTH; i++) {
      char c = text.charAt(i);
      boolean tchar = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      out.append(tchar ? c : '_');
    }
    return out.toString();
  }
}
