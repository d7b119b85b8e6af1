package dev.lakeformation.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The CPU this JVM's JIT compiler threads use, read from Linux's per-thread scheduler
 * statistics: the JVM does not list its compiler threads as Java threads, so without this they
 * count with garbage collection in what the process spent beside its Java threads.
 *
 * <p>Taken as a difference between two readings, thread by thread. A compiler thread that the
 * JVM stops between the two (it starts and stops extra ones on machines with many cores) takes
 * the CPU it used since the first reading with it: that part then counts with garbage collection
 * and the rest. Off Linux, or where the statistics cannot be read, the answer is unknown (-1).
 */
final class CompilerThreadsCpu {
  private static final Path TASKS = Path.of("/proc/self/task");

  private final Map<String, Long> before;

  private CompilerThreadsCpu(Map<String, Long> before) {
    this.before = before;
  }

  /** Starts measuring: reads every compiler thread's CPU so far. */
  static CompilerThreadsCpu start() {
    return new CompilerThreadsCpu(read());
  }

  /** Nanoseconds the compiler threads spent on a CPU since {@link #start()}; -1 when unknown. */
  long nanosSinceStart() {
    Map<String, Long> now = read();
    if (before == null || now == null) {
      return -1;
    }
    long total = 0;
    for (Map.Entry<String, Long> thread : now.entrySet()) {
      total += thread.getValue() - before.getOrDefault(thread.getKey(), 0L); // a thread started since: all of it
    }
    return total;
  }

  /** Each live compiler thread's time on a CPU by thread ID, or null when none could be read. */
  private static Map<String, Long> read() {
    if (!Files.isDirectory(TASKS)) {
      return null;
    }
    Map<String, Long> nanos = new HashMap<>();
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
      for (Path task : tasks) {
        try {
          // "C2 CompilerThread0", cut to 15 characters by the kernel.
          String name = Files.readString(task.resolve("comm")).strip();
          if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
            // schedstat: time on a CPU (ns), time waiting for one (ns), time slices run.
            String schedstat = Files.readString(task.resolve("schedstat")).strip();
            nanos.put(task.getFileName().toString(), Long.parseLong(schedstat.substring(0, schedstat.indexOf(' '))));
          }
        } catch (NoSuchFileException e) {
          // the thread ended while it was read
        }
      }
    } catch (IOException | RuntimeException e) {
      return null; // no scheduler statistics here
    }
    return nanos.isEmpty() ? null : nanos;
  }
}
