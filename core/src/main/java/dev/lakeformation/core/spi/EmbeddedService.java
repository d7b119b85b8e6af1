package dev.lakeformation.core.spi;

import java.net.URI;

/**
 * The seam through which {@code Local=true} reaches LakeFormation Local without the driver
 * depending on it: the local service registers a {@link Provider} with
 * {@code META-INF/services}, and the driver finds it with {@link java.util.ServiceLoader}.
 */
public interface EmbeddedService {
  URI endpoint();

  String accessKeyId();

  String secretAccessKey();

  /** The PEM text of the certificate it serves HTTPS with, or null when it serves plain HTTP. */
  String certificatePem();

  /** Starts an embedded service. */
  interface Provider {
    /** @param tls whether it serves HTTPS, with a certificate of its own */
    EmbeddedService start(boolean tls) throws Exception;
  }
}
