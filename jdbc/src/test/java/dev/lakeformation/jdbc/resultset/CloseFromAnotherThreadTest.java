package dev.lakeformation.jdbc.resultset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

/**
 * Getters read the current batch's memory by address, so a close() from another thread must not
 * free that batch under the reading thread: the reader's next call finds the result closed and
 * frees it; a result closed that way and never touched again is freed once it is unreachable.
 */
class CloseFromAnotherThreadTest {
  private static ResultSet resultOf(BufferAllocator allocator) throws SQLException {
    BigIntVector ids = new BigIntVector("id", allocator);
    ids.allocateNew(10);
    for (int row = 0; row < 10; row++) {
      ids.set(row, row);
    }
    ids.setValueCount(10);
    VectorSchemaRoot root = new VectorSchemaRoot(List.of(ids.getField()), List.<FieldVector>of(ids), 10);
    return new ArrowResultSet(new OneBatch(root), null, Long.MAX_VALUE, () -> { });
  }

  @Test
  void theReadersNextCallFindsTheResultClosedAndFreesTheBatch() throws Exception {
    try (BufferAllocator allocator = new RootAllocator()) {
      ResultSet rs = resultOf(allocator);
      assertTrue(rs.next());
      assertEquals(0, rs.getLong(1));
      closeOnAnotherThread(rs);
      assertTrue(allocator.getAllocatedMemory() > 0, "not freed under a reader that may be inside a getter");
      SQLException closed = assertThrows(SQLException.class, () -> rs.getLong(1));
      assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
      assertEquals(0, allocator.getAllocatedMemory(), "the reader's call freed it");
    }
  }

  @Test
  void aResultClosedFromAnotherThreadAndNeverReadAgainIsFreedOnceUnreachable() throws Exception {
    try (BufferAllocator allocator = new RootAllocator()) {
      readOneRowThenCloseElsewhere(allocator); // and the application drops the result
      for (int i = 0; i < 100 && allocator.getAllocatedMemory() > 0; i++) {
        System.gc();
        Thread.sleep(50);
      }
      assertEquals(0, allocator.getAllocatedMemory(), "freed by the cleaner");
    }
  }

  private static void readOneRowThenCloseElsewhere(BufferAllocator allocator) throws Exception {
    ResultSet rs = resultOf(allocator);
    assertTrue(rs.next());
    closeOnAnotherThread(rs);
  }

  private static void closeOnAnotherThread(ResultSet rs) throws Exception {
    CompletableFuture.runAsync(() -> {
      try {
        rs.close();
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }).get();
  }

  @Test
  void closingOnTheReadersOwnThreadFreesAtOnce() throws Exception {
    try (BufferAllocator allocator = new RootAllocator()) {
      ResultSet rs = resultOf(allocator);
      assertTrue(rs.next());
      rs.close();
      assertEquals(0, allocator.getAllocatedMemory());
    }
  }
}
