package dev.lakeformation.core.config;

import dev.lakeformation.api.LakeFormationException;
import dev.lakeformation.api.SqlState;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The parsed, validated settings of one connection: immutable, with every value typed.
 *
 * <p>URL syntax: {@code jdbc:lakeformation://Key=Value;Key=Value…}. Keys are case-insensitive;
 * a value holding {@code ;} is written in braces, {@code Key={a;b}}. {@code Properties} given
 * to {@code connect} fill in what the URL does not say; the URL wins on conflicts.
 */
public final class ConnectionConfig {
  public static final String URL_PREFIX = "jdbc:lakeformation://";

  private final Map<ConnectionProperty<?>, Object> values;
  private final Map<ConnectionProperty<?>, String> texts;

  private ConnectionConfig(Map<ConnectionProperty<?>, Object> values, Map<ConnectionProperty<?>, String> texts) {
    this.values = Collections.unmodifiableMap(values);
    this.texts = Collections.unmodifiableMap(texts);
  }

  public static boolean acceptsUrl(String url) {
    return url != null && url.regionMatches(true, 0, URL_PREFIX, 0, URL_PREFIX.length());
  }

  /** Parses and checks a URL plus properties; every problem is a LakeFormationException (SQLState 08001 or 28000) naming the key. */
  public static ConnectionConfig parse(String url, Properties info) throws LakeFormationException {
    if (!acceptsUrl(url)) {
      throw new LakeFormationException(SqlState.CONNECTION_REJECTED, "Not a lakeformation-jdbc URL: it must start with "
          + URL_PREFIX + " (for example " + URL_PREFIX + "Region=us-east-1;Database=sales).");
    }
    Map<ConnectionProperty<?>, String> texts = urlTexts(url);
    if (info != null) {
      for (String key : info.stringPropertyNames()) {
        ConnectionProperty<?> property = ConnectionProperty.forName(key);
        String value = info.getProperty(key);
        if (property == null) {
          throw unknown(key, "connection properties");
        }
        boolean loginField = property == ConnectionProperty.USER || property == ConnectionProperty.PASSWORD;
        if (value == null || (loginField && value.isEmpty())) {
          continue; // GUI tools send empty login fields when none were typed
        }
        texts.putIfAbsent(property, value);
      }
    }
    return fromTexts(texts);
  }

  /**
   * The properties a URL spells out, as text, checked for syntax and known keys only (values
   * and cross checks are {@link #parse}'s), so that settings can be layered on top of them.
   */
  public static Map<ConnectionProperty<?>, String> urlTexts(String url) throws LakeFormationException {
    Map<ConnectionProperty<?>, String> texts = new LinkedHashMap<>();
    parseUrlPart(url.substring(URL_PREFIX.length()), texts);
    return texts;
  }

  private static void parseUrlPart(String rest, Map<ConnectionProperty<?>, String> texts) throws LakeFormationException {
    int i = 0;
    // The last property read, when its value was a secret written without braces: a ';' inside
    // that secret splits it, and what follows must not be echoed back as a segment or a key.
    ConnectionProperty<?> unbracedSecret = null;
    while (i < rest.length()) {
      int eq = rest.indexOf('=', i);
      int semicolon = rest.indexOf(';', i);
      if (semicolon == i) {
        i++;
        continue;
      }
      if (eq < 0 || (semicolon >= 0 && semicolon < eq)) {
        if (unbracedSecret != null) {
          throw secretSplit(unbracedSecret);
        }
        String segment = rest.substring(i, semicolon < 0 ? rest.length() : semicolon);
        // Only what looks like a key is repeated: a secret typed without its key (or with ':') must not be.
        throw new LakeFormationException(SqlState.CONNECTION_REJECTED, "Malformed URL segment "
            + (segment.strip().matches("[A-Za-z]{1,40}") ? "'" + segment.strip() + "'" : "of " + segment.length()
                + " characters (not shown: it may hold a secret)")
            + ": expected Key=Value pairs separated by ';'.");
      }
      String key = rest.substring(i, eq).trim();
      ConnectionProperty<?> property = ConnectionProperty.forName(key);
      if (property == null) {
        throw unbracedSecret != null ? secretSplit(unbracedSecret) : unknown(key, "the URL");
      }
      String value;
      int next;
      boolean braced = eq + 1 < rest.length() && rest.charAt(eq + 1) == '{';
      if (braced) {
        int close = rest.indexOf('}', eq + 2);
        if (close < 0) {
          throw new LakeFormationException(SqlState.CONNECTION_REJECTED, "The value of " + property.name()
              + " opens a '{' that is never closed.");
        }
        value = rest.substring(eq + 2, close);
        next = close + 1;
        if (next < rest.length() && rest.charAt(next) != ';') {
          throw new LakeFormationException(SqlState.CONNECTION_REJECTED, "Expected ';' after the braced value of "
              + property.name() + (property.isSensitive() ? " (a braced value cannot hold '}')." : "."));
        }
      } else {
        next = semicolon < 0 ? rest.length() : semicolon;
        value = rest.substring(eq + 1, next);
      }
      if (texts.put(property, value) != null) {
        throw new LakeFormationException(SqlState.CONNECTION_REJECTED, "Connection property " + property.name()
            + " is given twice in the URL.");
      }
      unbracedSecret = property.isSensitive() && !braced ? property : null;
      i = next + 1;
    }
  }

  private static LakeFormationException secretSplit(ConnectionProperty<?> secret) {
    return new LakeFormationException(SqlState.CONNECTION_REJECTED, "The URL cannot be read after the value of "
        + secret.name() + ", which seems to hold a ';': write it in braces, " + secret.name() + "={...}.");
  }

  private static LakeFormationException unknown(String key, String where) {
    return new LakeFormationException(SqlState.CONNECTION_REJECTED, "Unknown connection property '" + key + "' in " + where
        + ". Known properties: " + ConnectionProperty.ALL.stream().map(ConnectionProperty::name)
            .collect(Collectors.joining(", ")) + ".");
  }

  private static ConnectionConfig fromTexts(Map<ConnectionProperty<?>, String> texts) throws LakeFormationException {
    Map<ConnectionProperty<?>, Object> values = new LinkedHashMap<>();
    for (Map.Entry<ConnectionProperty<?>, String> entry : texts.entrySet()) {
      ConnectionProperty<?> property = entry.getKey();
      try {
        values.put(property, property.parse(entry.getValue()));
      } catch (IllegalArgumentException e) {
        throw new LakeFormationException(SqlState.CONNECTION_REJECTED, "Invalid value for connection property "
            + property.name() + ": " + e.getMessage() + ".");
      }
    }
    ConnectionConfig config = new ConnectionConfig(values, texts);
    config.checkCombinations();
    return config;
  }

  private void checkCombinations() throws LakeFormationException {
    String keyId = accessKeyId();
    if (isSet(ConnectionProperty.USER) && isSet(ConnectionProperty.ACCESS_KEY_ID)
        && !get(ConnectionProperty.USER).equals(get(ConnectionProperty.ACCESS_KEY_ID))) {
      throw invalidCredentials("User and AccessKeyId are both given and differ: give only one of them.");
    }
    if (isSet(ConnectionProperty.PASSWORD) && isSet(ConnectionProperty.SECRET_ACCESS_KEY)
        && !get(ConnectionProperty.PASSWORD).equals(get(ConnectionProperty.SECRET_ACCESS_KEY))) {
      throw invalidCredentials("Password and SecretAccessKey are both given and differ: give only one of them.");
    }
    boolean hasSecret = secretAccessKey() != null;
    if ((keyId == null) != !hasSecret && !isSet(ConnectionProperty.LOCAL)) {
      throw invalidCredentials(keyId == null
          ? "A secret access key (SecretAccessKey or Password) is given without an access key ID (AccessKeyId or User)."
          : "An access key ID is given without its secret access key (SecretAccessKey or Password).");
    }
    if (isSet(ConnectionProperty.SESSION_TOKEN) && keyId == null) {
      throw invalidCredentials("SessionToken needs AccessKeyId and SecretAccessKey too.");
    }
    if (isSet(ConnectionProperty.PROFILE) && keyId != null) {
      throw invalidCredentials("Profile and static credentials (AccessKeyId/User) exclude each other: give one.");
    }
    if (get(ConnectionProperty.LOCAL) && (isSet(ConnectionProperty.ENDPOINT) || isSet(ConnectionProperty.ATHENA_ENDPOINT)
        || isSet(ConnectionProperty.STS_ENDPOINT))) {
      throw new LakeFormationException(SqlState.CONNECTION_REJECTED,
          "Local=true starts its own endpoint: remove Endpoint, AthenaEndpoint and StsEndpoint.");
    }
    for (ConnectionProperty<?> roleSetting : List.of(ConnectionProperty.ROLE_SESSION_NAME, ConnectionProperty.EXTERNAL_ID,
        ConnectionProperty.DURATION_SECONDS)) {
      if (isSet(roleSetting) && !isSet(ConnectionProperty.ROLE_ARN)) {
        throw new LakeFormationException(SqlState.CONNECTION_REJECTED, roleSetting.name()
            + " is a setting of the role to assume: give RoleArn too.");
      }
    }
    if (isSet(ConnectionProperty.PROXY_HOST) != isSet(ConnectionProperty.PROXY_PORT)) {
      throw new LakeFormationException(SqlState.CONNECTION_REJECTED, isSet(ConnectionProperty.PROXY_HOST)
          ? "ProxyHost is given without ProxyPort: give the proxy's port too (often 3128 or 8080)."
          : "ProxyPort is given without ProxyHost: give the proxy's host too.");
    }
    for (ConnectionProperty<?> proxySetting : List.of(ConnectionProperty.PROXY_USERNAME, ConnectionProperty.PROXY_PASSWORD,
        ConnectionProperty.NON_PROXY_HOSTS)) {
      if (isSet(proxySetting) && !isSet(ConnectionProperty.PROXY_HOST)) {
        throw new LakeFormationException(SqlState.CONNECTION_REJECTED, proxySetting.name()
            + " is a setting of ProxyHost: give ProxyHost and ProxyPort too.");
      }
    }
    if (isSet(ConnectionProperty.PROXY_PASSWORD) != isSet(ConnectionProperty.PROXY_USERNAME)) {
      throw new LakeFormationException(SqlState.INVALID_AUTHORIZATION, isSet(ConnectionProperty.PROXY_PASSWORD)
          ? "ProxyPassword is given without ProxyUsername: give the proxy user's name too."
          : "ProxyUsername is given without ProxyPassword: give the proxy user's password too.");
    }
    for (ConnectionProperty<?> trustSetting : List.of(ConnectionProperty.TRUST_STORE_PASSWORD,
        ConnectionProperty.TRUST_STORE_TYPE)) {
      if (isSet(trustSetting) && !isSet(ConnectionProperty.TRUST_STORE)) {
        throw new LakeFormationException(SqlState.CONNECTION_REJECTED, trustSetting.name()
            + " is a setting of TrustStore: give TrustStore too.");
      }
    }
    if (!get(ConnectionProperty.TRUST_SYSTEM_CERTIFICATES) && !isSet(ConnectionProperty.TRUST_STORE)
        && !get(ConnectionProperty.TLS)) {
      throw new LakeFormationException(SqlState.CONNECTION_REJECTED, "TrustSystemCertificates=false leaves no"
          + " certificate to trust: give TrustStore too.");
    }
    if (get(ConnectionProperty.TLS) && !get(ConnectionProperty.LOCAL)) {
      throw new LakeFormationException(SqlState.CONNECTION_REJECTED, "Tls=true is a setting of the embedded"
          + " LakeFormation Local: give Local=true too (for AWS, TLS is always on).");
    }
    if (get(ConnectionProperty.POLL_INTERVAL_MILLIS) > get(ConnectionProperty.POLL_MAX_INTERVAL_MILLIS)) {
      throw new LakeFormationException(SqlState.CONNECTION_REJECTED, "PollIntervalMillis must not exceed PollMaxIntervalMillis.");
    }
    for (ConnectionProperty<URI> endpoint : List.of(ConnectionProperty.ENDPOINT, ConnectionProperty.ATHENA_ENDPOINT,
        ConnectionProperty.STS_ENDPOINT)) {
      URI uri = get(endpoint);
      if (uri != null && uri.getScheme().equalsIgnoreCase("http") && !get(ConnectionProperty.ALLOW_HTTP)
          && !isLoopback(uri.getHost())) {
        throw new LakeFormationException(SqlState.CONNECTION_REJECTED, endpoint.name() + " uses plain http:// on a host other"
            + " than loopback: use https://, or set AllowHttp=true to send credentials unencrypted.");
      }
    }
  }

  /** Whether the URL names this machine by a loopback address or {@code localhost}, without asking a DNS server. */
  public static boolean isLoopback(URI uri) {
    return isLoopback(uri.getHost());
  }

  private static boolean isLoopback(String host) {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!host.matches("[0-9.]+|\\[[0-9a-fA-F:]+]")) {
      return false; // a name: resolving it could reach the network, and names can change
    }
    try {
      return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static LakeFormationException invalidCredentials(String message) {
    return new LakeFormationException(SqlState.INVALID_AUTHORIZATION, message);
  }

  /**
   * These properties with {@code property} set to {@code text} (checked as parsing checks it):
   * the Spark connector plans a table's query in the table's own database, say.
   */
  public ConnectionConfig with(ConnectionProperty<?> property, String text) throws LakeFormationException {
    Map<ConnectionProperty<?>, String> changed = new LinkedHashMap<>(texts);
    changed.put(property, text);
    return fromTexts(changed);
  }

  /** The value, or the property's default, or null when it has neither. */
  @SuppressWarnings("unchecked")
  public <T> T get(ConnectionProperty<T> property) {
    Object value = values.get(property);
    if (value != null) {
      return (T) value;
    }
    return property.defaultValue() == null ? null : property.parse(property.defaultValue());
  }

  public boolean isSet(ConnectionProperty<?> property) {
    return values.containsKey(property);
  }

  /** The access key ID from AccessKeyId or, for GUI login fields, User. */
  public String accessKeyId() {
    return isSet(ConnectionProperty.ACCESS_KEY_ID) ? get(ConnectionProperty.ACCESS_KEY_ID) : get(ConnectionProperty.USER);
  }

  /** The secret key from SecretAccessKey or, for GUI login fields, Password. */
  public String secretAccessKey() {
    return isSet(ConnectionProperty.SECRET_ACCESS_KEY) ? get(ConnectionProperty.SECRET_ACCESS_KEY)
        : get(ConnectionProperty.PASSWORD);
  }

  /** The values as given (text), without the sensitive ones. */
  public Map<ConnectionProperty<?>, String> nonSensitiveTexts() {
    Map<ConnectionProperty<?>, String> shown = new LinkedHashMap<>();
    texts.forEach((p, v) -> {
      if (!p.isSensitive()) {
        shown.put(p, v);
      }
    });
    return shown;
  }

  /** The text given for a property, or null. Sensitive values too: callers must check isSensitive. */
  public String text(ConnectionProperty<?> property) {
    return texts.get(property);
  }

  /** The URL with every secret left out: safe for logs, {@code getURL()} and error messages. */
  public String redactedUrl() {
    return URL_PREFIX + nonSensitiveTexts().entrySet().stream()
        .map(e -> e.getKey().name() + "=" + (e.getValue().contains(";") ? "{" + e.getValue() + "}" : e.getValue()))
        .collect(Collectors.joining(";"));
  }

  @Override
  public String toString() {
    return redactedUrl();
  }
}
