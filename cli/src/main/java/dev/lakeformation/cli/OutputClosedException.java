package dev.lakeformation.cli;

/**
 * Standard output was closed while rows were written (the reader of a pipe went away, as with
 * {@code lfsql … | head}). PrintStream swallows the IOException, so the formats ask
 * {@link java.io.PrintStream#checkError()} after each row and throw this instead.
 */
final class OutputClosedException extends Exception {
  private static final long serialVersionUID = 1L;

  OutputClosedException() {
    super("standard output was closed", null, false, false);
  }

  /** Flushes {@code out} and throws when anything written to it so far could not be. */
  static void check(java.io.PrintStream out) throws OutputClosedException {
    if (out.checkError()) {
      throw new OutputClosedException();
    }
  }
}
