package dev.lakeformation.core.aws;

import java.util.List;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps request headers out of logs. At DEBUG the AWS SDK's request signer logs each canonical
 * request, Apache HttpClient (the driver's HTTP client) logs each request's headers and bytes,
 * and at FINE the JDK's HttpURLConnection (which the SDK's instance and container credential
 * providers use) logs its requests' headers; they hold the session token
 * ({@code X-Amz-Security-Token}), the signature and the proxy's password
 * ({@code Proxy-Authorization}). A user who turns on debug logging to chase a problem must not
 * get their credentials in a log file, so below INFO those loggers print nothing.
 *
 * <p>This works where the SDK logs through java.util.logging: always inside the one-file jar,
 * whose bundled SLF4J binding is java.util.logging. With the plain artifact the application's
 * SLF4J binding decides, and these loggers must be kept above DEBUG there (docs say so).
 */
final class CredentialLogGuard {
  /** The signer's package; in the one-file jar this name is relocated along with the SDK. */
  private static final String SIGNER_LOGGERS = "software.amazon.awssdk.http.auth.aws.internal.signer";
  /** The loggers that print requests, held so that their filters are not lost with collected loggers. */
  private static final List<Logger> REQUEST_PRINTERS = List.of(
      Logger.getLogger("sun.net.www.protocol.http.HttpURLConnection"),
      Logger.getLogger("org.apache.hc.client5.http.headers"),
      Logger.getLogger("org.apache.hc.client5.http.wire"));
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
    for (Logger printer : REQUEST_PRINTERS) {
      printer.setFilter(belowInfoDropped);
    }
    return signers;
  }
}
