package dev.lakeformation.core.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.api.LakeFormationException;
import dev.lakeformation.core.config.ConnectionConfig;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.apache5.ProxyConfiguration;

/**
 * Where a connection's proxy comes from: ProxyHost first, then the JVM's https.proxyHost (else
 * http.proxyHost), then HTTPS_PROXY (else HTTP_PROXY); which hosts go around it; and that its
 * text never holds the password.
 */
class ProxySettingsTest {
  private static ConnectionConfig config(String properties) throws LakeFormationException {
    return ConnectionConfig.parse("jdbc:lakeformation://" + properties, new Properties());
  }

  private static boolean exempt(ProxySettings proxy, String host) {
    return proxy.sdkConfiguration().nonProxyHosts().stream().anyMatch(host::matches);
  }

  @Test
  void proxyHostWinsAndItsNonProxyHostsAreNamesWildcardsAndDomains() throws Exception {
    ProxySettings proxy = ProxySettings.of(config("ProxyHost=proxy.corp;ProxyPort=3128;ProxyUsername=alice;"
        + "ProxyPassword=s3cret;NonProxyHosts=*.internal.corp|.vpce.amazonaws.com,10.0.0.*"),
        name -> name.equals("https.proxyHost") ? "jvm.proxy" : null, Map.of("HTTPS_PROXY", "http://env.proxy:1"));
    ProxyConfiguration sdk = proxy.sdkConfiguration();
    assertEquals("proxy.corp", sdk.host());
    assertEquals(3128, sdk.port());
    assertEquals("alice", sdk.username());
    assertEquals("proxy proxy.corp:3128 (ProxyHost)", proxy.toString());
    assertFalse(proxy.toString().contains("s3cret"));
    assertTrue(exempt(proxy, "db.internal.corp"));
    assertTrue(exempt(proxy, "vpce.amazonaws.com"));
    assertTrue(exempt(proxy, "vpce-1.lakeformation.vpce.amazonaws.com"));
    assertTrue(exempt(proxy, "10.0.0.7"));
    assertFalse(exempt(proxy, "query-lakeformation.us-east-1.amazonaws.com"));
    assertFalse(exempt(proxy, "127.0.0.1"), "a proxy named by ProxyHost is used for loopback too");
    assertFalse(exempt(proxy, "internal.corpXcom"), "dots are literal");
  }

  @Test
  void theJvmsHttpsProxyComesBeforeItsHttpProxyAndLoopbackGoesAround() throws Exception {
    Map<String, String> jvm = Map.of("https.proxyHost", "secure.proxy", "https.proxyPort", "8443",
        "http.proxyHost", "plain.proxy", "https.proxyUser", "bob", "https.proxyPassword", "pw");
    ProxySettings proxy = ProxySettings.of(config("Region=us-east-1"), jvm::get, Map.of());
    assertEquals("proxy secure.proxy:8443 (the JVM's https.proxyHost)", proxy.toString());
    assertEquals("bob", proxy.sdkConfiguration().username());
    assertTrue(exempt(proxy, "localhost") && exempt(proxy, "127.0.0.1"));
    assertEquals("proxy secure.proxy:443 (the JVM's https.proxyHost)", ProxySettings.of(config("Region=us-east-1"),
        Map.of("https.proxyHost", "secure.proxy")::get, Map.of()).toString(), "https.proxyPort's default, as the JDK's");
    ProxySettings plain = ProxySettings.of(config("Region=us-east-1"), Map.of("http.proxyHost", "plain.proxy",
        "http.nonProxyHosts", "*.corp")::get, Map.of());
    assertEquals("proxy plain.proxy:80 (the JVM's http.proxyHost)", plain.toString());
    assertTrue(exempt(plain, "a.corp"));
    assertFalse(exempt(plain, "corp"), "Java's patterns name hosts exactly");
    assertTrue(exempt(plain, "127.0.0.1"), "loopback goes around a JVM proxy whatever http.nonProxyHosts says");
    LakeFormationException badPort = assertThrows(LakeFormationException.class, () -> ProxySettings.of(
        config("Region=us-east-1"), Map.of("https.proxyHost", "p", "https.proxyPort", "http")::get, Map.of()));
    assertTrue(badPort.getMessage().contains("https.proxyPort is not a port number"), badPort.getMessage());
  }

  @Test
  void theEnvironmentsHttpsProxyWithCredentialsInItsUrlAndNoProxy() throws Exception {
    ProxySettings proxy = ProxySettings.of(config("Region=us-east-1"), name -> null, Map.of(
        "HTTP_PROXY", "http://plain:1", "HTTPS_PROXY", "http://carol:p%40ss%3Bw+rd@env.proxy:3128",
        "NO_PROXY", "example.com,.internal, 169.254.169.254"));
    ProxyConfiguration sdk = proxy.sdkConfiguration();
    assertEquals("proxy env.proxy:3128 (the environment's HTTPS_PROXY)", proxy.toString());
    assertEquals("carol", sdk.username());
    assertEquals("p@ss;w+rd", sdk.password(), "%XX decoded, a + kept");
    assertTrue(exempt(proxy, "example.com") && exempt(proxy, "a.internal") && exempt(proxy, "169.254.169.254"));
    assertTrue(exempt(proxy, "www.example.com"), "NO_PROXY's example.com covers its hosts, as curl reads it");
    assertFalse(exempt(proxy, "notexample.com"));
    assertFalse(exempt(proxy, "169.254.169.2"), "an address is exact");
    assertTrue(exempt(proxy, "localhost"), "loopback goes around a proxy of the environment");
    assertFalse(exempt(proxy, "athena.us-east-1.amazonaws.com"));
    ProxySettings lower = ProxySettings.of(config("Region=us-east-1"), name -> null, Map.of("http_proxy", "proxy.local"));
    assertEquals("proxy proxy.local:80 (the environment's http_proxy)", lower.toString());
    LakeFormationException bad = assertThrows(LakeFormationException.class, () -> ProxySettings.of(
        config("Region=us-east-1"), name -> null, Map.of("HTTPS_PROXY", "socks5://p:1080")));
    assertTrue(bad.getMessage().contains("The proxy setting of the environment's HTTPS_PROXY is not a proxy URL"),
        bad.getMessage());
  }

  @Test
  void nothingSetMeansNoProxy() throws Exception {
    assertNull(ProxySettings.of(config("Region=us-east-1"), name -> null, Map.of()));
  }
}
