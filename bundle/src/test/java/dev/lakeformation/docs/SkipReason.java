package dev.lakeformation.docs;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Why an example of the docs does not run in the docs tests: the fixed list of reasons a marker
 * may give, {@code <!-- docs-test: skip: REASON -->} on the line right above the block. For a
 * shell command each reason says which commands it covers, so that the test can tell a command
 * that must be marked from one that must run: a marker excuses only the commands of its block
 * that its reason covers (the others still run), and covers at least one of them, or it is
 * stale. SQL has no such shape; there a marker is judged by running the statements (see
 * DocSqlExamplesTest).
 */
enum SkipReason {
  /** A driver URL without {@code Local=true} or an {@code Endpoint} on loopback: real AWS, which tests never reach. */
  NEEDS_AWS("needs an AWS account") {
    @Override
    boolean covers(ShellLine command) {
      return command.words().stream().filter(w -> w.contains(URL_START))
          .anyMatch(w -> leavesThisMachine(w.substring(w.indexOf(URL_START))));
    }
  },
  /** Maven: the tests run inside {@code mvn verify}, and a build within the build would take minutes and race it. */
  BUILDS_THE_PROJECT("builds the project itself") {
    @Override
    boolean covers(ShellLine command) {
      return Set.of("mvn", "mvnw").contains(command.programName());
    }
  },
  /** bin/bench takes minutes and the whole machine; benchmarks.md's figures come from it. */
  BENCHMARK("a benchmark run of minutes") {
    @Override
    boolean covers(ShellLine command) {
      return command.program().equals("bin/bench");
    }
  },
  /** Spark's own launchers; the build has no Spark distribution. */
  NEEDS_SPARK("needs a Spark installation") {
    @Override
    boolean covers(ShellLine command) {
      return Set.of("spark-shell", "spark-submit", "spark-sql", "pyspark").contains(command.programName());
    }
  },
  /** A form with "…" for the reader to fill in (arguments, a key), not a command as it stands. */
  ELIDED("has … to fill in") {
    @Override
    boolean covers(ShellLine command) {
      return command.words().stream().anyMatch(w -> w.contains("…"));
    }
  };

  private static final String URL_START = "jdbc:lakeformation:";
  private static final String MARKER_PREFIX = "skip:";
  private static final Pattern LOOPBACK = Pattern.compile(
      "https?://(127\\.\\d+\\.\\d+\\.\\d+|localhost|\\[::1])(:\\d+)?(/.*)?", Pattern.CASE_INSENSITIVE);

  final String text;

  SkipReason(String text) {
    this.text = text;
  }

  abstract boolean covers(ShellLine command);

  /** The marker to write above a block for this reason. */
  String marker() {
    return "<!-- docs-test: " + MARKER_PREFIX + " " + text + " -->";
  }

  /** The reason a marker's text ({@code skip: …}) gives, if it is one of the list. */
  static Optional<SkipReason> ofMarker(String markerText) {
    if (!markerText.startsWith(MARKER_PREFIX)) {
      return Optional.empty();
    }
    String reason = markerText.substring(MARKER_PREFIX.length()).strip();
    return Arrays.stream(values()).filter(r -> r.text.equals(reason)).findFirst();
  }

  /** Every marker, as a list for messages. */
  static String markers() {
    return String.join(", ", Arrays.stream(values()).map(SkipReason::marker).toList());
  }

  /**
   * Whether a driver URL leads off this machine: the driver goes to AWS unless {@code Local=true}
   * starts LakeFormation Local or {@code Endpoint} names a loopback address.
   */
  private static boolean leavesThisMachine(String url) {
    for (String pair : url.substring(url.indexOf("//") + 2).split(";")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair.strip() : pair.substring(0, eq).strip();
      String value = eq < 0 ? "" : pair.substring(eq + 1).strip();
      if ((key.equalsIgnoreCase("Local") && value.equalsIgnoreCase("true"))
          || (key.equalsIgnoreCase("Endpoint") && LOOPBACK.matcher(value).matches())) {
        return false;
      }
    }
    return true;
  }
}
