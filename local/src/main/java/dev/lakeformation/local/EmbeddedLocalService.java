package dev.lakeformation.local;

import dev.lakeformation.core.spi.EmbeddedService;
import java.net.URI;

/** LakeFormation Local as the driver's embedded service ({@code Local=true}), with default settings. */
public final class EmbeddedLocalService implements EmbeddedService.Provider {
  @Override
  public EmbeddedService start(boolean tls) throws Exception {
    LakeFormationLocal local = LakeFormationLocal.builder().tls(tls).start();
    return new EmbeddedService() {
      @Override
      public URI endpoint() {
        return local.endpoint();
      }

      @Override
      public String accessKeyId() {
        return LakeFormationLocal.DEFAULT_ACCESS_KEY_ID;
      }

      @Override
      public String secretAccessKey() {
        return LakeFormationLocal.DEFAULT_SECRET_ACCESS_KEY;
      }

      @Override
      public String certificatePem() {
        return tls ? local.certificatePem() : null;
      }
    };
  }
}
