package dev.lakeformation.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.stream.Collectors.joining;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lakeformation.jdbc.driver.LocalFixture;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * lfsql from the one-file jar, in fresh JVMs with no flags (this JDK and those named in
 * {@code lakeformation.test.jdks}): the pipe that closes early, --help, and the prompt on a
 * real pseudo-terminal, where the relocated JLine must find its terminal provider.
 */
class LfsqlJarIT {
  private static final Path JAR = Path.of(System.getProperty("lakeformation.jar",
      "target/lakeformation-jdbc-0.1.0.jar"));
  /** script(1), which runs a command on a new pseudo-terminal, from the PATH; null without one. */
  private static final Path SCRIPT = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
      .filter(dir -> !dir.isEmpty()).map(dir -> Path.of(dir, "script")).filter(Files::isExecutable).findFirst()
      .orElse(null);

  static LocalFixture fixture;

  @TempDir
  Path home;

  @BeforeAll
  static void start() throws Exception {
    fixture = LocalFixture.shared();
  }

  static Stream<String> javaHomes() {
    List<String> homes = new ArrayList<>(List.of(System.getProperty("java.home")));
    Arrays.stream(System.getProperty("lakeformation.test.jdks", "").split(",")).map(String::strip)
        .filter(s -> !s.isEmpty()).forEach(homes::add);
    return homes.stream();
  }

  private static String java(String home) {
    return Path.of(home, "bin", "java").toString();
  }

  /** Stderr without JDK 24+'s notice about Arrow's use of sun.misc.Unsafe, the only output allowed there. */
  private static String withoutUnsafeNotice(String stderr) {
    return stderr.lines().filter(l -> !l.startsWith("WARNING: ") || !(l.contains("sun.misc.Unsafe")
        || l.contains("MemoryUtil"))).collect(joining("\n"));
  }

  @ParameterizedTest
  @MethodSource("javaHomes")
  void whenThePipeClosesTheQueryIsCancelledAndLfsqlEndsAtOnceWithStatusZero(String javaHome) throws Exception {
    // 60 work units one at a time, 200 ms each: reading them all would take over 12 seconds.
    fixture.local.faults().workUnitLatencyMillis(200);
    Path err = Files.createTempFile("lfsql-head", ".err");
    try {
      long fetchedBefore = fixture.local.requestCount("GetWorkUnitResults");
      Process process = new ProcessBuilder(java(javaHome), "-jar", JAR.toString(), "--url",
          fixture.url("Database=tpch;MaxConcurrentWorkUnits=1"), "--format", "csv", "-e", "SELECT * FROM lineitem")
          .redirectError(err.toFile()).start();
      // What `| head -2` does: read two lines, then close the pipe.
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8));
      assertTrue(out.readLine().startsWith("l_orderkey,"));
      assertTrue(out.readLine().startsWith("1,"));
      long closed = System.nanoTime();
      out.close();
      assertTrue(process.waitFor(2, TimeUnit.MINUTES), "lfsql went on after its output closed");
      long secondsAfterClose = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - closed);
      assertEquals(0, process.exitValue(), Files.readString(err));
      assertEquals("", withoutUnsafeNotice(Files.readString(err)));
      assertTrue(secondsAfterClose < 8, "ended " + secondsAfterClose + " s after the pipe closed");
      long fetched = fixture.local.requestCount("GetWorkUnitResults") - fetchedBefore;
      assertTrue(fetched < 30, "work units fetched of 60: " + fetched);
    } finally {
      fixture.local.faults().clear();
      Files.deleteIfExists(err);
    }
  }

  @ParameterizedTest
  @MethodSource("javaHomes")
  void everyHelpExitsWithStatusZero(String javaHome) throws Exception {
    for (List<String> help : List.of(List.of("--help"), List.of("-h"), List.of("local", "--help"))) {
      List<String> command = new ArrayList<>(List.of(java(javaHome), "-jar", JAR.toString()));
      command.addAll(help);
      Process process = new ProcessBuilder(command).start();
      String out = new String(process.getInputStream().readAllBytes(), UTF_8);
      String err = new String(process.getErrorStream().readAllBytes(), UTF_8);
      assertTrue(process.waitFor(1, TimeUnit.MINUTES));
      assertEquals(0, process.exitValue(), help + ": " + err);
      assertTrue(out.startsWith("usage: "), out);
      assertEquals("", withoutUnsafeNotice(err), help.toString());
    }
  }

  @Test
  void jlineIsInsideWithItsProviderFilesRelocatedAndNoNativeCode() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      List<String> names = jar.stream().map(JarEntry::getName).toList();
      assertFalse(names.stream().anyMatch(n -> n.startsWith("META-INF/jline/")),
          "a host application's JLine would read these: " + names.stream().filter(n -> n.contains("jline/")).toList());
      assertFalse(names.stream().anyMatch(n -> n.endsWith(".so") || n.endsWith(".dll") || n.endsWith(".jnilib")),
          "native libraries in the jar");
      JarEntry exec = jar.getJarEntry("META-INF/services/dev.lakeformation.jdbc.shaded.jline.provider.exec");
      String provider = new String(jar.getInputStream(exec).readAllBytes(), UTF_8).lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#")).findFirst().orElseThrow().strip();
      assertEquals("dev.lakeformation.jdbc.shaded.org.jline.terminal.impl.exec.ExecTerminalProvider", provider);
      assertTrue(names.contains(provider.replace('.', '/') + ".class"));
    }
  }

  /**
   * lfsql's prompt on a pseudo-terminal made by script(1): the exec provider of the relocated
   * JLine has to be found and work (it switches the terminal to application keys, which the
   * dumb fallback never does), Tab completes, and Ctrl-C, which the terminal turns into SIGINT,
   * cancels the running query; nothing is printed but the session itself.
   */
  @ParameterizedTest
  @MethodSource("javaHomes")
  void thePromptWorksOnARealTerminal(String javaHome) throws Exception {
    fixture.local.faults().workUnitLatencyMillis(200);
    try {
      Process process = onTerminal(javaHome, "xterm");
      Screen screen = new Screen(process.getInputStream());
      OutputStream keyboard = process.getOutputStream();
      screen.await("lfsql> ");
      type(keyboard, "SELECT r_na\tFROM regi\tWHERE r_regionkey = 1;\r");
      screen.await("AMERICA");
      screen.await("lfsql> ");
      type(keyboard, "SELECT l_orderkey FROM lineitem;\r");
      screen.await("l_orderkey\r\n1\r\n"); // the header and first row, not the echo of the typing
      type(keyboard, "\003");
      screen.await("ERROR HY008: ");
      screen.await("lfsql> ");
      type(keyboard, "\004");
      assertTrue(process.waitFor(1, TimeUnit.MINUTES), screen.text());
      assertEquals(0, process.exitValue(), screen.text());
      String text = screen.text();
      assertTrue(text.contains("\033[?1h"), "not JLine's exec terminal: " + text);
      assertFalse(withoutUnsafeNotice(text).contains("WARNING"), text);
      assertFalse(text.contains("60175 rows"), text);
      assertTrue(Files.readString(home.resolve(".lfsql_history")).contains("SELECT r_name FROM region"));
    } finally {
      fixture.local.faults().clear();
    }
  }

  /** TERM=dumb: JLine reads plain lines, and Ctrl-C must still cancel rather than end lfsql. */
  @ParameterizedTest
  @MethodSource("javaHomes")
  void onADumbTerminalCtrlCStillCancels(String javaHome) throws Exception {
    fixture.local.faults().workUnitLatencyMillis(200);
    try {
      Process process = onTerminal(javaHome, "dumb");
      Screen screen = new Screen(process.getInputStream());
      OutputStream keyboard = process.getOutputStream();
      screen.await("lfsql> ");
      type(keyboard, "SELECT l_orderkey FROM lineitem;\r");
      screen.await("l_orderkey\r\n1\r\n");
      type(keyboard, "\003");
      screen.await("ERROR HY008: ");
      screen.await("lfsql> ");
      type(keyboard, "SELECT r_name FROM region WHERE r_regionkey = 1;\r");
      screen.await("AMERICA");
      screen.await("lfsql> ");
      type(keyboard, "\004");
      assertTrue(process.waitFor(1, TimeUnit.MINUTES), screen.text());
      assertEquals(0, process.exitValue(), screen.text());
      assertFalse(withoutUnsafeNotice(screen.text()).contains("WARNING"), screen.text());
    } finally {
      fixture.local.faults().clear();
    }
  }

  /**
   * The jar's lfsql on a pseudo-terminal made by script(1), whose keyboard and screen are the
   * process's standard streams here.
   */
  private Process onTerminal(String javaHome, String term) throws IOException {
    assumeTrue(SCRIPT != null, "script(1) makes the pseudo-terminal");
    // script(1) fed from a pipe gives its terminal no size; a window of a real terminal has one.
    // exec: the shell script(1) starts would get the Ctrl-C too, and some shells (dash) die of it
    // and leave status 130 behind while lfsql goes on; a person's terminal has no such shell.
    String lfsql = String.join(" ", "stty cols 160 rows 50; exec", java(javaHome), "-Duser.home=" + home, "-jar",
        JAR.toString(), "--url", "'" + fixture.url("Database=tpch;MaxConcurrentWorkUnits=1") + "'", "--format", "csv",
        // The progress line would land among the rows the tests wait for whenever a query takes over a second.
        "--no-progress");
    ProcessBuilder builder = new ProcessBuilder(SCRIPT.toString(), "-qec", lfsql, "/dev/null").redirectErrorStream(true);
    builder.environment().put("TERM", term);
    return builder.start();
  }

  private static void type(OutputStream keyboard, String keys) throws IOException {
    keyboard.write(keys.getBytes(UTF_8));
    keyboard.flush();
  }

  /** Everything a process writes, gathered by a thread, and waits for what should appear. */
  private static final class Screen {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private int seen;

    Screen(InputStream in) {
      Thread reader = new Thread(() -> {
        try {
          in.transferTo(bytes);
        } catch (IOException e) {
          // the process ended
        }
      }, "lfsql-screen");
      reader.setDaemon(true);
      reader.start();
    }

    String text() {
      return bytes.toString(UTF_8);
    }

    void await(String wanted) throws InterruptedException {
      long end = System.currentTimeMillis() + 60_000;
      int at;
      while ((at = text().indexOf(wanted, seen)) < 0) {
        if (System.currentTimeMillis() > end) {
          throw new AssertionError("never shown: " + wanted + "\n--- screen:\n" + text());
        }
        Thread.sleep(20);
      }
      seen = at + wanted.length();
    }
  }
}
