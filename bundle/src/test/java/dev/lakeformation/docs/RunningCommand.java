package dev.lakeformation.docs;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * A process the docs tests started: its output (stdout and stderr together, as a terminal shows
 * them) gathered by a thread so that the process never blocks on a full pipe, waits for what
 * should appear, keys typed into its input, and a stop that reaches the processes it started.
 */
final class RunningCommand implements AutoCloseable {
  private final Process process;
  private final ByteArrayOutputStream output = new ByteArrayOutputStream();
  private final Thread reader;
  /** Where the last wait's match ended: each wait looks only after it. */
  private int seen;

  RunningCommand(ProcessBuilder builder) throws IOException {
    process = builder.redirectErrorStream(true).start();
    reader = new Thread(() -> {
      try {
        process.getInputStream().transferTo(output);
      } catch (IOException e) {
        // the process ended
      }
    }, "docs-test-output");
    reader.setDaemon(true);
    reader.start();
  }

  String output() {
    return output.toString(UTF_8);
  }

  /** Waits until {@code text} is shown; returns what was shown since the last wait, up to and with it. */
  String await(String text, Duration limit) throws InterruptedException {
    return waitFor("`" + text + "`", limit, shown -> {
      int at = shown.indexOf(text, seen);
      return at < 0 ? -1 : at + text.length();
    });
  }

  /** Waits for the next whole line that is {@code wanted}; returns it, without its line end. */
  String awaitLine(String what, Predicate<String> wanted, Duration limit) throws InterruptedException {
    String since = waitFor(what, limit, shown -> {
      for (int from = seen, end; (end = shown.indexOf('\n', from)) >= 0; from = end + 1) {
        if (wanted.test(shown.substring(from, end).replace("\r", ""))) {
          return end + 1;
        }
      }
      return -1;
    });
    String line = since.substring(0, since.length() - 1).replace("\r", "");
    return line.substring(line.lastIndexOf('\n') + 1);
  }

  private String waitFor(String what, Duration limit, ToIntFunction<String> endOfMatch) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      boolean allRead = !reader.isAlive(); // read before the output, so that nothing comes after it
      String shown = output();
      int end = endOfMatch.applyAsInt(shown);
      if (end >= 0) {
        String since = shown.substring(seen, end);
        seen = end;
        return since;
      }
      if (allRead || System.nanoTime() > deadline) {
        throw new AssertionError((allRead ? "ended" : "nothing more after " + limit.toSeconds() + " s")
            + " without showing " + what + "; it showed:\n" + shown);
      }
      Thread.sleep(20);
    }
  }

  void type(String keys) throws IOException {
    process.getOutputStream().write(keys.getBytes(UTF_8));
    process.getOutputStream().flush();
  }

  /** Nothing more to type: standard input ends. */
  void endInput() throws IOException {
    process.getOutputStream().close();
  }

  /** Waits for the process to end by itself, and for all its output; returns its exit status. */
  int awaitExit(Duration limit) throws InterruptedException {
    if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("still running after " + limit.toSeconds() + " s; it showed:\n" + output());
    }
    reader.join(10_000);
    return process.exitValue();
  }

  /** SIGTERM (Ctrl-C's effect on a server) to the process and all it started; whether all ended within the limit. */
  boolean stop(Duration limit) throws InterruptedException, ExecutionException {
    List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
    all.add(process.toHandle());
    all.forEach(ProcessHandle::destroy);
    try {
      for (ProcessHandle handle : all) {
        handle.onExit().get(limit.toMillis(), TimeUnit.MILLISECONDS);
      }
      return true;
    } catch (TimeoutException e) {
      return false;
    }
  }

  /** Whatever still runs is killed: a failed test leaves no process behind. */
  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }
}
