package dev.lakeformation.core.aws;

import dev.lakeformation.api.LakeFormationException;
import dev.lakeformation.api.SqlState;
import dev.lakeformation.core.spi.EmbeddedService;
import java.util.ServiceLoader;

/**
 * The embedded service of {@code Local=true}: found through {@link ServiceLoader} (so that the
 * driver never depends on LakeFormation Local), started once, on first use, and shared by every
 * such connection of the JVM (its threads are daemons; it ends with the JVM).
 */
final class EmbeddedServices {
  private static EmbeddedService shared;

  private EmbeddedServices() {}

  static synchronized EmbeddedService get() throws LakeFormationException {
    if (shared == null) {
      EmbeddedService.Provider provider = ServiceLoader.load(EmbeddedService.Provider.class,
          EmbeddedServices.class.getClassLoader()).findFirst().orElseThrow(() -> new LakeFormationException(
              SqlState.CONNECTION_REJECTED, "Local=true needs LakeFormation Local, which is not on the class path:"
                  + " add the Maven artifact dev.lakeformation:lakeformation-local (test scope, for tests), or use"
                  + " the one-file lakeformation-jdbc jar, which carries it."));
      try {
        shared = provider.start();
      } catch (Exception e) {
        throw new LakeFormationException(SqlState.CONNECTION_REJECTED, "LakeFormation Local could not start: " + e, e);
      }
    }
    return shared;
  }
}
