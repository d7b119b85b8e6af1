package dev.lakeformation.jdbc.resultset.accessor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.junit.jupiter.api.Test;

/**
 * An accessor skips the validity bitmap of a batch whose column has no null, and reads it again
 * when the next batch has nulls, at the top level and in a struct's fields.
 */
class ColumnAccessorNullsTest {
  @Test
  void aSingleNullIsSeenWhereverItIsInTheBatch() throws Exception {
    try (BufferAllocator allocator = new RootAllocator()) {
      Field field = new Field("n", FieldType.nullable(new ArrowType.Int(64, true)), null);
      ColumnAccessor accessor = Accessors.forField(field);
      for (int rows : new int[] {1, 7, 8, 9, 63, 64, 65, 71, 130}) {
        for (int nullAt = 0; nullAt < rows; nullAt++) {
          try (BigIntVector vector = longs(allocator, rows, -1)) {
            vector.setNull(nullAt);
            accessor.bind(vector);
            for (int row = 0; row < rows; row++) {
              assertEquals(row == nullAt, accessor.isNull(row), "row " + row + " of " + rows + ", null at " + nullAt);
            }
          }
        }
      }
    }
  }

  @Test
  void nullsAreSeenAgainWhenABatchWithoutThemIsFollowedByOneWithThem() throws Exception {
    try (BufferAllocator allocator = new RootAllocator()) {
      Field field = new Field("n", FieldType.nullable(new ArrowType.Int(64, true)), null);
      ColumnAccessor accessor = Accessors.forField(field);
      try (BigIntVector none = longs(allocator, 100, -1); BigIntVector some = longs(allocator, 100, 7)) {
        accessor.bind(none);
        for (int row = 0; row < 100; row++) {
          assertFalse(accessor.isNull(row));
        }
        accessor.bind(some);
        for (int row = 0; row < 100; row++) {
          assertEquals(row % 7 == 0, accessor.isNull(row), "row " + row);
        }
        accessor.bind(none);
        assertFalse(accessor.isNull(0));
      }
    }
  }

  @Test
  void aStructFieldWithNullsInOneBatchOnlyReadsNullThere() throws Exception {
    try (BufferAllocator allocator = new RootAllocator()) {
      ColumnAccessor accessor = null;
      for (int nullEvery : new int[] {-1, 3, -1}) {
        try (StructVector struct = StructVector.empty("s", allocator)) {
          BigIntVector x = struct.addOrGet("x", FieldType.nullable(new ArrowType.Int(64, true)), BigIntVector.class);
          struct.allocateNew();
          for (int row = 0; row < 10; row++) {
            struct.setIndexDefined(row);
            if (nullEvery > 0 && row % nullEvery == 0) {
              x.setNull(row);
            } else {
              x.setSafe(row, row);
            }
          }
          struct.setValueCount(10);
          if (accessor == null) {
            accessor = Accessors.forField(struct.getField());
          }
          accessor.bind(struct);
          for (int row = 0; row < 10; row++) {
            Object value = ((Map<?, ?>) accessor.getObject(row)).get("x");
            boolean expectNull = nullEvery > 0 && row % nullEvery == 0;
            assertEquals(expectNull ? null : (long) row, value, "row " + row + ", nulls every " + nullEvery);
          }
        }
      }
    }
  }

  /** {@code rows} longs, a null at every row divisible by {@code nullEvery} (none when negative). */
  private static BigIntVector longs(BufferAllocator allocator, int rows, int nullEvery) {
    BigIntVector vector = new BigIntVector("n", allocator);
    vector.allocateNew(rows);
    for (int row = 0; row < rows; row++) {
      if (nullEvery > 0 && row % nullEvery == 0) {
        vector.setNull(row);
      } else {
        vector.set(row, row);
      }
    }
    vector.setValueCount(rows);
    assertTrue(nullEvery > 0 || vector.getNullCount() == 0);
    return vector;
  }
}
