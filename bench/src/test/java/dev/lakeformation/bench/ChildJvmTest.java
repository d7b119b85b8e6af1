package dev.lakeformation.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChildJvmTest {
  private static String testClasses() throws Exception {
    return Path.of(ChildJvmTest.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }

  /** Prints its arguments and the heap it was given, then exits with the status its first argument names. */
  public static final class Prints {
    public static void main(String[] args) {
      System.out.println(String.join(" ", args) + " " + Runtime.getRuntime().maxMemory() / (1 << 20));
      System.exit(Integer.parseInt(args[0]));
    }
  }

  /** Prints a line and never ends. */
  public static final class Hangs {
    public static void main(String[] args) throws InterruptedException {
      System.out.println("started");
      System.out.flush();
      Thread.sleep(Long.MAX_VALUE);
    }
  }

  @Test
  void returnsWhatTheChildPrintsInItsOwnJvm() throws Exception {
    String printed = ChildJvm.run("printing", Duration.ofMinutes(1), "64m", testClasses(), Prints.class, "0", "a b");
    String[] words = printed.split(" ");
    assertEquals("0 a b", printed.substring(0, printed.lastIndexOf(' ')));
    // The heap the child was given, not this JVM's.
    long heapMegabytes = Long.parseLong(words[words.length - 1]);
    assertTrue(heapMegabytes <= 64, printed);
  }

  @Test
  void aChildThatFailsFailsTheFigureWithItsStatusAndOutput() throws Exception {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ChildJvm.run("printing", Duration.ofMinutes(1), "64m", testClasses(), Prints.class, "3"));
    assertTrue(e.getMessage().startsWith("printing failed with exit status 3: 3 "), e.getMessage());
  }

  @Test
  void aChildThatHangsIsStoppedOnceItsTimeIsUp() throws Exception {
    long start = System.nanoTime();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ChildJvm.run("hanging", Duration.ofSeconds(10), "64m", testClasses(), Hangs.class));
    long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
    assertTrue(seconds < 40, "took " + seconds + " s");
    // Ten seconds: time enough for a JVM to start and print, even on a busy machine.
    assertEquals("hanging did not finish within 10 s and was stopped; its output so far: started", e.getMessage());
    assertEquals(0, ProcessHandle.current().children().count(), "the child is gone, not left running");
  }
}
