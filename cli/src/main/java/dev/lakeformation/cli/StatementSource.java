package dev.lakeformation.cli;

import java.io.IOException;

/** Where lfsql's statements and commands come from: a script, standard input or the prompt. */
interface StatementSource {
  /** The next statement (without its {@code ;}) or command, or null when there are no more. */
  String next() throws IOException;
}
