package dev.lakeformation.core.aws;

import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps request headers out of logs. At DEBUG the AWS SDK's request signer logs each canonical
 * request, and at FINE the JDK's HttpURLConnection (the driver's HTTP client) logs each request's
 * headers; both hold the session token in {@code X-Amz-Security-Token}. A user who turns on debug
 * logging to chase a problem must not get their credentials in a log file, so below INFO those
 * two loggers print nothing.
 *
 * <p>This works where the SDK logs through java.util.logging: always inside the one-file jar,
 * whose bundled SLF4J binding is java.util.logging. With the plain artifact the application's
 * SLF4J binding decides, and the signer's logger must be kept above DEBUG there (docs say so).
 */
final class CredentialLogGuard {
  /** The signer's package; in the one-file jar this name is relocated along with the SDK. */
  private static final String SIGNER_LOGGERS = "software.amazon.awssdk.http.auth.aws.internal.signer";
  /** The JDK's own logger for HTTP requests, held for the same reason as {@link #GUARDED}. */
  private static final Logger HTTP_CLIENT = Logger.getLogger("sun.net.www.protocol.http.HttpURLConnection");
  /** Held so that the filter is not lost with a collected logger. */
  private static final Logger GUARDED = install();

  private CredentialLogGuard() {}

  /** Makes sure the guard is in place (class initialisation does the work, once). */
  static void ensureInstalled() {
    if (GUARDED == null) {
      throw new IllegalStateException("credential log guard missing");
    }
  }

  private static Logger install() {
    Logger signers = Logger.getLogger(SIGNER_LOGGERS);
    if (signers.getLevel() == null || signers.getLevel().intValue() < Level.INFO.intValue()) {
      signers.setLevel(Level.INFO);
    }
    // Even if a configuration lowers the levels again, the classes that print requests are filtered.
    Filter belowInfoDropped = record -> record.getLevel().intValue() >= Level.INFO.intValue();
    Logger.getLogger(SIGNER_LOGGERS + ".DefaultV4RequestSigner").setFilter(belowInfoDropped);
    HTTP_CLIENT.setFilter(belowInfoDropped);
    return signers;
  }
}
