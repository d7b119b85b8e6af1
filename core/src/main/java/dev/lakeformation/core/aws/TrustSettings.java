package dev.lakeformation.core.aws;

import dev.lakeformation.api.LakeFormationException;
import dev.lakeformation.api.SqlState;
import dev.lakeformation.core.config.ConnectionConfig;
import dev.lakeformation.core.config.ConnectionProperty;
import dev.lakeformation.core.config.ConnectionProperty.TrustStoreType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import software.amazon.awssdk.http.TlsTrustManagersProvider;

/**
 * Which TLS certificates a connection trusts: the JVM's CA certificates (unless
 * TrustSystemCertificates=false), those of TrustStore (a PEM file, or a JKS or PKCS12 store), and
 * with {@code Local=true;Tls=true} the embedded LakeFormation Local's own. A certificate that is
 * not trusted fails the handshake with one sentence naming the host, the certificate and why.
 */
final class TrustSettings {
  /** The JVM's own trust, read once: loading its CA certificates takes milliseconds every time. */
  private static X509ExtendedTrustManager system;

  private TrustSettings() {}

  private static synchronized X509ExtendedTrustManager system() throws LakeFormationException {
    if (system == null) {
      system = pkix(null);
    }
    return system;
  }

  /**
   * The trust managers of a connection's HTTP client.
   *
   * @param embeddedCertificatePem the embedded service's certificate (Tls=true), or null
   */
  static TlsTrustManagersProvider of(ConnectionConfig config, String embeddedCertificatePem) throws LakeFormationException {
    if (!config.isSet(ConnectionProperty.TRUST_STORE) && embeddedCertificatePem == null) {
      TrustManager[] managers = {new ExplainingTrustManager(system())};
      return () -> managers;
    }
    List<X509Certificate> trusted = new ArrayList<>();
    if (config.get(ConnectionProperty.TRUST_SYSTEM_CERTIFICATES)) {
      Collections.addAll(trusted, system().getAcceptedIssuers());
    }
    if (config.isSet(ConnectionProperty.TRUST_STORE)) {
      trusted.addAll(read(Path.of(config.get(ConnectionProperty.TRUST_STORE)), config.get(ConnectionProperty.TRUST_STORE_TYPE),
          config.get(ConnectionProperty.TRUST_STORE_PASSWORD)));
    }
    if (embeddedCertificatePem != null) {
      trusted.addAll(pem(embeddedCertificatePem.getBytes(StandardCharsets.US_ASCII), "LakeFormation Local's certificate"));
    }
    try {
      KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
      anchors.load(null, null);
      for (int i = 0; i < trusted.size(); i++) {
        anchors.setCertificateEntry("trusted-" + i, trusted.get(i));
      }
      TrustManager[] managers = {new ExplainingTrustManager(pkix(anchors))};
      return () -> managers;
    } catch (GeneralSecurityException | IOException e) {
      throw new LakeFormationException(SqlState.CONNECTION_REJECTED, "The trusted certificates could not be set up: "
          + e.getMessage(), e);
    }
  }

  private static X509ExtendedTrustManager pkix(KeyStore anchors) throws LakeFormationException {
    try {
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(anchors);
      for (TrustManager manager : factory.getTrustManagers()) {
        if (manager instanceof X509ExtendedTrustManager x509) {
          return x509;
        }
      }
      throw new LakeFormationException(SqlState.CONNECTION_REJECTED, "The JVM offers no X.509 trust manager.");
    } catch (GeneralSecurityException e) {
      throw new LakeFormationException(SqlState.CONNECTION_REJECTED, "The JVM's trust manager could not be set up: "
          + e.getMessage(), e);
    }
  }

  private static List<X509Certificate> read(Path file, TrustStoreType type, String password) throws LakeFormationException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw unreadable(file, "there is no such file");
    } catch (IOException e) {
      throw unreadable(file, "it cannot be read (" + e.getMessage() + ")");
    }
    boolean text = bytes.length > 0 && new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.US_ASCII)
        .contains("-----BEGIN");
    if (type == TrustStoreType.PEM || type == TrustStoreType.AUTO && text) {
      return pem(bytes, "TrustStore " + file);
    }
    List<String> types = type == TrustStoreType.AUTO ? List.of("PKCS12", "JKS") : List.of(type.name());
    String lastProblem = null;
    for (String storeType : types) {
      try {
        KeyStore store = KeyStore.getInstance(storeType);
        store.load(new ByteArrayInputStream(bytes), password == null ? null : password.toCharArray());
        List<X509Certificate> certificates = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
          if (store.getCertificate(alias) instanceof X509Certificate certificate) {
            certificates.add(certificate);
          }
        }
        if (certificates.isEmpty()) {
          throw unreadable(file, password == null ? "no certificate could be read from it (a PKCS12 store often needs"
              + " its password: give TrustStorePassword)" : "it holds no certificate");
        }
        return certificates;
      } catch (IOException e) {
        lastProblem = e.getCause() instanceof UnrecoverableKeyException
            ? "its password is wrong (TrustStorePassword)" : "it is not a " + storeType + " store (" + e.getMessage() + ")";
      } catch (GeneralSecurityException e) {
        lastProblem = "it is not a " + storeType + " store (" + e.getMessage() + ")";
      }
    }
    throw unreadable(file, lastProblem + "; give a PEM file of CA certificates, or a JKS or PKCS12 store with"
        + " TrustStoreType and TrustStorePassword");
  }

  private static List<X509Certificate> pem(byte[] bytes, String what) throws LakeFormationException {
    try {
      List<X509Certificate> certificates = new ArrayList<>();
      for (Certificate certificate : CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(bytes))) {
        certificates.add((X509Certificate) certificate);
      }
      if (certificates.isEmpty()) {
        throw new LakeFormationException(SqlState.CONNECTION_REJECTED, what + " holds no certificate: give a PEM file"
            + " of CA certificates (-----BEGIN CERTIFICATE-----).");
      }
      return certificates;
    } catch (CertificateException e) {
      throw new LakeFormationException(SqlState.CONNECTION_REJECTED, what + " is not a PEM file of certificates ("
          + e.getMessage() + "): give one, or a JKS or PKCS12 store.", e);
    }
  }

  private static LakeFormationException unreadable(Path file, String problem) {
    return new LakeFormationException(SqlState.CONNECTION_REJECTED, "TrustStore " + file + " cannot be used: " + problem + ".");
  }

  /**
   * The JDK's PKIX checks, with a failure said in one sentence: the host, the certificate's
   * subject and issuer, and what is wrong with it. The JDK's own message ("PKIX path building
   * failed…") names none of these.
   */
  private static final class ExplainingTrustManager extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager checks;

    ExplainingTrustManager(X509ExtendedTrustManager checks) {
      this.checks = checks;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
      try {
        checks.checkServerTrusted(chain, authType, socket);
      } catch (CertificateException e) {
        String host = socket instanceof SSLSocket ssl && ssl.getHandshakeSession() != null
            ? ssl.getHandshakeSession().getPeerHost() : null;
        throw explained(chain, host, e);
      }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
      try {
        checks.checkServerTrusted(chain, authType, engine);
      } catch (CertificateException e) {
        throw explained(chain, engine == null ? null : engine.getPeerHost(), e);
      }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      try {
        checks.checkServerTrusted(chain, authType);
      } catch (CertificateException e) {
        throw explained(chain, null, e);
      }
    }

    private static CertificateException explained(X509Certificate[] chain, String host, CertificateException failure) {
      X509Certificate leaf = chain[0];
      Instant now = Instant.now();
      String problem;
      if (now.isAfter(leaf.getNotAfter().toInstant())) {
        problem = "it expired on " + leaf.getNotAfter().toInstant();
      } else if (now.isBefore(leaf.getNotBefore().toInstant())) {
        problem = "it is not valid before " + leaf.getNotBefore().toInstant();
      } else {
        problem = chainProblem(chain, failure);
      }
      return new CertificateException("The TLS certificate of " + (host == null ? "the server" : host)
          + " ('" + leaf.getSubjectX500Principal().getName() + "', issued by '" + leaf.getIssuerX500Principal().getName()
          + "') is not trusted: " + problem, failure);
    }

    /** What the JDK's checks found wrong beyond the server's own certificate: said by their reason, not guessed. */
    private static String chainProblem(X509Certificate[] chain, CertificateException failure) {
      for (Throwable t = failure; t != null && t != t.getCause(); t = t.getCause()) {
        if (t instanceof CertPathValidatorException invalid) {
          String which = invalid.getIndex() >= 0 && invalid.getCertPath() != null
              && invalid.getIndex() < invalid.getCertPath().getCertificates().size()
              && invalid.getCertPath().getCertificates().get(invalid.getIndex()) instanceof X509Certificate x509
              ? "the certificate '" + x509.getSubjectX500Principal().getName() + "' of its chain" : "a certificate of its chain";
          if (invalid.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
            return which + " has expired";
          }
          if (invalid.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
            return which + " is not valid yet";
          }
          if (invalid.getReason() == CertPathValidatorException.BasicReason.REVOKED) {
            return which + " was revoked";
          }
          if (invalid.getReason() == CertPathValidatorException.BasicReason.ALGORITHM_CONSTRAINED) {
            return which + " uses an algorithm or key size this JVM no longer accepts";
          }
          return which + " was refused: " + invalid.getMessage();
        }
      }
      X509Certificate top = chain[chain.length - 1];
      return "no trusted certificate issued it (the chain ends at '" + top.getIssuerX500Principal().getName()
          + "'); if your network re-signs TLS (a proxy, a gateway), set TrustStore to its CA certificate";
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
      checks.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
      checks.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      checks.checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return checks.getAcceptedIssuers();
    }
  }
}
