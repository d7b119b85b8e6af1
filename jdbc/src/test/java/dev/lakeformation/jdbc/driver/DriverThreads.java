package dev.lakeformation.jdbc.driver;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The driver's threads as a test sees them. Fetch threads are shared by the whole JVM and stay
 * alive, idle, for a while after their last fetch; what must not survive a close is a thread
 * still working for it.
 */
public final class DriverThreads {
  private DriverThreads() {}

  /** The driver's threads that are doing something (not waiting idle in their pool), with where they are. */
  public static List<String> busy() {
    return Thread.getAllStackTraces().entrySet().stream()
        .filter(e -> e.getKey().getName().startsWith("lakeformation-jdbc-"))
        .filter(e -> !idleInPool(e))
        .map(e -> e.getKey().getName() + " at " + Arrays.stream(e.getValue()).limit(12).map(String::valueOf)
            .collect(Collectors.joining(" < ")))
        .sorted()
        .toList();
  }

  /** Waits up to {@code millis} until no driver thread is busy; returns those still busy. */
  public static List<String> awaitIdle(long millis) throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000;
    List<String> busy = busy();
    while (!busy.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
      busy = busy();
    }
    return busy;
  }

  private static boolean idleInPool(Map.Entry<Thread, StackTraceElement[]> thread) {
    return !thread.getKey().isAlive() || Arrays.stream(thread.getValue())
        .anyMatch(frame -> frame.getClassName().equals("java.util.concurrent.ThreadPoolExecutor")
            && frame.getMethodName().equals("getTask")
            // the result sets' cleaner, waiting for one to become unreachable
            || frame.getClassName().equals("java.lang.ref.ReferenceQueue") && frame.getMethodName().equals("remove"));
  }
}
