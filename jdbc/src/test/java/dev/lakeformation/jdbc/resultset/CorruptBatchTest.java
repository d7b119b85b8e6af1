package dev.lakeformation.jdbc.resultset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.junit.jupiter.api.Test;

/**
 * The getters read a batch's buffers by address, so the result set checks once per batch what
 * makes that safe; a batch that fails is corrupt data (22000) before any of its rows is read,
 * whatever source handed it over, and its memory is freed.
 */
class CorruptBatchTest {
  /** Hands out one batch. */
  @Test
  void aColumnWithFewerValuesThanTheBatchHasRowsIsCorrupt() throws Exception {
    try (BufferAllocator allocator = new RootAllocator()) {
      BigIntVector ids = new BigIntVector("id", allocator);
      ids.allocateNew(4);
      ids.setValueCount(4);
      VectorSchemaRoot root = new VectorSchemaRoot(List.of(ids.getField()), List.<FieldVector>of(ids), 1000);
      try (ResultSet rs = new ArrowResultSet(new OneBatch(root), null, Long.MAX_VALUE, () -> { })) {
        SQLException e = assertThrows(SQLException.class, rs::next);
        assertEquals("22000", e.getSQLState());
        assertTrue(e.getMessage().contains("column 1 has 4 values in a batch of 1000 rows"), e.getMessage());
      }
      assertEquals(0, allocator.getAllocatedMemory(), "the corrupt batch was freed");
    }
  }

  @Test
  void aStructWithAFieldShorterThanItselfIsCorrupt() throws Exception {
    try (BufferAllocator allocator = new RootAllocator()) {
      StructVector struct = StructVector.empty("s", allocator);
      BigIntVector x = struct.addOrGet("x", FieldType.nullable(new ArrowType.Int(64, true)), BigIntVector.class);
      struct.allocateNew();
      x.setValueCount(2);
      for (int row = 0; row < 100; row++) {
        struct.setIndexDefined(row);
      }
      struct.setValueCount(100);
      x.setValueCount(2); // the struct's own count set its field's too: make the field short again
      Field field = struct.getField();
      VectorSchemaRoot root = new VectorSchemaRoot(List.of(field), List.<FieldVector>of(struct), 100);
      try (ResultSet rs = new ArrowResultSet(new OneBatch(root), null, Long.MAX_VALUE, () -> { })) {
        SQLException e = assertThrows(SQLException.class, rs::next);
        assertEquals("22000", e.getSQLState());
        assertTrue(e.getMessage().contains("has a child x of 2 values, fewer than its 100"), e.getMessage());
      }
      assertEquals(0, allocator.getAllocatedMemory(), "the corrupt batch was freed");
    }
  }
}
