package dev.lakeformation.core.arrow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/**
 * A message body is copied into Arrow memory whole, however the stream hands it out; a body cut
 * short yields what arrived, never more; and the heap arrays the copies share between them never
 * mix two bodies copied at the same time.
 */
class HeapCopyReadChannelTest {
  private static final int LONGER_THAN_THE_ARRAY = 3 * HeapCopyReadChannel.CHUNK_BYTES + 123;

  @Test
  void aBodyLongerThanTheArrayArrivesWholeEvenOneByteAtATime() throws Exception {
    byte[] body = bytes(LONGER_THAN_THE_ARRAY, 1);
    try (BufferAllocator allocator = new RootAllocator(); ArrowBuf buffer = allocator.buffer(body.length)) {
      HeapCopyReadChannel channel = new HeapCopyReadChannel(new OneByteAtATime(new ByteArrayInputStream(body)));
      assertEquals(body.length, channel.readFully(buffer, body.length));
      assertEquals(body.length, buffer.writerIndex());
      assertArrayEquals(body, copyOf(buffer, body.length));
    }
  }

  @Test
  void aBodyCutShortYieldsWhatArrivedAndNoMore() throws Exception {
    byte[] body = bytes(LONGER_THAN_THE_ARRAY, 2);
    int arrived = HeapCopyReadChannel.CHUNK_BYTES + 7;
    try (BufferAllocator allocator = new RootAllocator(); ArrowBuf buffer = allocator.buffer(body.length)) {
      HeapCopyReadChannel channel = new HeapCopyReadChannel(new ByteArrayInputStream(body, 0, arrived));
      assertEquals(arrived, channel.readFully(buffer, body.length), "the caller sees the body is short");
      assertEquals(arrived, buffer.writerIndex());
      assertArrayEquals(Arrays.copyOf(body, arrived), copyOf(buffer, arrived));
    }
  }

  @Test
  void anEmptyBodyReadsNothing() throws Exception {
    try (BufferAllocator allocator = new RootAllocator(); ArrowBuf buffer = allocator.buffer(8)) {
      InputStream in = new ByteArrayInputStream(new byte[] {1, 2, 3});
      assertEquals(0, new HeapCopyReadChannel(in).readFully(buffer, 0));
      assertEquals(0, buffer.writerIndex());
      assertEquals(3, in.available(), "the next message's bytes stay in the stream");
    }
  }

  @Test
  void bodiesCopiedOnManyThreadsAtOnceStayApart() throws Exception {
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (BufferAllocator allocator = new RootAllocator()) {
      List<Future<?>> copies = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int seed = 100 + t;
        copies.add(pool.submit(() -> {
          for (int round = 0; round < 5; round++) {
            byte[] body = bytes(LONGER_THAN_THE_ARRAY, seed * 10 + round);
            try (ArrowBuf buffer = allocator.buffer(body.length)) {
              HeapCopyReadChannel channel = new HeapCopyReadChannel(new ByteArrayInputStream(body));
              assertEquals(body.length, channel.readFully(buffer, body.length));
              assertArrayEquals(body, copyOf(buffer, body.length));
            }
          }
          return null;
        }));
      }
      for (Future<?> copy : copies) {
        copy.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static byte[] bytes(int length, long seed) {
    byte[] bytes = new byte[length];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  private static byte[] copyOf(ArrowBuf buffer, int length) {
    byte[] bytes = new byte[length];
    buffer.getBytes(0, bytes);
    return bytes;
  }

  /** A stream that hands out one byte per read, as a slow network might. */
  private static final class OneByteAtATime extends FilterInputStream {
    OneByteAtATime(InputStream in) {
      super(in);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return super.read(b, off, Math.min(len, 1));
    }
  }
}
