package dev.lakeformation.jdbc.driver;

import dev.lakeformation.api.LakeFormationException;
import dev.lakeformation.api.SqlState;
import dev.lakeformation.core.config.ConnectionConfig;
import dev.lakeformation.core.config.ConnectionProperty;
import dev.lakeformation.jdbc.errors.SqlErrors;
import dev.lakeformation.jdbc.resultset.SelfWrapper;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} for Spring, HikariCP ({@code dataSourceClassName}) and application
 * servers: one bean setter per connection property of {@link ConnectionProperty}, with the same
 * names (setRegion, setMaxBufferBytes…) and the same validation, done when the value is set.
 * {@link #setUrl} takes a driver URL whose properties the setters add to or override.
 *
 * <pre>{@code
 * LfDataSource ds = new LfDataSource();
 * ds.setRegion("us-east-1");
 * ds.setDatabase("sales");
 * ds.setMaxConcurrentWorkUnits(16);
 * }</pre>
 */
public class LfDataSource implements DataSource, SelfWrapper {
  private String url = ConnectionConfig.URL_PREFIX;
  private final Properties properties = new Properties();
  private PrintWriter logWriter;
  private int loginTimeoutSeconds;

  /** The connection settings: the URL with the properties set on this bean on top. */
  ConnectionConfig config() throws SQLException {
    try {
      Properties merged = new Properties();
      ConnectionConfig.urlTexts(url).forEach((property, text) -> merged.setProperty(property.name(), text));
      merged.putAll(properties);
      if (loginTimeoutSeconds > 0) {
        String connectTimeout = ConnectionProperty.CONNECT_TIMEOUT_MILLIS.name();
        String loginTimeout = ConnectionProperty.LOGIN_TIMEOUT_SECONDS.name();
        merged.putIfAbsent(connectTimeout, String.valueOf(Math.min(3_600_000L, loginTimeoutSeconds * 1000L)));
        merged.putIfAbsent(loginTimeout, String.valueOf(Math.min(3_600, loginTimeoutSeconds)));
      }
      return ConnectionConfig.parse(ConnectionConfig.URL_PREFIX, merged);
    } catch (LakeFormationException e) {
      throw SqlErrors.of(e);
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    return new LfConnection(config());
  }

  /** {@code username} and {@code password} are the access key ID and secret key, as in the URL. */
  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    LfDataSource withLogin = copy();
    withLogin.setUser(username);
    withLogin.setPassword(password);
    return withLogin.getConnection();
  }

  private LfDataSource copy() {
    LfDataSource copy = new LfDataSource();
    copy.url = url;
    copy.properties.putAll(properties);
    copy.loginTimeoutSeconds = loginTimeoutSeconds;
    return copy;
  }

  /** Validates and stores one property; a bad value is an IllegalArgumentException naming it. */
  private void set(ConnectionProperty<?> property, Object value) {
    if (value == null) {
      properties.remove(property.name());
      return;
    }
    String text = String.valueOf(value);
    try {
      property.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Property " + property.name() + " "
          + (property.isSensitive() ? "" : "'" + text + "' ") + "is invalid: " + e.getMessage(), e);
    }
    properties.setProperty(property.name(), text);
  }

  /**
   * A driver URL, {@code jdbc:lakeformation://…}; the setters' values win over its own. It is
   * checked as a whole when a connection is made, so that it may, say, hold a secret key whose
   * access key ID a setter gives.
   */
  public void setUrl(String url) {
    if (!ConnectionConfig.acceptsUrl(url)) {
      throw new IllegalArgumentException("Not a lakeformation-jdbc URL: it must start with "
          + ConnectionConfig.URL_PREFIX);
    }
    this.url = url;
  }

  /** The URL this data source connects with, secrets left out. */
  public String getUrl() throws SQLException {
    return config().redactedUrl();
  }

  public void setRegion(String value) {
    set(ConnectionProperty.REGION, value);
  }

  public void setEndpoint(String value) {
    set(ConnectionProperty.ENDPOINT, value);
  }

  public void setAthenaEndpoint(String value) {
    set(ConnectionProperty.ATHENA_ENDPOINT, value);
  }

  public void setStsEndpoint(String value) {
    set(ConnectionProperty.STS_ENDPOINT, value);
  }

  public void setAllowHttp(boolean value) {
    set(ConnectionProperty.ALLOW_HTTP, value);
  }

  public void setLocal(boolean value) {
    set(ConnectionProperty.LOCAL, value);
  }

  public void setApplicationName(String value) {
    set(ConnectionProperty.APPLICATION_NAME, value);
  }

  public void setClientTag(String value) {
    set(ConnectionProperty.CLIENT_TAG, value);
  }

  public void setProxyHost(String value) {
    set(ConnectionProperty.PROXY_HOST, value);
  }

  public void setProxyPort(int value) {
    set(ConnectionProperty.PROXY_PORT, value);
  }

  public void setProxyUsername(String value) {
    set(ConnectionProperty.PROXY_USERNAME, value);
  }

  public void setProxyPassword(String value) {
    set(ConnectionProperty.PROXY_PASSWORD, value);
  }

  public void setNonProxyHosts(String value) {
    set(ConnectionProperty.NON_PROXY_HOSTS, value);
  }

  public void setTrustStore(String value) {
    set(ConnectionProperty.TRUST_STORE, value);
  }

  public void setTrustStorePassword(String value) {
    set(ConnectionProperty.TRUST_STORE_PASSWORD, value);
  }

  public void setTrustStoreType(String value) {
    set(ConnectionProperty.TRUST_STORE_TYPE, value);
  }

  public void setTrustSystemCertificates(boolean value) {
    set(ConnectionProperty.TRUST_SYSTEM_CERTIFICATES, value);
  }

  public void setTls(boolean value) {
    set(ConnectionProperty.TLS, value);
  }

  public void setDatabase(String value) {
    set(ConnectionProperty.DATABASE, value);
  }

  public void setCatalogId(String value) {
    set(ConnectionProperty.CATALOG_ID, value);
  }

  public void setQueryId(String value) {
    set(ConnectionProperty.QUERY_ID, value);
  }

  public void setTransactionId(String value) {
    set(ConnectionProperty.TRANSACTION_ID, value);
  }

  public void setQueryAsOfTime(String value) {
    set(ConnectionProperty.QUERY_AS_OF_TIME, value);
  }

  public void setWorkGroup(String value) {
    set(ConnectionProperty.WORK_GROUP, value);
  }

  public void setUser(String value) {
    set(ConnectionProperty.USER, value);
  }

  public void setPassword(String value) {
    set(ConnectionProperty.PASSWORD, value);
  }

  public void setAccessKeyId(String value) {
    set(ConnectionProperty.ACCESS_KEY_ID, value);
  }

  public void setSecretAccessKey(String value) {
    set(ConnectionProperty.SECRET_ACCESS_KEY, value);
  }

  public void setSessionToken(String value) {
    set(ConnectionProperty.SESSION_TOKEN, value);
  }

  public void setProfile(String value) {
    set(ConnectionProperty.PROFILE, value);
  }

  public void setRoleArn(String value) {
    set(ConnectionProperty.ROLE_ARN, value);
  }

  public void setRoleSessionName(String value) {
    set(ConnectionProperty.ROLE_SESSION_NAME, value);
  }

  public void setExternalId(String value) {
    set(ConnectionProperty.EXTERNAL_ID, value);
  }

  public void setDurationSeconds(int value) {
    set(ConnectionProperty.DURATION_SECONDS, value);
  }

  public void setVerifyCredentials(boolean value) {
    set(ConnectionProperty.VERIFY_CREDENTIALS, value);
  }

  public void setMaxConcurrentWorkUnits(int value) {
    set(ConnectionProperty.MAX_CONCURRENT_WORK_UNITS, value);
  }

  public void setMaxBufferBytes(long value) {
    set(ConnectionProperty.MAX_BUFFER_BYTES, value);
  }

  public void setPageSize(int value) {
    set(ConnectionProperty.PAGE_SIZE, value);
  }

  public void setRowOrder(String value) {
    set(ConnectionProperty.ROW_ORDER, value);
  }

  public void setMaxRetries(int value) {
    set(ConnectionProperty.MAX_RETRIES, value);
  }

  public void setPollIntervalMillis(int value) {
    set(ConnectionProperty.POLL_INTERVAL_MILLIS, value);
  }

  public void setPollMaxIntervalMillis(int value) {
    set(ConnectionProperty.POLL_MAX_INTERVAL_MILLIS, value);
  }

  public void setPlanningTimeoutSeconds(int value) {
    set(ConnectionProperty.PLANNING_TIMEOUT_SECONDS, value);
  }

  public void setConnectTimeoutMillis(int value) {
    set(ConnectionProperty.CONNECT_TIMEOUT_MILLIS, value);
  }

  public void setSocketTimeoutMillis(int value) {
    set(ConnectionProperty.SOCKET_TIMEOUT_MILLIS, value);
  }

  public void setLoginTimeoutSeconds(int value) {
    set(ConnectionProperty.LOGIN_TIMEOUT_SECONDS, value);
  }

  public void setLogLevel(String value) {
    set(ConnectionProperty.LOG_LEVEL, value);
  }

  public void setLogPath(String value) {
    set(ConnectionProperty.LOG_PATH, value);
  }

  public void setMetadataCacheSeconds(int value) {
    set(ConnectionProperty.METADATA_CACHE_SECONDS, value);
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  /** Kept for the DataSource contract; the driver logs through java.util.logging. */
  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  /**
   * The login timeout becomes LoginTimeoutSeconds, which bounds the connect check, and
   * ConnectTimeoutMillis, each unless that property is set.
   */
  @Override
  public void setLoginTimeout(int seconds) {
    this.loginTimeoutSeconds = Math.max(0, seconds);
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeoutSeconds;
  }

  @Override
  public Logger getParentLogger() {
    return NonRegisteringDriver.LOG;
  }

  /** The URL without secrets: safe to log. */
  @Override
  public String toString() {
    try {
      return "LfDataSource[" + getUrl() + "]";
    } catch (SQLException e) {
      return "LfDataSource[invalid settings: " + e.getMessage() + "]";
    }
  }
}
