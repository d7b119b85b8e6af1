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

  /** Starts an embedded service. */
  interface Provider {
    EmbeddedService start() throws Exception;
  }
}
