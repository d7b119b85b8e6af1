package dev.lakeformation.local;

import dev.lakeformation.core.arrow.compression.IpcCompression;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code lakeformation-jdbc local}: LakeFormation Local as a server on 127.0.0.1 until the
 * process is stopped. The first line printed is the endpoint, so scripts can read it.
 */
public final class LocalCommand {
  static final String USAGE = """
      usage: java -jar lakeformation-jdbc.jar local [options]
        --port P                 TCP port on 127.0.0.1, 0 for any free one (default 0)
        --scale SF               TPC-H scale factor of the tpch database (default 0.01)
        --access-key-id ID       the access key ID clients must sign with
        --secret-access-key KEY  its secret key (both or neither; default: the documented pair)
        --rows-per-work-unit N   rows in each work unit (default 1000)
        --rows-per-batch N       rows in each Arrow record batch (default 500)
        --units-per-range N      work units per GetWorkUnits range (default 4)
        --query-ttl-seconds S    seconds until a query expires (default 1800)
        --compression C          none, lz4 or zstd: how work-unit bodies are compressed (default none)
        --tls                    serve HTTPS, with a certificate made at start (for 127.0.0.1 and localhost)
        --tls-host NAME          a host name the certificate names too (repeatable; implies --tls)
        --tls-certificate FILE   where the certificate is written as PEM, for the driver's TrustStore
                                 (implies --tls; default: a temporary file, printed at start)""";

  private LocalCommand() {}

  public static void main(String[] args) {
    Settings settings;
    try {
      settings = Settings.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("local: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    if (settings == null) {
      System.out.println(USAGE);
      System.exit(0);
      return;
    }
    LakeFormationLocal service = start(settings, System.out, System.err);
    if (service == null) {
      System.exit(2);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      service.close();
      stopped.countDown();
    }, "lakeformation-local-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The service to start, the access key ID given (null for the documented one), and where its
   * TLS certificate is to be written (null: its own temporary file).
   */
  private record Settings(LakeFormationLocal.Builder builder, String accessKeyId, Path certificateFile) {
    /** The settings on the command line; null when it asks for --help. */
    static Settings parse(String[] args) {
      LakeFormationLocal.Builder builder = LakeFormationLocal.builder();
      String accessKeyId = null;
      String secretAccessKey = null;
      Path certificateFile = null;
      List<String> tlsHosts = new ArrayList<>();
      boolean tls = false;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--port" -> builder.port((int) number(args, ++i));
          case "--scale" -> builder.tpchScaleFactor(decimal(args, ++i));
          case "--access-key-id" -> accessKeyId = value(args, ++i);
          case "--secret-access-key" -> secretAccessKey = value(args, ++i);
          case "--rows-per-work-unit" -> builder.rowsPerWorkUnit((int) number(args, ++i));
          case "--rows-per-batch" -> builder.rowsPerBatch((int) number(args, ++i));
          case "--units-per-range" -> builder.unitsPerRange((int) number(args, ++i));
          case "--query-ttl-seconds" -> builder.queryTimeToLive(Duration.ofSeconds(number(args, ++i)));
          case "--compression" -> builder.compression(IpcCompression.parse(value(args, ++i)));
          case "--tls" -> tls = true;
          case "--tls-host" -> {
            tlsHosts.add(value(args, ++i));
            tls = true;
          }
          case "--tls-certificate" -> {
            certificateFile = Path.of(value(args, ++i));
            tls = true;
          }
          case "-h", "--help" -> {
            return null;
          }
          default -> throw new IllegalArgumentException("unknown argument " + args[i]);
        }
      }
      if ((accessKeyId == null) != (secretAccessKey == null)) {
        throw new IllegalArgumentException("--access-key-id and --secret-access-key go together");
      }
      if (accessKeyId != null) {
        builder.credentials(accessKeyId, secretAccessKey);
      }
      if (tls) {
        builder.tlsHostNames(tlsHosts.toArray(String[]::new));
      }
      return new Settings(builder, accessKeyId, certificateFile);
    }
  }

  /** Starts the service and prints where it is; null (after saying why) when it cannot. */
  private static LakeFormationLocal start(Settings settings, PrintStream out, PrintStream err) {
    LakeFormationLocal service;
    try {
      service = settings.builder().start();
    } catch (Exception e) {
      err.println("local: could not start LakeFormation Local: " + e.getMessage());
      return null;
    }
    String trust = "";
    if (service.endpoint().getScheme().equals("https")) {
      Path certificate = settings.certificateFile() == null ? service.certificateFile() : settings.certificateFile();
      try {
        Files.writeString(certificate, service.certificatePem());
      } catch (IOException e) {
        service.close();
        err.println("local: could not write the TLS certificate to " + certificate + ": " + e.getMessage());
        return null;
      }
      trust = ";TrustStore={" + certificate.toAbsolutePath() + "}";
    }
    String accessKeyId = settings.accessKeyId();
    out.println(service.endpoint());
    out.println("LakeFormation Local is serving the tpch and types databases. Connect with:");
    out.println("  jdbc:lakeformation://Endpoint=" + service.endpoint() + ";Region=us-east-1;Database=tpch;AccessKeyId="
        + (accessKeyId == null ? LakeFormationLocal.DEFAULT_ACCESS_KEY_ID : accessKeyId)
        + (accessKeyId == null ? ";SecretAccessKey=" + LakeFormationLocal.DEFAULT_SECRET_ACCESS_KEY : "") + trust
        + (accessKeyId == null ? "" : " (and the secret key you gave)"));
    out.println("Stop it with Ctrl-C.");
    out.flush();
    return service;
  }

  private static long number(String[] args, int i) {
    String text = value(args, i);
    try {
      long value = Long.parseLong(text);
      if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(args[i - 1] + " needs a whole number, got '" + text + "'");
    }
  }

  private static double decimal(String[] args, int i) {
    String text = value(args, i);
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(args[i - 1] + " needs a number, got '" + text + "'");
    }
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a value");
    }
    return args[i];
  }
}
