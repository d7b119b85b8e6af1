package dev.lakeformation.local.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.core.aws.AwsClients;
import dev.lakeformation.local.LakeFormationLocal;
import dev.lakeformation.local.LocalClients;
import java.io.IOException;
import java.net.Socket;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@link LakeFormationLocalTest} as a user's test class meets it: one service for the class,
 * handed to every method that asks for it, shared by nested classes, stopped after the last test.
 */
@LakeFormationLocalTest(sampleData = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LakeFormationLocalExtensionTest {
  private final LakeFormationLocal injected;
  private static LakeFormationLocal seenByBeforeAll;

  LakeFormationLocalExtensionTest(LakeFormationLocal local) {
    this.injected = local;
  }

  @BeforeAll
  void tables(LakeFormationLocal local) throws SQLException {
    seenByBeforeAll = local;
    local.execute("shop", "CREATE TABLE item (id INT); INSERT INTO item VALUES (1), (2)");
  }

  @Test
  void everyMethodGetsTheSameRunningService(LakeFormationLocal local) throws IOException {
    assertSame(injected, local);
    assertSame(seenByBeforeAll, local);
    try (Socket socket = new Socket(local.endpoint().getHost(), local.endpoint().getPort())) {
      assertTrue(socket.isConnected());
    }
  }

  @Test
  void itServesTheTablesTheTestCreated(LakeFormationLocal local) {
    try (AwsClients aws = LocalClients.connect(local, local.accessKeyId(), local.secretAccessKey())) {
      assertEquals(1, aws.athena().listTableMetadata(r -> r.catalogName("AwsDataCatalog").databaseName("shop"))
          .tableMetadataList().size());
    }
  }

  @Nested
  class Nested1 {
    @Test
    void aNestedClassSharesItsEnclosingClassesService(LakeFormationLocal local) {
      assertSame(injected, local);
    }
  }

  @AfterAll
  void stillRunningUntilTheLastTestHasRun(LakeFormationLocal local) throws IOException {
    try (Socket socket = new Socket(local.endpoint().getHost(), local.endpoint().getPort())) {
      assertTrue(socket.isConnected());
    }
  }
}
