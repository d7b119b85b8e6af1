package dev.lakeformation.jdbc.driver;

import dev.lakeformation.jdbc.errors.SqlErrors;
import dev.lakeformation.jdbc.spi.EmbeddedService;
import java.sql.SQLException;
import java.util.ServiceLoader;

/**
 * The embedded service of {@code Local=true}: started once, on first use, and shared by every
 * such connection of the JVM (its threads are daemons; it ends with the JVM).
 */
final class EmbeddedServices {
  private static EmbeddedService shared;

  private EmbeddedServices() {}

  static synchronized EmbeddedService get() throws SQLException {
    if (shared == null) {
      EmbeddedService.Provider provider = ServiceLoader.load(EmbeddedService.Provider.class,
          EmbeddedServices.class.getClassLoader()).findFirst().orElseThrow(() -> SqlErrors.of(
              SqlErrors.CONNECTION_REJECTED, "Local=true needs LakeFormation Local, which is not on the class path:"
                  + " use the single lakeformation-jdbc jar, or add H2, tpch and arrow-jdbc to the class path."));
      try {
        shared = provider.start();
      } catch (Exception e) {
        throw SqlErrors.of(SqlErrors.CONNECTION_REJECTED, "LakeFormation Local could not start: " + e, e);
      }
    }
    return shared;
  }
}
