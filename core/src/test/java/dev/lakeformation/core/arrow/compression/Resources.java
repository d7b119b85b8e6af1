package dev.lakeformation.core.arrow.compression;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The inputs other producers wrote (see make_inputs.sh beside them), and what they hold. */
public final class Resources {
  private Resources() {}

  public static byte[] bytes(String name) throws IOException {
    try (InputStream in = Resources.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("no test resource " + name);
      }
      return in.readAllBytes();
    }
  }

  static byte[] bytesUnchecked(String name) {
    try {
      return bytes(name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text every bare frame holds: 5,000 numbered lines, as make_inputs.sh writes them. */
  static byte[] lines() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      text.append(String.format("%08d the quick brown fox %d%n", i, i % 97).replace(System.lineSeparator(), "\n"));
    }
    return text.toString().getBytes(US_ASCII);
  }
}
