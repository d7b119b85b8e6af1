package dev.lakeformation.core.config;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every connection property the driver accepts: its name, type, default, validation and
 * description. This one list feeds URL parsing, {@code Driver.getPropertyInfo}, the
 * DataSource's setters and the reference in {@code docs/properties.md}; nothing else defines
 * a property.
 *
 * @param <T> the parsed type of the property's value
 */
public final class ConnectionProperty<T> {
  /** How a property is grouped in the docs. */
  public enum Group { CONNECTION, NETWORK, CREDENTIALS, QUERY, FETCH, TIMEOUTS, LOGGING }

  /** The order rows come out of the work units. */
  public enum RowOrder { WORK_UNIT, COMPLETION }

  /** How much the driver writes to its log file (see {@link #LOG_LEVEL}). */
  public enum LogLevel { OFF, ERROR, WARN, INFO, DEBUG, TRACE }

  /** How a TrustStore file is read (see {@link #TRUST_STORE_TYPE}). */
  public enum TrustStoreType { AUTO, PEM, JKS, PKCS12 }


  public static final ConnectionProperty<String> REGION = new ConnectionProperty<>("Region", Group.CONNECTION,
      "string", "us-east-1", false, null, ConnectionProperty::region,
      "AWS Region of Lake Formation and Athena, e.g. us-east-1.");
  public static final ConnectionProperty<URI> ENDPOINT = new ConnectionProperty<>("Endpoint", Group.CONNECTION,
      "URL", null, false, null, ConnectionProperty::uri,
      "Overrides the Lake Formation endpoint (and Athena's unless AthenaEndpoint is given). "
          + "Host prefixes (query-, data-) are turned off when set. http:// only for loopback unless AllowHttp=true.");
  public static final ConnectionProperty<URI> ATHENA_ENDPOINT = new ConnectionProperty<>("AthenaEndpoint",
      Group.CONNECTION, "URL", null, false, null, ConnectionProperty::uri,
      "Overrides the Athena endpoint.");
  public static final ConnectionProperty<Boolean> ALLOW_HTTP = new ConnectionProperty<>("AllowHttp", Group.CONNECTION,
      "boolean", "false", false, List.of("true", "false"), ConnectionProperty::bool,
      "Allows plain http:// endpoints on addresses other than loopback. Credentials then travel unencrypted.");
  public static final ConnectionProperty<URI> STS_ENDPOINT = new ConnectionProperty<>("StsEndpoint", Group.CONNECTION,
      "URL", null, false, null, ConnectionProperty::uri,
      "Overrides the STS endpoint of the driver's own STS calls (the connect check and RoleArn). Without it:"
          + " LakeFormation Local's with Local=true or a loopback Endpoint, else AWS's regional STS endpoint of"
          + " Region (or what AWS_ENDPOINT_URL_STS or the profile's services section say).");
  public static final ConnectionProperty<Boolean> LOCAL = new ConnectionProperty<>("Local", Group.CONNECTION,
      "boolean", "false", false, List.of("true", "false"), ConnectionProperty::bool,
      "Starts LakeFormation Local in this JVM (sample data, no AWS account) and connects to it.");
  public static final ConnectionProperty<String> APPLICATION_NAME = new ConnectionProperty<>("ApplicationName",
      Group.CONNECTION, "string", null, false, null, ConnectionProperty::nonEmpty,
      "Names the application in the user agent of every AWS call (app/NAME, as CloudTrail's userAgent shows it);"
          + " setClientInfo(\"ApplicationName\", …) changes it on an open connection.");
  public static final ConnectionProperty<String> CLIENT_TAG = new ConnectionProperty<>("ClientTag",
      Group.CONNECTION, "string", null, false, null, ConnectionProperty::nonEmpty,
      "A tag for the user agent of every AWS call (tag/TAG): a team, a report, an environment;"
          + " setClientInfo(\"ClientTag\", …) changes it on an open connection.");
  public static final ConnectionProperty<String> PROXY_HOST = new ConnectionProperty<>("ProxyHost", Group.NETWORK,
      "host name or IP address", null, false, null, ConnectionProperty::hostName,
      "The HTTP proxy of the driver's AWS calls (Lake Formation, Athena, STS, and the sign-in calls of an"
          + " sso_session Profile; not the clients the SDK builds itself for other profiles, see networks.md);"
          + " HTTPS is tunnelled with CONNECT. Without it: the JVM's https.proxyHost (else http.proxyHost), else the"
          + " HTTPS_PROXY (else HTTP_PROXY) environment variable, else no proxy.");
  public static final ConnectionProperty<Integer> PROXY_PORT = new ConnectionProperty<>("ProxyPort", Group.NETWORK,
      "integer 1..65535", null, false, null, v -> intIn(v, 1, 65_535),
      "The proxy's port; required with ProxyHost.");
  public static final ConnectionProperty<String> PROXY_USERNAME = new ConnectionProperty<>("ProxyUsername",
      Group.NETWORK, "string", null, false, null, ConnectionProperty::nonEmpty,
      "The user name the proxy asks for (Basic or Digest authentication).");
  public static final ConnectionProperty<String> PROXY_PASSWORD = new ConnectionProperty<>("ProxyPassword",
      Group.NETWORK, "string", null, true, null, Function.identity(),
      "The password of ProxyUsername. Never logged or shown.");
  public static final ConnectionProperty<String> NON_PROXY_HOSTS = new ConnectionProperty<>("NonProxyHosts",
      Group.NETWORK, "host patterns separated by | or ,", null, false, null, ConnectionProperty::nonEmpty,
      "Hosts reached directly, not through the proxy: names, IP addresses, * as a wildcard (*.internal.example.com),"
          + " a leading dot for a domain and all its hosts (.example.com). Without it: the JVM's http.nonProxyHosts"
          + " with a proxy from the JVM's settings, NO_PROXY with one from the environment.");
  public static final ConnectionProperty<String> TRUST_STORE = new ConnectionProperty<>("TrustStore", Group.NETWORK,
      "file path", null, false, null, ConnectionProperty::nonEmpty,
      "Certificates to trust for TLS besides the system's: a PEM file of CA certificates (a company's CA, a"
          + " TLS-inspecting proxy's), or a JKS or PKCS12 trust store.");
  public static final ConnectionProperty<String> TRUST_STORE_PASSWORD = new ConnectionProperty<>("TrustStorePassword",
      Group.NETWORK, "string", null, true, null, Function.identity(),
      "The password of a JKS or PKCS12 TrustStore, if it has one. Never logged or shown.");
  public static final ConnectionProperty<TrustStoreType> TRUST_STORE_TYPE = new ConnectionProperty<>("TrustStoreType",
      Group.NETWORK, "enum", "AUTO", false, List.of("AUTO", "PEM", "JKS", "PKCS12"),
      v -> enumValue(TrustStoreType.class, v),
      "How TrustStore is read; AUTO: PEM if the file is text, else PKCS12 or JKS as its content says.");
  public static final ConnectionProperty<Boolean> TRUST_SYSTEM_CERTIFICATES = new ConnectionProperty<>(
      "TrustSystemCertificates", Group.NETWORK, "boolean", "true", false, List.of("true", "false"),
      ConnectionProperty::bool,
      "Whether the JVM's own CA certificates are trusted beside TrustStore's; false trusts TrustStore's alone.");
  public static final ConnectionProperty<Boolean> TLS = new ConnectionProperty<>("Tls", Group.NETWORK,
      "boolean", "false", false, List.of("true", "false"), ConnectionProperty::bool,
      "With Local=true: the embedded LakeFormation Local serves HTTPS with a certificate of its own, which this"
          + " connection trusts; to try TLS settings without AWS.");
  public static final ConnectionProperty<String> DATABASE = new ConnectionProperty<>("Database", Group.QUERY,
      "string", "default", false, null, ConnectionProperty::nonEmpty,
      "The database (QueryPlanningContext.DatabaseName) queries are planned in.");
  public static final ConnectionProperty<String> CATALOG_ID = new ConnectionProperty<>("CatalogId", Group.QUERY,
      "string", null, false, null, ConnectionProperty::catalogId,
      "The Data Catalog ID (an AWS account ID) given to StartQueryPlanning; the caller's account if not set.");
  public static final ConnectionProperty<String> QUERY_ID = new ConnectionProperty<>("QueryId", Group.QUERY,
      "string", null, false, null, ConnectionProperty::queryId,
      "Attach to a query planned elsewhere: statements on this connection then read its results.");
  public static final ConnectionProperty<String> TRANSACTION_ID = new ConnectionProperty<>("TransactionId",
      Group.QUERY, "string", null, false, null, ConnectionProperty::nonEmpty,
      "A Lake Formation transaction to plan queries in.");
  public static final ConnectionProperty<Instant> QUERY_AS_OF_TIME = new ConnectionProperty<>("QueryAsOfTime",
      Group.QUERY, "ISO-8601 instant", null, false, null, ConnectionProperty::instant,
      "Time travel: plan queries as of this instant, e.g. 2024-01-31T12:00:00Z.");
  public static final ConnectionProperty<String> WORK_GROUP = new ConnectionProperty<>("WorkGroup", Group.QUERY,
      "string", "primary", false, null, ConnectionProperty::workGroup,
      "The Athena workgroup whose query executions the system tables list.");
  public static final ConnectionProperty<String> USER = new ConnectionProperty<>("User", Group.CREDENTIALS,
      "string", null, false, null, ConnectionProperty::nonEmpty,
      "Taken as the access key ID, so the user field of a GUI login dialog works.");
  public static final ConnectionProperty<String> PASSWORD = new ConnectionProperty<>("Password", Group.CREDENTIALS,
      "string", null, true, null, Function.identity(),
      "Taken as the secret access key, so the password field of a GUI login dialog works.");
  public static final ConnectionProperty<String> ACCESS_KEY_ID = new ConnectionProperty<>("AccessKeyId",
      Group.CREDENTIALS, "string", null, false, null, ConnectionProperty::nonEmpty,
      "AWS access key ID. With SecretAccessKey, static credentials are used.");
  public static final ConnectionProperty<String> SECRET_ACCESS_KEY = new ConnectionProperty<>("SecretAccessKey",
      Group.CREDENTIALS, "string", null, true, null, Function.identity(),
      "AWS secret access key. Never logged or shown.");
  public static final ConnectionProperty<String> SESSION_TOKEN = new ConnectionProperty<>("SessionToken",
      Group.CREDENTIALS, "string", null, true, null, Function.identity(),
      "AWS session token for temporary credentials. Never logged or shown.");
  public static final ConnectionProperty<String> PROFILE = new ConnectionProperty<>("Profile", Group.CREDENTIALS,
      "string", null, false, null, ConnectionProperty::nonEmpty,
      "A profile of the AWS shared config/credentials files. Without credentials or a profile, the SDK's default chain is used.");
  public static final ConnectionProperty<String> ROLE_ARN = new ConnectionProperty<>("RoleArn", Group.CREDENTIALS,
      "IAM role ARN", null, false, null, ConnectionProperty::roleArn,
      "Assumes this IAM role (STS AssumeRole) with the credentials found otherwise (keys, Profile or the default"
          + " chain); its temporary credentials are renewed before they expire.");
  public static final ConnectionProperty<String> ROLE_SESSION_NAME = new ConnectionProperty<>("RoleSessionName",
      Group.CREDENTIALS, "string", null, false, null, ConnectionProperty::roleSessionName,
      "Session name of the assumed role, shown in CloudTrail; lakeformation-jdbc-<epoch millis> if not set. Needs RoleArn.");
  public static final ConnectionProperty<String> EXTERNAL_ID = new ConnectionProperty<>("ExternalId", Group.CREDENTIALS,
      "string", null, false, null, ConnectionProperty::externalId,
      "The external ID the role's trust policy asks for. Needs RoleArn.");
  public static final ConnectionProperty<Integer> DURATION_SECONDS = new ConnectionProperty<>("DurationSeconds",
      Group.CREDENTIALS, "integer 900..43200", "3600", false, null, v -> intIn(v, 900, 43_200),
      "Lifetime asked for the assumed role's credentials (the role's maximum session duration caps it). Needs RoleArn.");
  public static final ConnectionProperty<Boolean> VERIFY_CREDENTIALS = new ConnectionProperty<>("VerifyCredentials",
      Group.CREDENTIALS, "boolean", "true", false, List.of("true", "false"), ConnectionProperty::bool,
      "Checks the credentials when connecting with one STS GetCallerIdentity call, so that wrong or missing"
          + " credentials fail getConnection (28000); false makes connecting call nothing, and the first query finds out.");
  public static final ConnectionProperty<Integer> MAX_CONCURRENT_WORK_UNITS = new ConnectionProperty<>(
      "MaxConcurrentWorkUnits", Group.FETCH, "integer 1..256", "8", false, null, v -> intIn(v, 1, 256),
      "Work units fetched in parallel, ahead of the reader.");
  public static final ConnectionProperty<Long> MAX_BUFFER_BYTES = new ConnectionProperty<>("MaxBufferBytes",
      Group.FETCH, "bytes (suffix KB, MB or GB allowed)", "268435456", false, null,
      v -> bytesIn(v, 1L << 20, 1L << 40),
      "Memory for decoded rows fetched ahead of the reader, in bytes (at least 1MB).");
  public static final ConnectionProperty<Integer> PAGE_SIZE = new ConnectionProperty<>("PageSize", Group.FETCH,
      "integer 1..10000", null, false, null, v -> intIn(v, 1, 10_000),
      "Work-unit ranges per GetWorkUnits page; the service's default if not set.");
  public static final ConnectionProperty<RowOrder> ROW_ORDER = new ConnectionProperty<>("RowOrder", Group.FETCH,
      "enum", "WORK_UNIT", false, List.of("WORK_UNIT", "COMPLETION"), v -> enumValue(RowOrder.class, v),
      "WORK_UNIT keeps the query's order; COMPLETION hands out rows as units arrive (faster, unordered).");
  public static final ConnectionProperty<Integer> MAX_RETRIES = new ConnectionProperty<>("MaxRetries",
      Group.FETCH, "integer 0..100", "8", false, null, v -> intIn(v, 0, 100),
      "Retries of a throttled or failed call, or of a work unit whose body broke off, with jittered backoff.");
  public static final ConnectionProperty<Integer> POLL_INTERVAL_MILLIS = new ConnectionProperty<>(
      "PollIntervalMillis", Group.TIMEOUTS, "integer 1..60000", "20", false, null, v -> intIn(v, 1, 60_000),
      "First wait between polls of the query state or of work units not ready yet; doubles up to PollMaxIntervalMillis.");
  public static final ConnectionProperty<Integer> POLL_MAX_INTERVAL_MILLIS = new ConnectionProperty<>(
      "PollMaxIntervalMillis", Group.TIMEOUTS, "integer 1..600000", "1000", false, null,
      v -> intIn(v, 1, 600_000), "Longest wait between polls.");
  public static final ConnectionProperty<Integer> PLANNING_TIMEOUT_SECONDS = new ConnectionProperty<>(
      "PlanningTimeoutSeconds", Group.TIMEOUTS, "integer 1..86400", "600", false, null,
      v -> intIn(v, 1, 86_400), "How long to wait for a query's work units before giving up: its first ones, or more after a page that lists none.");
  public static final ConnectionProperty<Integer> CONNECT_TIMEOUT_MILLIS = new ConnectionProperty<>(
      "ConnectTimeoutMillis", Group.TIMEOUTS, "integer 1..600000", "10000", false, null,
      v -> intIn(v, 1, 600_000), "TCP connect timeout of AWS calls.");
  public static final ConnectionProperty<Integer> SOCKET_TIMEOUT_MILLIS = new ConnectionProperty<>(
      "SocketTimeoutMillis", Group.TIMEOUTS, "integer 1..3600000", "60000", false, null,
      v -> intIn(v, 1, 3_600_000), "Longest wait for the next bytes of a response.");
  public static final ConnectionProperty<Integer> LOGIN_TIMEOUT_SECONDS = new ConnectionProperty<>(
      "LoginTimeoutSeconds", Group.TIMEOUTS, "integer 0..3600", "0", false, null, v -> intIn(v, 0, 3_600),
      "Longest time getConnection may take for its connect check; 0: DriverManager.setLoginTimeout's value, if one"
          + " is set (a DataSource's setLoginTimeout sets this property).");
  public static final ConnectionProperty<Integer> METADATA_CACHE_SECONDS = new ConnectionProperty<>(
      "MetadataCacheSeconds", Group.TIMEOUTS, "integer 0..86400", "60", false, null,
      v -> intIn(v, 0, 86_400), "How long DatabaseMetaData reuses Athena's catalog, database and table listings,"
          + " so a GUI's burst of metadata calls makes few API calls; 0 asks Athena every time.");

  public static final ConnectionProperty<LogLevel> LOG_LEVEL = new ConnectionProperty<>("LogLevel", Group.LOGGING,
      "enum", "OFF", false, List.of("OFF", "ERROR", "WARN", "INFO", "DEBUG", "TRACE"),
      v -> enumValue(LogLevel.class, v),
      "Writes the driver's events to a file of its own, one per JVM, without touching the application's logging:"
          + " INFO connections and queries, DEBUG every AWS call and each retry, TRACE the SQL too. Never a secret.");
  public static final ConnectionProperty<String> LOG_PATH = new ConnectionProperty<>("LogPath", Group.LOGGING,
      "directory", null, false, null, ConnectionProperty::nonEmpty,
      "The directory of the log file (lakeformation-jdbc-PID.log) that LogLevel turns on; default the JVM's"
          + " temporary directory (java.io.tmpdir).");

  /** The properties a connection's {@code setClientInfo} changes, under the same names. */
  public static final List<ConnectionProperty<String>> CLIENT_INFO = List.of(APPLICATION_NAME, CLIENT_TAG);
  /** How many characters of a client info value reach the user agent. */
  public static final int CLIENT_INFO_MAX_LENGTH = 64;

  /** Every property, in the order of the docs. */
  public static final List<ConnectionProperty<?>> ALL = List.of(REGION, ENDPOINT, ATHENA_ENDPOINT, STS_ENDPOINT,
      ALLOW_HTTP, LOCAL, APPLICATION_NAME, CLIENT_TAG, PROXY_HOST, PROXY_PORT, PROXY_USERNAME, PROXY_PASSWORD,
      NON_PROXY_HOSTS, TRUST_STORE, TRUST_STORE_PASSWORD, TRUST_STORE_TYPE, TRUST_SYSTEM_CERTIFICATES, TLS, DATABASE, CATALOG_ID, QUERY_ID, TRANSACTION_ID, QUERY_AS_OF_TIME, WORK_GROUP,
      USER, PASSWORD, ACCESS_KEY_ID, SECRET_ACCESS_KEY, SESSION_TOKEN, PROFILE,
      ROLE_ARN, ROLE_SESSION_NAME, EXTERNAL_ID, DURATION_SECONDS, VERIFY_CREDENTIALS,
      MAX_CONCURRENT_WORK_UNITS, MAX_BUFFER_BYTES, PAGE_SIZE, ROW_ORDER, MAX_RETRIES,
      POLL_INTERVAL_MILLIS, POLL_MAX_INTERVAL_MILLIS, PLANNING_TIMEOUT_SECONDS, CONNECT_TIMEOUT_MILLIS,
      SOCKET_TIMEOUT_MILLIS, LOGIN_TIMEOUT_SECONDS, METADATA_CACHE_SECONDS, LOG_LEVEL, LOG_PATH);

  private static final Map<String, ConnectionProperty<?>> BY_LOWER_NAME = ALL.stream()
      .collect(Collectors.toUnmodifiableMap(p -> p.name.toLowerCase(Locale.ROOT), p -> p));

  private final String name;
  private final Group group;
  private final String typeDescription;
  private final String defaultValue;
  private final boolean sensitive;
  private final List<String> choices;
  private final Function<String, T> parser;
  private final String description;

  private ConnectionProperty(String name, Group group, String typeDescription, String defaultValue,
      boolean sensitive, List<String> choices, Function<String, T> parser, String description) {
    this.name = name;
    this.group = group;
    this.typeDescription = typeDescription;
    this.defaultValue = defaultValue;
    this.sensitive = sensitive;
    this.choices = choices;
    this.parser = parser;
    this.description = description;
  }

  /** The property with this name in any letter case, or null. */
  public static ConnectionProperty<?> forName(String name) {
    return name == null ? null : BY_LOWER_NAME.get(name.trim().toLowerCase(Locale.ROOT));
  }

  public String name() {
    return name;
  }

  public Group group() {
    return group;
  }

  public String typeDescription() {
    return typeDescription;
  }

  /** The default as text, or null when the property has none. */
  public String defaultValue() {
    return defaultValue;
  }

  /** Whether the value is a secret: never logged, shown or put in a URL. */
  public boolean isSensitive() {
    return sensitive;
  }

  /** The accepted values of an enumerated property, or null. */
  public List<String> choices() {
    return choices;
  }

  public String description() {
    return description;
  }

  /**
   * Parses a value; a bad one is an IllegalArgumentException whose message says what is
   * accepted (never repeating a sensitive value).
   */
  public T parse(String value) {
    return parser.apply(value.trim());
  }

  @Override
  public String toString() {
    return name;
  }

  // ---- converters: each message names what is accepted ----

  private static String nonEmpty(String v) {
    if (v.isEmpty()) {
      throw new IllegalArgumentException("must not be empty");
    }
    return v;
  }

  private static String hostName(String v) {
    if (!v.matches("[A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+\\]|[0-9A-Fa-f:.]+")) {
      // A URL here may carry a user and password (http://user:pass@proxy): it is not repeated.
      throw new IllegalArgumentException((v.contains("@") || v.contains("/") ? "the value" : "'" + v + "'")
          + " is not a host name or IP address: give only the host (proxy.example.com), its port in ProxyPort,"
          + " and a user and password in ProxyUsername and ProxyPassword");
    }
    return v;
  }

  private static String region(String v) {
    if (!v.matches("[a-z]{2}(-[a-z]+)+-\\d+")) {
      throw new IllegalArgumentException("'" + v + "' is not an AWS Region name; expected e.g. us-east-1 or eu-west-2");
    }
    return v;
  }

  private static URI uri(String v) {
    try {
      URI uri = URI.create(v);
      if (uri.getScheme() == null || uri.getHost() == null
          || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))) {
        throw new IllegalArgumentException();
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + v + "' is not an http:// or https:// URL with a host");
    }
  }

  /** IAM role ARNs of every partition (aws, aws-cn, aws-us-gov…), with the path the role may have. */
  private static String roleArn(String v) {
    if (!v.matches("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}")) {
      throw new IllegalArgumentException("'" + v + "' is not an IAM role ARN such as arn:aws:iam::123456789012:role/analyst");
    }
    return v;
  }

  /** STS's own rule for role session names. */
  private static String roleSessionName(String v) {
    if (!v.matches("[\\w+=,.@-]{2,64}")) {
      throw new IllegalArgumentException("'" + v + "' is not a role session name (2-64 of a-z A-Z 0-9 + = , . @ _ -)");
    }
    return v;
  }

  /** STS's own rule for external IDs. */
  private static String externalId(String v) {
    if (!v.matches("[\\w+=,.@:/-]{2,1224}")) {
      throw new IllegalArgumentException("must be 2-1224 of a-z A-Z 0-9 + = , . @ : / _ -");
    }
    return v;
  }

  private static Boolean bool(String v) {
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default -> throw new IllegalArgumentException("'" + v + "' is not a boolean; accepted: true, false");
    };
  }

  private static String catalogId(String v) {
    if (v.isEmpty() || v.length() > 255) {
      throw new IllegalArgumentException("must be 1 to 255 characters long");
    }
    return v;
  }

  static String queryId(String v) {
    if (v.length() != 36) {
      throw new IllegalArgumentException("'" + v + "' is not a query ID; a query ID is exactly 36 characters");
    }
    return v;
  }

  private static String workGroup(String v) {
    if (!v.matches("[a-zA-Z0-9._-]{1,128}")) {
      throw new IllegalArgumentException("'" + v + "' is not a workgroup name (1-128 of a-z A-Z 0-9 . _ -)");
    }
    return v;
  }

  private static Instant instant(String v) {
    try {
      return Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + v + "' is not an ISO-8601 instant such as 2024-01-31T12:00:00Z");
    }
  }

  private static int intIn(String v, int min, int max) {
    try {
      int value = Integer.parseInt(v);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("'" + v + "' is not an integer from " + min + " to " + max);
  }

  private static long bytesIn(String v, long min, long max) {
    String upper = v.toUpperCase(Locale.ROOT);
    long multiplier = 1;
    for (String[] suffix : new String[][] {{"GB", "1073741824"}, {"MB", "1048576"}, {"KB", "1024"}, {"B", "1"}}) {
      if (upper.endsWith(suffix[0])) {
        multiplier = Long.parseLong(suffix[1]);
        upper = upper.substring(0, upper.length() - suffix[0].length()).trim();
        break;
      }
    }
    try {
      long value = Math.multiplyExact(Long.parseLong(upper), multiplier);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException | ArithmeticException e) {
      // reported below
    }
    throw new IllegalArgumentException("'" + v + "' is not a byte count from " + min + " (1MB) to " + max
        + " (1024GB); suffixes KB, MB, GB are accepted");
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String v) {
    try {
      return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + v + "' is not accepted; accepted: "
          + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
    }
  }
}
