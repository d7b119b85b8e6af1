package dev.lakeformation.core.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.Test;

/**
 * The driver's root allocators reuse a freed large block for the next allocation of its size
 * (its pages are mapped already); small ones go back to the C library; the pool stays bounded;
 * and the allocator accounts for reused memory as for new.
 */
class RecyclingAllocationManagerTest {
  @Test
  void aFreedLargeBlockIsTakenAgainByTheNextAllocationOfItsSize() {
    try (BufferAllocator allocator = RootAllocators.create()) {
      long first;
      try (ArrowBuf buf = allocator.buffer(2 << 20)) {
        first = buf.memoryAddress();
        buf.setLong(0, 42);
      }
      long pooled = RecyclingAllocationManager.pooledBytes();
      assertTrue(pooled >= 2 << 20, "the block waits in the pool: " + pooled);
      try (ArrowBuf again = allocator.buffer(2 << 20)) {
        assertEquals(first, again.memoryAddress(), "the same block, most recently freed first");
        assertEquals(2 << 20, allocator.getAllocatedMemory(), "accounted as any allocation");
        again.setLong((2 << 20) - 8, 7); // all of it is usable
      }
      assertEquals(0, allocator.getAllocatedMemory());
    }
  }

  @Test
  void smallBlocksAreNotPooledAndThePoolIsBounded() {
    try (BufferAllocator allocator = RootAllocators.create()) {
      long before = RecyclingAllocationManager.pooledBytes();
      allocator.buffer(1024).close();
      assertEquals(before, RecyclingAllocationManager.pooledBytes(), "a small block went back to the C library");
      allocator.buffer((16L << 20) + 12_345).close();
      assertEquals(before, RecyclingAllocationManager.pooledBytes(), "so did a large one of an odd size");
      long block = 8L << 20;
      int count = (int) (RecyclingAllocationManager.POOL_BYTES / block) + 4;
      ArrowBuf[] buffers = new ArrowBuf[count];
      for (int i = 0; i < count; i++) {
        buffers[i] = allocator.buffer(block);
      }
      for (ArrowBuf buffer : buffers) {
        buffer.close();
      }
      assertTrue(RecyclingAllocationManager.pooledBytes() <= RecyclingAllocationManager.POOL_BYTES,
          RecyclingAllocationManager.pooledBytes() + " pooled, more than " + RecyclingAllocationManager.POOL_BYTES);
    }
  }
}
