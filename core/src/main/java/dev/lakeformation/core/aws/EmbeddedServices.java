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
  /** The plain HTTP one and the HTTPS one (Tls=true), each started on first use. */
  private static final EmbeddedService[] SHARED = new EmbeddedService[2];

  private EmbeddedServices() {}

  static synchronized EmbeddedService get(boolean tls) throws LakeFormationException {
    int slot = tls ? 1 : 0;
    if (SHARED[slot] == null) {
      EmbeddedService.Provider provider = ServiceLoader.load(EmbeddedService.Provider.class,
          EmbeddedServices.class.getClassLoader()).findFirst().orElseThrow(() -> new LakeFormationException(
              SqlState.CONNECTION_REJECTED, "Local=true needs LakeFormation Local, which is not on the class path:"
                  + " add the Maven artifact dev.lakeformation:lakeformation-local (test scope, for tests), or use"
                  + " the one-file lakeformation-jdbc jar, which carries it."));
      try {
        SHARED[slot] = provider.start(tls);
      } catch (Exception e) {
        throw new LakeFormationException(SqlState.CONNECTION_REJECTED, "LakeFormation Local could not start: " + e, e);
      }
    }
    return SHARED[slot];
  }
}
