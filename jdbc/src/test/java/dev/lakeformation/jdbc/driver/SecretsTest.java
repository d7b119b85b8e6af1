package dev.lakeformation.jdbc.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.local.LakeFormationLocal;
import dev.lakeformation.local.network.TunnellingProxy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * With every java.util.logging logger at its finest (the driver's, the AWS SDK's, the JDK HTTP
 * client's), the driver goes through every path that parses, logs or throws with a secret key
 * and a session token that hold {@code ;}, {@code =}, <code>{</code> and spaces; no message, log
 * record, console line, {@code toString()}, URL or property info may hold any four consecutive
 * characters of either.
 */
class SecretsTest {
  private static final String SECRET = "Qz7;Wx=V{k9 Jq;p=Y";
  private static final String TOKEN = "Tk{8 ;Zr=Wq5 Xv;m{";
  private static final String KEY_ID = LakeFormationLocal.DEFAULT_ACCESS_KEY_ID;
  private static final List<String> LOGGERS = List.of("", "dev.lakeformation", "software.amazon", "org.apache",
      "sun.net.www.protocol.http.HttpURLConnection");

  /** Everything said anywhere during the test. */
  private final List<String> seen = new ArrayList<>();

  private void see(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      seen.add(String.valueOf(t));
      for (Throwable s : t.getSuppressed()) {
        see(s);
      }
    }
    if (e instanceof SQLException sql && sql.getNextException() != null) {
      see(sql.getNextException());
    }
  }

  private SQLException fails(Supplier<Connection> connect, String sqlState) {
    SQLException e = assertThrows(SQLException.class, () -> {
      try {
        connect.get().close();
      } catch (RuntimeException wrapped) {
        throw wrapped.getCause();
      }
    });
    see(e);
    assertEquals(sqlState, e.getSQLState(), e.getMessage());
    return e;
  }

  private static Connection connect(String url, Properties info) {
    try {
      return DriverManager.getConnection(url, info);
    } catch (SQLException e) {
      throw new RuntimeException(e);
    }
  }

  @Test
  void noPartOfASecretAppearsInMessagesLogsToStringsUrlsOrPropertyInfo() throws Exception {
    LocalFixture fixture = LocalFixture.shared();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        synchronized (seen) {
          seen.add(record.getLoggerName() + " " + record.getMessage() + " " + Arrays.toString(record.getParameters()));
          if (record.getThrown() != null) {
            see(record.getThrown());
          }
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    List<Logger> loggers = new ArrayList<>();
    for (String name : LOGGERS) {
      Logger logger = Logger.getLogger(name);
      logger.setLevel(Level.ALL);
      loggers.add(logger);
    }
    Logger.getLogger("").addHandler(capture);
    PrintStream savedErr = System.err;
    PrintStream savedOut = System.out;
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
    System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
    String base = "jdbc:lakeformation://Endpoint=" + fixture.local.endpoint() + ";Region=us-east-1;Database=tpch";
    String keys = base + ";AccessKeyId=" + KEY_ID;
    Properties none = new Properties();
    try {
      // URL parsing: every way a URL holding the secret can be wrong.
      List<String> badUrls = List.of(
          keys + ";SecretAccessKey=" + SECRET,
          keys + ";SecretAccessKey=" + SECRET + ";Region=us-east-1",
          keys + ";Password=" + SECRET,
          keys + ";SecretAccessKey={" + SECRET + "};SessionToken=" + TOKEN,
          keys + ";SecretAccessKey={" + SECRET,
          keys + ";SecretAccessKey={" + SECRET + "}x;Region=us-east-1",
          keys + ";SecretAccessKey={" + SECRET + "};SecretAccessKey={" + SECRET + "}",
          keys + ";SecretAccessKey={" + SECRET + "};Password={" + SECRET + "x}",
          keys + ";SecretAccessKey={" + SECRET + "};NoSuchKey=1",
          keys + ";SecretAccessKey={" + SECRET + "};MaxRetries=x",
          keys + ";SecretAccessKey={" + SECRET + "};Profile=p",
          base + ";SecretAccessKey={" + SECRET + "}",
          base + ";SessionToken={" + TOKEN + "}",
          base + ";AccessKeyId=" + KEY_ID + ";SessionToken={" + TOKEN + "}",
          keys + ";ProxyPassword:" + SECRET,
          base + ";ProxyHost={http://user:" + SECRET + "@proxy.example.com};ProxyPort=3128",
          "jdbc:lakeformation://" + SECRET,
          "jdbc:lakeformation://Region=us-east-1;" + SECRET + "=x");
      Driver driver = DriverManager.getDriver(base);
      for (String url : badUrls) {
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url));
        see(e);
        assertTrue(List.of("08001", "28000").contains(e.getSQLState()), url + ": " + e.getMessage());
        for (DriverPropertyInfo info : driver.getPropertyInfo(url, none)) {
          seen.add(info.name + "=" + info.value);
        }
      }
      // The same secrets as connection properties (the GUI login fields among them).
      Properties login = new Properties();
      login.setProperty("user", KEY_ID);
      login.setProperty("password", SECRET);
      login.setProperty("SessionToken", TOKEN);
      login.setProperty("MaxRetries", "-1");
      fails(() -> connect(base, login), "08001");
      login.remove("MaxRetries");
      for (DriverPropertyInfo info : driver.getPropertyInfo(base, login)) {
        seen.add(info.name + "=" + info.value);
      }
      // A wrong secret: refused by the connect check, and with the check off, by every later call.
      fails(() -> connect(base, login), "28000");
      String wrong = keys + ";SecretAccessKey={" + SECRET + "};SessionToken={" + TOKEN + "}";
      fails(() -> connect(wrong, none), "28000");
      try (Connection c = DriverManager.getConnection(wrong + ";VerifyCredentials=false")) {
        seen.add(c.toString());
        assertFalse(c.isValid(5));
        DatabaseMetaData md = c.getMetaData();
        seen.add(md.getURL());
        seen.add(String.valueOf(md.getUserName()));
        try (Statement s = c.createStatement()) {
          seen.add(s.toString());
          see(assertThrows(SQLException.class, () -> s.executeQuery("SELECT 1 FROM region")));
          see(assertThrows(SQLException.class, () -> s.executeQuery("SELECT * FROM system.queries WHERE query_id = 'x'")));
        }
        see(assertThrows(SQLException.class, () -> md.getTables(null, null, "%", null)));
      }
      // The role of RoleArn assumed with the wrong secret: refused when the role's keys are asked for.
      fails(() -> connect(wrong + ";RoleArn=arn:aws:iam::123456789012:role/analyst", none), "28000");
      // The right secret with a session token (LakeFormation Local's own key ignores the token).
      try (Connection c = fixture.connect("Database=tpch;SessionToken={" + TOKEN + "}")) {
        seen.add(c.toString());
        seen.add(c.getMetaData().getURL());
        assertTrue(c.isValid(5));
        try (PreparedStatement ps = c.prepareStatement("SELECT n_name FROM nation WHERE n_name = ?")) {
          ps.setString(1, "x' OR 1=1 --");
          seen.add(ps.toString());
          try (ResultSet rs = ps.executeQuery()) {
            seen.add(rs.toString());
            while (rs.next()) {
              seen.add(rs.getString(1));
            }
          }
        }
      }
      // The DataSource: setters, toString, getUrl and failures.
      LfDataSource ds = new LfDataSource();
      ds.setEndpoint(fixture.local.endpoint().toString());
      ds.setAccessKeyId(KEY_ID);
      ds.setSecretAccessKey(SECRET);
      ds.setSessionToken(TOKEN);
      seen.add(ds.toString());
      seen.add(ds.getUrl());
      see(assertThrows(SQLException.class, ds::getConnection));
      see(assertThrows(SQLException.class, () -> ds.getConnection(KEY_ID, SECRET)));
      see(assertThrows(IllegalArgumentException.class, () -> ds.setMaxRetries(-1)));
      ds.setUrl("jdbc:lakeformation://SecretAccessKey=" + SECRET);
      seen.add(ds.toString());
      see(assertThrows(SQLException.class, ds::getUrl));
      see(assertThrows(SQLException.class, ds::getConnection));
      // A proxy's password and a trust store's: right, wrong, unreadable store, and in a DataSource.
      try (LakeFormationLocal tls = LakeFormationLocal.builder().tls(true).sampleData(false).start();
          TunnellingProxy proxy = new TunnellingProxy("alice:" + SECRET, Map.of())) {
        String proxied = tls.jdbcUrl("sales") + ";ProxyHost=127.0.0.1;ProxyPort=" + proxy.port() + ";ProxyUsername=alice";
        try (Connection c = DriverManager.getConnection(proxied + ";ProxyPassword={" + SECRET + "}")) {
          seen.add(c.toString());
          seen.add(c.getMetaData().getURL());
          assertTrue(c.isValid(5));
        }
        fails(() -> connect(proxied + ";ProxyPassword={" + TOKEN + "}", none), "28000");
        fails(() -> connect(tls.jdbcUrl("sales") + ";TrustStoreType=PKCS12;TrustStorePassword={" + SECRET + "}", none),
            "08001");
        LfDataSource proxiedSource = new LfDataSource();
        proxiedSource.setEndpoint(tls.endpoint().toString());
        proxiedSource.setProxyHost("127.0.0.1");
        proxiedSource.setProxyPort(proxy.port());
        proxiedSource.setProxyUsername("alice");
        proxiedSource.setProxyPassword(TOKEN);
        proxiedSource.setTrustStore(tls.certificateFile().toString());
        proxiedSource.setTrustStorePassword(SECRET);
        seen.add(proxiedSource.toString());
        seen.add(proxiedSource.getUrl());
        see(assertThrows(SQLException.class, () -> proxiedSource.getConnection(tls.accessKeyId(), tls.secretAccessKey())));
      }
      // The driver's own log file at its most verbose, with the right secret and a wrong one.
      Path logs = Files.createTempDirectory("secrets-log");
      String logged = ";LogLevel=TRACE;LogPath=" + logs;
      try (Connection c = fixture.connect("Database=tpch;SessionToken={" + TOKEN + "}" + logged);
          Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM region")) {
        while (rs.next()) {
          seen.add(rs.getString(2));
        }
      }
      fails(() -> connect(wrong + logged, none), "28000");
      try (var files = Files.list(logs)) {
        for (Path file : files.toList()) {
          seen.add(Files.readString(file));
        }
      }
      synchronized (seen) { // the log handler adds from the service's threads too
        assertTrue(seen.stream().anyMatch(text -> text.contains("Connection opened")), "the log file was read");
      }
    } finally {
      System.setErr(savedErr);
      System.setOut(savedOut);
      Logger.getLogger("").removeHandler(capture);
      for (Logger logger : loggers) {
        logger.setLevel(null);
      }
      Logger.getLogger("").setLevel(Level.INFO);
    }
    List<String> captured;
    synchronized (seen) { // a thread that took the log handler before it was removed may still be adding
      seen.add(console.toString(StandardCharsets.UTF_8));
      captured = new ArrayList<>(seen);
    }
    List<String> leaks = new ArrayList<>();
    for (String secret : List.of(SECRET, TOKEN)) {
      for (int i = 0; i + 4 <= secret.length(); i++) {
        String part = secret.substring(i, i + 4);
        captured.stream().filter(s -> s != null && s.contains(part)).forEach(s -> leaks.add("'" + part + "' in: " + s));
      }
    }
    assertEquals(List.of(), leaks);
    assertTrue(captured.size() > 60, "the test saw too little to mean anything: " + captured.size());
    assertTrue(captured.stream().anyMatch(s -> s.startsWith("software.amazon")), "the SDK's own log records were seen");
    assertTrue(captured.stream().anyMatch(s -> s.contains("The URL cannot be read after the value of SecretAccessKey")),
        "a secret split by an unbraced ';' was reported without it");
  }
}
