package dev.lakeformation.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** lfsql's command line, parsed; {@link #parse} throws IllegalArgumentException saying what is wrong. */
record Options(boolean help, String url, String sql, OutputFormat format, boolean noProgress, boolean queryIds,
    boolean debug) {
  static final String LOCAL_URL = "jdbc:lakeformation://Local=true";

  static final String USAGE = """
      usage: lfsql (--url URL | --local) [-e SQL | -f FILE] [--format FORMAT] [--no-progress] [--query-id]
                   [--debug]
             lfsql local [options]      (LakeFormation Local as a server; see lfsql local --help)
        --url URL      a driver URL, jdbc:lakeformation://Region=…;Database=…
        --local        LakeFormation Local in this process, with the tpch and types databases
        -e SQL         run SQL and exit;  -f FILE: run the statements in FILE and exit
                       (neither: a prompt on a terminal, else statements ending in ; from standard input)
        --format F     table (default), csv, json or jsonl
        --no-progress  no progress line on the terminal for long queries
        --query-id     the Lake Formation query ID of each statement, after its row count
        --debug        print stack traces with errors
        -h, --help     this help
      At the prompt, \\? lists the commands and keys.""";

  static Options parse(String[] args) {
    String url = null;
    String sql = null;
    OutputFormat format = OutputFormat.TABLE;
    boolean noProgress = false;
    boolean queryIds = false;
    boolean debug = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--url" -> url = value(args, ++i);
        case "--local" -> url = LOCAL_URL;
        case "-e" -> sql = value(args, ++i);
        case "-f" -> sql = readFile(value(args, ++i));
        case "--format" -> format = OutputFormat.named(value(args, ++i));
        case "--no-progress" -> noProgress = true;
        case "--query-id" -> queryIds = true;
        case "--debug" -> debug = true;
        case "-h", "--help" -> {
          return new Options(true, null, null, format, noProgress, queryIds, debug);
        }
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (url == null) {
      throw new IllegalArgumentException("say where to connect: --url URL or --local");
    }
    return new Options(false, url, sql, format, noProgress, queryIds, debug);
  }

  private static String readFile(String name) {
    try {
      return Files.readString(Path.of(name), StandardCharsets.UTF_8);
    } catch (IOException | InvalidPathException e) {
      throw new IllegalArgumentException("cannot read the SQL file " + name + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a value");
    }
    return args[i];
  }
}
