package dev.lakeformation.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.docs.MarkdownBlocks.CodeBlock;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShellLineTest {
  private static List<ShellLine> commands(String language, String... lines) {
    return ShellLine.of(new CodeBlock("a.md", 10, language, List.of(lines), List.of()));
  }

  private static ShellLine command(String text) {
    return commands("sh", text).get(0);
  }

  private static List<SkipReason> reasons(String text) {
    return Arrays.stream(SkipReason.values()).filter(r -> r.covers(command(text))).toList();
  }

  @Test
  void wordsAreSplitAsBashSplitsThem() {
    assertEquals(List.of("bin/lfsql", "-e", "SELECT 'a b' -- \"x\"", "|", "head", "-3"),
        ShellLine.words("bin/lfsql -e \"SELECT 'a b' -- \\\"x\\\"\" | head -3   # a comment"));
    assertEquals(List.of("a b", "c#d", "e", "2", ">&", "1"), ShellLine.words("'a b' c#d \\\n  e 2>&1"));
  }

  @Test
  void commentsAndBlankLinesAreNoCommandsAndContinuationLinesJoinTheirCommand() {
    List<ShellLine> commands = commands("sh", "# build", "", "java -jar x.jar \\", "    --format csv", "ls");
    assertEquals(List.of(13, 15), commands.stream().map(ShellLine::line).toList());
    assertEquals("java -jar x.jar \\\n    --format csv", commands.get(0).text());
    assertEquals("java -jar x.jar --format csv", commands.get(0).display());
  }

  @Test
  void aConsoleBlockHasCommandsAfterTheDollarAndTheirOutputAfterThem() {
    List<ShellLine> commands = commands("console", "$ bin/lfsql --local \\", "> -e \"SELECT 1\"", "1", "1 row in … s",
        "", "$ ls");
    assertEquals("bin/lfsql --local \\\n-e \"SELECT 1\"", commands.get(0).text());
    assertEquals(List.of("1", "1 row in … s"), commands.get(0).output());
    assertTrue(commands.get(0).outputMatches(List.of("1", "1 row in 0.25 s  ")));
    assertFalse(commands.get(0).outputMatches(List.of("1", "1 row in 0.25 ms")));
    assertFalse(commands.get(0).outputMatches(List.of("1")));
    assertEquals(List.of(), commands.get(1).output());
  }

  @Test
  void whatALineRuns() {
    ShellLine jar = command("java -jar target/lakeformation-jdbc-0.1.0.jar local --port 0 --scale 0.1");
    assertTrue(jar.runsTheJar());
    assertEquals(List.of("local", "--port", "0", "--scale", "0.1"), jar.jarArguments());
    assertTrue(jar.servesUntilStopped());
    assertFalse(command("bin/lfsql local --help").servesUntilStopped());
    assertTrue(command("bin/lfsql --local   # a prompt").opensPrompt());
    assertFalse(command("bin/lfsql --local -e \"SELECT 1\"").opensPrompt());
    assertFalse(command("bin/lfsql --local < queries.sql").opensPrompt());
    assertFalse(command("java -jar other.jar --local").runsTheJar());
    assertEquals("mvn", command("JAZZER_FUZZ=1 ./mvn -B test").programName());
    assertEquals(List.of("jq", "head"), command("bin/lfsql --local < q.sql | jq .a | head -1").pipedInto());
  }

  @Test
  void eachSkipReasonCoversItsCommands() {
    assertEquals(List.of(SkipReason.NEEDS_AWS), reasons("bin/lfsql --url \"jdbc:lakeformation://Region=us-east-1\""));
    assertEquals(List.of(), reasons("bin/lfsql --url 'jdbc:lakeformation://local=TRUE;Database=tpch'"));
    assertEquals(List.of(), reasons("bin/lfsql --url 'jdbc:lakeformation://Endpoint=http://127.0.0.1:8080;Region=x'"));
    assertEquals(List.of(SkipReason.NEEDS_AWS),
        reasons("bin/lfsql --url 'jdbc:lakeformation://Endpoint=https://lakeformation.example.com;Region=x'"));
    assertEquals(List.of(SkipReason.BUILDS_THE_PROJECT), reasons("JAZZER_FUZZ=1 mvn -B test"));
    assertEquals(List.of(SkipReason.BENCHMARK), reasons("bin/bench --quick"));
    assertEquals(List.of(SkipReason.NEEDS_SPARK), reasons("$SPARK_HOME/bin/spark-shell --jars x.jar"));
    assertEquals(List.of(SkipReason.ELIDED), reasons("java -jar target/lakeformation-jdbc-0.1.0.jar …"));
    assertEquals(List.of(), reasons("bin/lfsql --local"));
    assertEquals(SkipReason.NEEDS_AWS, SkipReason.ofMarker("skip: needs an AWS account").orElseThrow());
    assertTrue(SkipReason.ofMarker("skip: needs AWS").isEmpty());
  }
}
