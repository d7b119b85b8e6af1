package dev.lakeformation.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One run of lfsql in this JVM without a terminal: its exit status, stdout and stderr. */
record LfsqlRun(int exit, String out, String err) {
  static LfsqlRun of(String... args) {
    return withInput("", args);
  }

  /** lfsql reading {@code input} as its standard input, which is not a terminal. */
  static LfsqlRun withInput(String input, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Lfsql.run(args, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new LfsqlRun(exit, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }
}
