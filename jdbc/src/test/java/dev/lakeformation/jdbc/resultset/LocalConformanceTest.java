package dev.lakeformation.jdbc.resultset;

import dev.lakeformation.jdbc.driver.LocalFixture;
import dev.lakeformation.local.LakeFormationLocal;
import org.junit.jupiter.api.BeforeAll;

/** The conformance suite through JDBC over HTTP, from the shared LakeFormation Local, without faults. */
class LocalConformanceTest extends LocalServiceConformance {
  private static LocalFixture fixture;

  @BeforeAll
  static void sharedLocal() throws Exception {
    fixture = LocalFixture.shared();
  }

  @Override
  LakeFormationLocal local() {
    return fixture.local;
  }

  @Override
  String settings() {
    return "MaxConcurrentWorkUnits=2";
  }
}
