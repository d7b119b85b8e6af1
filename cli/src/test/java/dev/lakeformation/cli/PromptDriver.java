package dev.lakeformation.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Size;
import org.jline.terminal.impl.ExternalTerminal;

/**
 * lfsql at its prompt on a real JLine terminal whose keyboard and screen are this test's: keys
 * go in as a terminal sends them (escape sequences, control characters, which the terminal's
 * line discipline turns into signals as a tty does), the screen and stderr are read back.
 */
final class PromptDriver implements AutoCloseable {
  static final String ENTER = "\r";
  static final String TAB = "\t";
  // JLine switches the terminal to application cursor keys (smkx), where an xterm sends ESC O x.
  static final String LEFT = "\033OD";
  static final String UP = "\033OA";
  static final String BACKSPACE = "\177";
  static final String CTRL_A = "\001";
  static final String CTRL_C = "\003";
  static final String CTRL_D = "\004";
  static final String CTRL_E = "\005";
  static final String CTRL_R = "\022";

  private static final long WAIT_MILLIS = 60_000;

  private final OutputStream keyboard;
  private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final FutureTask<Integer> lfsql;
  private int screenSeen;
  private int errSeen;

  PromptDriver(Path historyFile, String... args) throws IOException {
    PipedOutputStream keys = new PipedOutputStream();
    InputStream typed = new PipedInputStream(keys, 1 << 16);
    this.keyboard = keys;
    ExternalTerminal terminal = new ExternalTerminal("lfsql-test", "xterm", typed, screen, UTF_8);
    terminal.setSize(new Size(160, 50));
    this.lfsql = new FutureTask<>(() -> Lfsql.run(args, InputStream.nullInputStream(),
        new PrintStream(OutputStream.nullOutputStream()), new PrintStream(err, true, UTF_8),
        new TerminalPrompt.Setup(() -> terminal, historyFile)));
    Thread thread = new Thread(lfsql, "lfsql-at-the-prompt");
    thread.setDaemon(true);
    thread.start();
  }

  void type(String keys) throws IOException {
    keyboard.write(keys.getBytes(UTF_8));
    keyboard.flush();
  }

  /** The screen so far: what lfsql and JLine wrote, escape sequences included, line ends as \n. */
  String screen() {
    return screen.toString(UTF_8).replace("\r", "");
  }

  String err() {
    return err.toString(UTF_8);
  }

  /** Waits until {@code text} shows on the screen after what earlier waits found. */
  void awaitScreen(String text) throws InterruptedException {
    screenSeen = await(text, this::screen, screenSeen);
  }

  /** Waits until {@code text} shows on stderr after what earlier waits found. */
  void awaitErr(String text) throws InterruptedException {
    errSeen = await(text, this::err, errSeen);
  }

  private static int await(String text, java.util.function.Supplier<String> output, int from)
      throws InterruptedException {
    long end = System.currentTimeMillis() + WAIT_MILLIS;
    while (true) {
      String now = output.get();
      int at = now.indexOf(text, from);
      if (at >= 0) {
        return at + text.length();
      }
      if (System.currentTimeMillis() > end) {
        throw new AssertionError("never shown: " + text + "\n--- since:\n" + now.substring(Math.min(from,
            now.length())) + "\n--- all:\n" + now);
      }
      Thread.sleep(20);
    }
  }

  /** Waits for lfsql to end and returns its exit status. */
  int exitStatus() throws Exception {
    return lfsql.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
  }

  boolean ended() {
    return lfsql.isDone();
  }

  /** The keyboard goes away: end of input, as when the terminal closes. */
  @Override
  public void close() throws IOException {
    keyboard.close();
  }
}
