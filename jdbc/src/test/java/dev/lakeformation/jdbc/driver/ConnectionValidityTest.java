package dev.lakeformation.jdbc.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.local.LakeFormationLocal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code isValid(timeout)} tells the truth within its timeout: true while the service answers the
 * connection's signed requests, false once the endpoint is gone, stops answering, or refuses the
 * credentials, as a pool's validation or DBeaver's "Test Connection" needs.
 */
class ConnectionValidityTest {
  private static final String ROLE = "arn:aws:iam::123456789012:role/analyst";

  private static String url(String endpoint, String extra) {
    return "jdbc:lakeformation://Endpoint=" + endpoint + ";Region=us-east-1;Database=tpch;AccessKeyId="
        + LakeFormationLocal.DEFAULT_ACCESS_KEY_ID + ";SecretAccessKey=" + LakeFormationLocal.DEFAULT_SECRET_ACCESS_KEY + extra;
  }

  private static long millisOf(ThrowingCheck check) throws Exception {
    long start = System.nanoTime();
    check.run();
    return Duration.ofNanos(System.nanoTime() - start).toMillis();
  }

  private interface ThrowingCheck {
    void run() throws Exception;
  }

  @Test
  void aHealthyConnectionIsValidAtTheCostOfOneSmallCall() throws Exception {
    LocalFixture fixture = LocalFixture.shared();
    Connection c = fixture.connect("Database=tpch");
    try {
      assertTrue(c.isValid(5)); // the first call warms up the HTTP connection
      long before = fixture.local.requestCount("GetQueryState");
      long millis = millisOf(() -> {
        for (int i = 0; i < 20; i++) {
          assertTrue(c.isValid(5));
        }
      });
      assertEquals(20, fixture.local.requestCount("GetQueryState") - before, "one call per check");
      assertTrue(millis < 2_000, "20 checks took " + millis + " ms");
    } finally {
      c.close();
    }
    long before = fixture.local.requestCount("GetQueryState");
    assertFalse(c.isValid(5), "a closed connection is not valid");
    assertEquals(before, fixture.local.requestCount("GetQueryState"), "and is checked without a call");
  }

  @Test
  void revokedCredentialsAndThenADeadEndpointMakeItInvalid() throws Exception {
    LakeFormationLocal local = LakeFormationLocal.builder().tpchScaleFactor(0.001).start();
    try (Connection c = DriverManager.getConnection(url(local.endpoint().toString(), ";RoleArn=" + ROLE))) {
      assertTrue(c.isValid(5));
      local.revokeIssuedCredentials();
      assertFalse(c.isValid(5), "the assumed role's keys were revoked");
      local.close();
      long millis = millisOf(() -> assertFalse(c.isValid(5)));
      assertTrue(millis < 5_000, "a refused connection is seen at once: " + millis + " ms");
    } finally {
      local.close();
    }
  }

  @Test
  void anEndpointThatNeverAnswersIsInvalidWithinTheTimeout() throws Exception {
    List<Socket> accepted = Collections.synchronizedList(new ArrayList<>());
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            accepted.add(silent.accept()); // reads nothing, answers nothing
          }
        } catch (Exception closed) {
          // the test is over
        }
      }, "silent-endpoint");
      acceptor.setDaemon(true);
      acceptor.start();
      try (Connection c = DriverManager.getConnection(url("http://127.0.0.1:" + silent.getLocalPort(),
          ";VerifyCredentials=false"))) {
        long millis = millisOf(() -> assertFalse(c.isValid(1)));
        assertTrue(millis >= 900 && millis < 3_000, "isValid(1) took " + millis + " ms");
      }
    } finally {
      for (Socket socket : accepted) {
        socket.close();
      }
    }
  }
}
