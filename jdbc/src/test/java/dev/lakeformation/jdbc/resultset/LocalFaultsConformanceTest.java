package dev.lakeformation.jdbc.resultset;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.local.LakeFormationLocal;
import dev.lakeformation.local.faults.Faults;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The conformance suite through a LakeFormation Local of its own that throttles, fails with
 * 500s, cuts bodies off, answers "not ready" and delays every body: with retries enough, exactly
 * the same rows and values come out.
 */
class LocalFaultsConformanceTest extends LocalServiceConformance {
  private static LakeFormationLocal local;

  @BeforeAll
  static void localWithFaults() throws Exception {
    local = LakeFormationLocal.builder().tpchScaleFactor(0.001).faultSeed(20_240_229).start();
    local.faults().throttleProbability(0.1).internalErrorProbability(0.1).truncateProbability(0.2)
        .notReadyAnswersPerQuery(1).workUnitLatencyMillis(15).workUnitJitterMillis(15);
  }

  @AfterAll
  static void everyFaultHappened() {
    try {
      Faults faults = local.faults();
      for (Faults.Kind kind : Faults.Kind.values()) {
        System.out.println("faults injected: " + kind + " " + faults.injected(kind));
        assertTrue(faults.injected(kind) > 0, "no " + kind + " was injected");
      }
    } finally {
      local.close();
    }
  }

  @Override
  LakeFormationLocal local() {
    return local;
  }

  @Override
  String settings() {
    return "MaxConcurrentWorkUnits=2;MaxRetries=30";
  }
}
