package dev.lakeformation.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A benchmark program run in a fresh JVM of its own (so that its CPU, memory and JIT are its
 * own), whose result is what it prints on standard output; what it prints on standard error
 * goes to this JVM's.
 *
 * <p>The output goes to a file, not a pipe read here: a read of the pipe would block until the
 * child ends, so a child that hangs would hang the whole suite with it. Here it is stopped once
 * its time is up, and the suite fails with a message that names it.
 */
final class ChildJvm {
  private ChildJvm() {}

  /**
   * Runs {@code main} with {@code args} in a JVM with the given maximum heap and class path, and
   * returns its output, stripped.
   *
   * @param what what the child does, for the message of a failure
   * @throws IllegalStateException when it exits with another status than 0 or runs past {@code limit}
   */
  static String run(String what, Duration limit, String maxHeap, String classPath, Class<?> main, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + maxHeap, "-cp", classPath, main.getName()));
    command.addAll(List.of(args));
    Path output = Files.createTempFile("lakeformation-bench-", ".out");
    Process child = null;
    try {
      child = new ProcessBuilder(command).redirectOutput(output.toFile())
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      if (!child.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        child.destroyForcibly().waitFor();
        throw new IllegalStateException(what + " did not finish within " + limit.toSeconds() + " s and was stopped;"
            + " its output so far: " + Files.readString(output, StandardCharsets.UTF_8).strip());
      }
      String printed = Files.readString(output, StandardCharsets.UTF_8).strip();
      if (child.exitValue() != 0) {
        throw new IllegalStateException(what + " failed with exit status " + child.exitValue() + ": " + printed);
      }
      return printed;
    } finally {
      if (child != null && child.isAlive()) { // this thread was interrupted while it waited
        child.destroyForcibly();
      }
      Files.deleteIfExists(output);
    }
  }
}
