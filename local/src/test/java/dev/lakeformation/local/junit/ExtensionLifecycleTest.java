package dev.lakeformation.local.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.lakeformation.local.LakeFormationLocal;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The service's life, seen from outside a user's test class run by JUnit itself: running while
 * its tests run, stopped once the class is done, and a clear failure for a test that asks for it
 * without the annotation.
 */
class ExtensionLifecycleTest {
  static volatile URI endpointSeen;

  /** A user's test class (nested and static, so that only this test runs it). */
  @LakeFormationLocalTest(sampleData = false)
  static class UserTest {
    @Test
    void reads(LakeFormationLocal local) throws IOException {
      endpointSeen = local.endpoint();
      new Socket(local.endpoint().getHost(), local.endpoint().getPort()).close();
    }
  }

  /** A test that asks for the service without the annotation. */
  static class WithoutAnnotation {
    @Test
    void reads(LakeFormationLocal local) {
      endpointSeen = local.endpoint();
    }
  }

  @Test
  void theServiceStopsWhenTheClassIsDone() {
    EngineTestKit.engine("junit-jupiter").selectors(selectClass(UserTest.class)).execute()
        .testEvents().assertStatistics(s -> s.started(1).succeeded(1));
    URI endpoint = endpointSeen;
    assertNotNull(endpoint);
    assertThrows(IOException.class, () -> new Socket(endpoint.getHost(), endpoint.getPort()).close(),
        "nothing listens on the service's port any more");
  }

  @Test
  void aTestWithoutTheAnnotationIsToldToAddIt() {
    var failures = EngineTestKit.engine("junit-jupiter").selectors(selectClass(WithoutAnnotation.class)).execute()
        .testEvents().failed().list();
    assertEquals(1, failures.size());
    String message = failures.get(0).getPayload(org.junit.platform.engine.TestExecutionResult.class)
        .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable).map(Throwable::getMessage).orElse("");
    org.junit.jupiter.api.Assertions.assertTrue(message.contains("No ParameterResolver registered")
        || message.contains("@LakeFormationLocalTest"), message);
  }
}
