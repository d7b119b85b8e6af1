package dev.lakeformation.core.aws;

import dev.lakeformation.api.LakeFormationException;
import dev.lakeformation.api.SqlState;
import dev.lakeformation.core.config.ConnectionConfig;
import dev.lakeformation.core.config.ConnectionProperty;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.apache5.ProxyConfiguration;

/**
 * The HTTP proxy a connection's calls go through, and where that setting came from. In order:
 * the connection's ProxyHost; the JVM's {@code https.proxyHost} (else {@code http.proxyHost}:
 * one proxy serves every call, and AWS's endpoints are HTTPS); the {@code HTTPS_PROXY} (else
 * {@code HTTP_PROXY}) environment variable, as the AWS CLI and curl take it. The SDK's own reading
 * of these is not used: it picks {@code http.proxyHost} and {@code HTTP_PROXY} for HTTPS targets.
 *
 * <p>A proxy from the JVM or the environment is never used for loopback addresses (the JDK
 * connects to them directly too), so that {@code Local=true} keeps working on a machine whose
 * environment names a company proxy; one named by ProxyHost is used for every host NonProxyHosts
 * does not exempt. NO_PROXY's entries cover a domain's hosts, as curl reads them; NonProxyHosts
 * and {@code http.nonProxyHosts} take {@code *} wildcards, as Java reads them.
 *
 * <p>Its text names the proxy and the source, never the password.
 */
final class ProxySettings {
  private static final List<String> LOOPBACK = List.of("localhost", "127.*", "::1");

  private final URI endpoint;
  private final String username;
  private final String password;
  private final List<String> exemptHosts;
  private final String source;

  private ProxySettings(URI endpoint, String username, String password, List<String> exemptHosts, String source) {
    this.endpoint = endpoint;
    this.username = username;
    this.password = password;
    this.exemptHosts = List.copyOf(exemptHosts);
    this.source = source;
  }

  /** This JVM's proxy for a connection, or null for none. */
  static ProxySettings of(ConnectionConfig config) throws LakeFormationException {
    return of(config, System::getProperty, System.getenv());
  }

  /**
   * @param systemProperty reads the JVM's system properties
   * @param environment the process environment
   */
  static ProxySettings of(ConnectionConfig config, UnaryOperator<String> systemProperty,
      Map<String, String> environment) throws LakeFormationException {
    if (config.isSet(ConnectionProperty.PROXY_HOST)) {
      return new ProxySettings(endpoint("http", config.get(ConnectionProperty.PROXY_HOST),
          config.get(ConnectionProperty.PROXY_PORT)), config.get(ConnectionProperty.PROXY_USERNAME),
          config.get(ConnectionProperty.PROXY_PASSWORD),
          patterns(config.get(ConnectionProperty.NON_PROXY_HOSTS), "[|,]", false), "ProxyHost");
    }
    for (String scheme : List.of("https", "http")) {
      String host = systemProperty.apply(scheme + ".proxyHost");
      if (host != null && !host.isBlank()) {
        String port = systemProperty.apply(scheme + ".proxyPort");
        List<String> exemptHosts = new ArrayList<>(LOOPBACK);
        exemptHosts.addAll(patterns(systemProperty.apply("http.nonProxyHosts"), "\\|", false));
        int defaultPort = scheme.equals("https") ? 443 : 80;
        return new ProxySettings(endpoint("http", host.strip(), port == null || port.isBlank() ? defaultPort
            : portOf(port, scheme + ".proxyPort")), systemProperty.apply(scheme + ".proxyUser"),
            systemProperty.apply(scheme + ".proxyPassword"), exemptHosts, "the JVM's " + scheme + ".proxyHost");
      }
    }
    for (String name : List.of("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy")) {
      String url = environment.get(name);
      if (url != null && !url.isBlank()) {
        String exempt = environment.getOrDefault("NO_PROXY", environment.get("no_proxy"));
        List<String> exemptHosts = new ArrayList<>(LOOPBACK);
        exemptHosts.addAll(patterns(exempt, ",", true));
        return fromUrl(url.strip(), exemptHosts, "the environment's " + name);
      }
    }
    return null;
  }

  private static ProxySettings fromUrl(String url, List<String> exemptHosts, String source) throws LakeFormationException {
    URI uri;
    try {
      uri = new URI(url.contains("://") ? url : "http://" + url);
    } catch (URISyntaxException e) {
      throw invalid(source, "is not a proxy URL like http://proxy.example.com:3128");
    }
    if (uri.getHost() == null || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))) {
      throw invalid(source, "is not a proxy URL like http://proxy.example.com:3128");
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    String username = null;
    String password = null;
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      username = percentDecoded(colon < 0 ? userInfo : userInfo.substring(0, colon));
      password = colon < 0 ? null : percentDecoded(userInfo.substring(colon + 1));
    }
    return new ProxySettings(endpoint(scheme, uri.getHost(), port), username, password, exemptHosts, source);
  }

  /** A URL's %XX escapes decoded; a '+' stays a '+' (it means a space only in form data). */
  private static String percentDecoded(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static URI endpoint(String scheme, String host, int port) {
    return URI.create(scheme + "://" + (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port);
  }

  private static int portOf(String text, String source) throws LakeFormationException {
    try {
      int port = Integer.parseInt(text.strip());
      if (port >= 1 && port <= 65_535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw invalid("the JVM's " + source, "is not a port number (1..65535)");
  }

  private static LakeFormationException invalid(String source, String problem) {
    return new LakeFormationException(SqlState.CONNECTION_REJECTED, "The proxy setting of " + source + " " + problem
        + ": correct it, or give ProxyHost and ProxyPort.");
  }

  /**
   * @param domains whether a name also covers the hosts of its domain (NO_PROXY's {@code example.com}
   *     is curl's {@code .example.com}); Java's lists name hosts exactly, with {@code *} wildcards
   */
  private static List<String> patterns(String list, String separator, boolean domains) {
    if (list == null) {
      return List.of();
    }
    List<String> patterns = new ArrayList<>();
    for (String entry : list.split(separator)) {
      String pattern = entry.strip().toLowerCase(Locale.ROOT);
      if (!pattern.isEmpty()) {
        patterns.add(domains && !pattern.startsWith(".") && !pattern.contains("*") && !pattern.matches("[0-9.:\\[\\]]+")
            ? "." + pattern : pattern);
      }
    }
    return patterns;
  }

  /**
   * The exempt hosts as the regular expressions the SDK's route planner matches host names with:
   * {@code *} for any characters, a leading dot (NO_PROXY's way) for a domain and its hosts,
   * anything else literally.
   */
  private Set<String> exemptHostExpressions() {
    Set<String> expressions = new LinkedHashSet<>();
    for (String pattern : exemptHosts) {
      String host = pattern.startsWith("[") && pattern.endsWith("]") ? pattern.substring(1, pattern.length() - 1) : pattern;
      if (host.startsWith(".")) {
        expressions.add(glob(host.substring(1)));
        expressions.add(glob("*" + host));
      } else {
        expressions.add(glob(host));
      }
    }
    return expressions;
  }

  private static String glob(String pattern) {
    StringJoiner regex = new StringJoiner(".*");
    for (String literal : pattern.split("\\*", -1)) {
      regex.add(literal.isEmpty() ? "" : Pattern.quote(literal));
    }
    return regex.toString();
  }

  /** The SDK's proxy configuration: exactly these settings, none read again from the JVM or the environment. */
  ProxyConfiguration sdkConfiguration() {
    return ProxyConfiguration.builder()
        .endpoint(endpoint)
        .username(username)
        .password(password)
        .nonProxyHosts(exemptHostExpressions())
        .useSystemPropertyValues(false)
        .useEnvironmentVariableValues(false)
        .build();
  }

  /** Whether calls to {@code host} go through the proxy (are not exempt). */
  boolean routes(String host) {
    String lower = host.toLowerCase(Locale.ROOT);
    return exemptHostExpressions().stream().noneMatch(lower::matches);
  }

  /** E.g. "proxy proxy.example.com:3128 (ProxyHost)". */
  @Override
  public String toString() {
    return "proxy " + endpoint.getHost() + ":" + endpoint.getPort() + " (" + source + ")";
  }
}
