package dev.lakeformation.core.arrow;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.AllocationManager;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.unsafe.UnsafeAllocationManager;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * Arrow memory taken from the C heap as Arrow's own unsafe allocation manager takes it, except
 * that a large block, once freed, waits in a small pool for the next allocation of its size.
 *
 * <p>Why: a result's record batches are read one after the other, each freed once read, and the
 * C library hands blocks of this size (a batch's message body is about 2 MB) back to the kernel
 * when they are freed, so every page of every batch was mapped in anew: measured, 185,000 page
 * faults per gigabyte read, and a third of the fetch threads' CPU. A block taken again from the
 * pool has its pages mapped, and often still in cache.
 *
 * <p>The pool holds blocks whose size is a power of two from {@value #POOLED_MIN_BYTES} bytes
 * to {@value #POOLED_MAX_BYTES} (the allocator rounds requests below 16 MB to powers of two, so
 * there are few sizes, and each is asked for again), and gives the most recently freed block
 * first. It holds at most an eighth of the maximum heap, between 16 and 256 MB, for the JVM: as
 * much as the fetches of a few results keep in flight (a result buffers up to MaxBufferBytes, and
 * the JVM's results together up to half the heap), and what stays mapped once reading is done. A
 * reused block is not cleared, as memory from the C library is not: Arrow writes what it reads.
 */
final class RecyclingAllocationManager extends AllocationManager {
  static final AllocationManager.Factory FACTORY = new AllocationManager.Factory() {
    @Override
    public AllocationManager create(BufferAllocator accountingAllocator, long size) {
      return new RecyclingAllocationManager(accountingAllocator, size);
    }

    @Override
    public ArrowBuf empty() {
      return UnsafeAllocationManager.FACTORY.empty();
    }
  };

  static final long POOLED_MIN_BYTES = 64 * 1024;
  static final long POOLED_MAX_BYTES = 16L << 20;
  static final long POOL_BYTES = Math.max(16L << 20, Math.min(256L << 20, Runtime.getRuntime().maxMemory() / 8));

  private static final Map<Long, ConcurrentLinkedDeque<Long>> FREE_BY_SIZE = new ConcurrentHashMap<>();
  private static final AtomicLong POOLED = new AtomicLong();

  private final long address;
  private final long size;

  private RecyclingAllocationManager(BufferAllocator accountingAllocator, long size) {
    super(accountingAllocator);
    this.size = size;
    this.address = take(size);
  }

  /** Sizes the pool keeps: larger ones are allocated at their exact size and seldom asked for again. */
  private static boolean pooled(long size) {
    return size >= POOLED_MIN_BYTES && size <= POOLED_MAX_BYTES && Long.bitCount(size) == 1;
  }

  private static long take(long size) {
    if (pooled(size)) {
      ConcurrentLinkedDeque<Long> free = FREE_BY_SIZE.get(size);
      Long pooled = free == null ? null : free.pollFirst();
      if (pooled != null) {
        POOLED.addAndGet(-size);
        return pooled;
      }
    }
    return MemoryUtil.allocateMemory(size);
  }

  @Override
  protected void release0() {
    if (pooled(size)) {
      if (POOLED.addAndGet(size) <= POOL_BYTES) {
        FREE_BY_SIZE.computeIfAbsent(size, s -> new ConcurrentLinkedDeque<>()).addFirst(address);
        return;
      }
      POOLED.addAndGet(-size);
    }
    MemoryUtil.freeMemory(address);
  }

  /** Bytes of free blocks the pool holds now. */
  static long pooledBytes() {
    return POOLED.get();
  }

  @Override
  public long getSize() {
    return size;
  }

  @Override
  protected long memoryAddress() {
    return address;
  }
}
