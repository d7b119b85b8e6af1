package dev.lakeformation.jdbc.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.local.LakeFormationLocal;
import dev.lakeformation.local.network.TunnellingProxy;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS as a company network has it: LakeFormation Local serving HTTPS with a certificate no public
 * CA issued, as a TLS-inspecting proxy or a private endpoint presents. Trusted through TrustStore
 * (PEM, PKCS12 or JKS, beside the JVM's CAs or alone), it answers; not trusted, the connection
 * fails at once with one sentence naming the host, the certificate and what to set.
 */
class TlsTrustTest {
  private static LakeFormationLocal local;
  @TempDir
  static Path dir;

  @BeforeAll
  static void start() throws Exception {
    local = LakeFormationLocal.builder().tls(true).start();
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  private static String url(String extra) {
    return "jdbc:lakeformation://Endpoint=" + local.endpoint() + ";AccessKeyId=" + local.accessKeyId()
        + ";SecretAccessKey=" + local.secretAccessKey() + ";Database=tpch;MaxRetries=1" + extra;
  }

  private static long nations(String url) throws SQLException {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM nation")) {
      assertTrue(rs.next());
      return rs.getLong(1);
    }
  }

  @Test
  void theServiceServesHttpsWithACertificateWrittenAsPem() throws Exception {
    assertEquals("https", local.endpoint().getScheme());
    assertTrue(Files.readString(local.certificateFile()).startsWith("-----BEGIN CERTIFICATE-----"));
    assertEquals(25, nations(local.jdbcUrl("tpch")), "its own URL names its certificate as TrustStore");
  }

  @Test
  void aPemTrustStoreIsTrustedBesideTheSystemsCasOrAlone() throws Exception {
    assertEquals(25, nations(url(";TrustStore=" + local.certificateFile())));
    assertEquals(25, nations(url(";TrustStore=" + local.certificateFile() + ";TrustStoreType=PEM;TrustSystemCertificates=false")));
  }

  @Test
  void pkcs12AndJksStoresAreReadWithTheirPassword() throws Exception {
    for (String type : new String[] {"PKCS12", "JKS"}) {
      KeyStore store = KeyStore.getInstance(type);
      store.load(null, null);
      store.setCertificateEntry("local", CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(local.certificateFile()))));
      Path file = dir.resolve("trust." + type.toLowerCase());
      try (OutputStream out = Files.newOutputStream(file)) {
        store.store(out, "store-secret".toCharArray());
      }
      assertEquals(25, nations(url(";TrustStore=" + file + ";TrustStorePassword=store-secret")), type + ", type found by content");
      assertEquals(25, nations(url(";TrustStore=" + file + ";TrustStoreType=" + type + ";TrustStorePassword=store-secret")));
      SQLException wrong = assertThrows(SQLException.class,
          () -> nations(url(";TrustStore=" + file + ";TrustStoreType=" + type + ";TrustStorePassword=not-it")));
      assertEquals("08001", wrong.getSQLState());
      assertTrue(wrong.getMessage().contains("TrustStore " + file + " cannot be used"), wrong.getMessage());
      assertFalse(wrong.getMessage().contains("not-it"), wrong.getMessage());
    }
  }

  @Test
  void anUntrustedCertificateFailsAtOnceNamingTheHostTheCertificateAndWhatToSet() {
    long start = System.nanoTime();
    SQLException e = assertThrows(SQLException.class, () -> nations(url("")));
    assertEquals("08001", e.getSQLState());
    String message = e.getMessage();
    assertTrue(message.contains("The TLS certificate of 127.0.0.1 ('O=lakeformation-jdbc,CN=LakeFormation Local'"), message);
    assertTrue(message.contains("is not trusted: no trusted certificate issued it"), message);
    assertTrue(message.contains("set TrustStore to its CA certificate"), message);
    assertTrue((System.nanoTime() - start) / 1_000_000 < 5_000, "no retries of a refused certificate");
  }

  @Test
  void aCertificateThatDoesNotNameTheHostIsSaidSo() throws Exception {
    try (TunnellingProxy proxy = new TunnellingProxy(null, Map.of("misnamed.example", local.port()))) {
      String url = "jdbc:lakeformation://Endpoint=https://misnamed.example;AccessKeyId=" + local.accessKeyId()
          + ";SecretAccessKey=" + local.secretAccessKey() + ";Database=tpch;VerifyCredentials=false;MaxRetries=1"
          + ";ProxyHost=127.0.0.1;ProxyPort=" + proxy.port() + ";TrustStore=" + local.certificateFile();
      SQLException e = assertThrows(SQLException.class, () -> nations(url));
      assertEquals("08001", e.getSQLState());
      assertTrue(e.getMessage().contains("could not open a TLS connection from https://misnamed.example"), e.getMessage());
      assertTrue(e.getMessage().contains("misnamed.example"), e.getMessage());
      assertTrue(e.getMessage().contains("the certificate does not name the host"), e.getMessage());
    }
  }

  @Test
  void aTrustStoreOfAnotherCertificateAloneDoesNotTrustTheService() throws Exception {
    try (LakeFormationLocal other = LakeFormationLocal.builder().tls(true).sampleData(false).start()) {
      SQLException e = assertThrows(SQLException.class,
          () -> nations(url(";TrustStore=" + other.certificateFile() + ";TrustSystemCertificates=false")));
      assertEquals("08001", e.getSQLState());
      assertTrue(e.getMessage().contains("is not trusted"), e.getMessage());
    }
  }

  @Test
  void aTrustStoreThatCannotBeReadIsSaidBeforeAnyCall() throws Exception {
    Path missing = dir.resolve("missing.pem");
    SQLException e = assertThrows(SQLException.class, () -> nations(url(";TrustStore=" + missing)));
    assertEquals("08001", e.getSQLState());
    assertTrue(e.getMessage().contains("TrustStore " + missing + " cannot be used: there is no such file"), e.getMessage());
    Path text = Files.writeString(dir.resolve("notes.pem"), "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n");
    e = assertThrows(SQLException.class, () -> nations(url(";TrustStore=" + text)));
    assertTrue(e.getMessage().contains("is not a PEM file of certificates"), e.getMessage());
    e = assertThrows(SQLException.class, () -> nations(url(";TrustSystemCertificates=false")));
    assertTrue(e.getMessage().contains("TrustSystemCertificates=false leaves no certificate to trust"), e.getMessage());
  }

  @Test
  void localWithTlsServesHttpsInProcessAndTrustsItself() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:lakeformation://Local=true;Tls=true;Database=tpch");
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM region")) {
      assertTrue(rs.next());
      assertEquals(5, rs.getLong(1));
    }
    SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection("jdbc:lakeformation://Tls=true"));
    assertTrue(e.getMessage().contains("give Local=true too"), e.getMessage());
  }
}
