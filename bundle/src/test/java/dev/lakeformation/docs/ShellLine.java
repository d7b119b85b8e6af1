package dev.lakeformation.docs;

import dev.lakeformation.docs.MarkdownBlocks.CodeBlock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One command of a shell block, as a user would paste it: {@code text} goes to bash as it is
 * (continuation lines joined by their {@code \}-newline, a trailing {@code #} comment kept),
 * {@code words} is how bash splits it (quotes removed, comments dropped, runs of {@code | & ; < >}
 * as operator words), read to decide what the command needs. {@code output} is what a
 * {@code console} block shows after the command, empty elsewhere.
 */
record ShellLine(String file, int line, String text, List<String> words, List<String> output) {
  static final Set<String> LANGUAGES = Set.of("sh", "bash", "shell", "console");
  private static final String OPERATORS = "|&;<>";
  private static final String CONSOLE_PROMPT = "$ ";

  /**
   * The commands of a shell block. In {@code sh}, {@code bash} and {@code shell} blocks every
   * line that is not blank or a {@code #} comment is a command, with its continuation lines; in
   * a {@code console} block the commands follow {@code $ } and the lines up to the next
   * {@code $ } are their output.
   */
  static List<ShellLine> of(CodeBlock block) {
    boolean console = block.language().equals("console");
    List<ShellLine> commands = new ArrayList<>();
    List<String> lines = block.lines();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (console ? !line.startsWith(CONSOLE_PROMPT) : line.isBlank() || line.strip().startsWith("#")) {
        if (console && !line.isBlank()) {
          throw new IllegalArgumentException(block.file() + ":" + block.lineOf(i) + ": output before any $ command");
        }
        continue;
      }
      int first = i;
      StringBuilder text = new StringBuilder(console ? line.substring(CONSOLE_PROMPT.length()) : line);
      while (text.toString().endsWith("\\") && i + 1 < lines.size()) {
        String next = lines.get(++i);
        text.append('\n').append(console && next.startsWith("> ") ? next.substring(2) : next);
      }
      List<String> output = new ArrayList<>();
      while (console && i + 1 < lines.size() && !lines.get(i + 1).startsWith(CONSOLE_PROMPT)) {
        output.add(lines.get(++i));
      }
      while (!output.isEmpty() && output.get(output.size() - 1).isBlank()) {
        output.remove(output.size() - 1);
      }
      List<String> words;
      try {
        words = words(text.toString());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(block.file() + ":" + block.lineOf(first) + ": " + e.getMessage());
      }
      commands.add(new ShellLine(block.file(), block.lineOf(first), text.toString(), words, List.copyOf(output)));
    }
    return commands;
  }

  /** bash's word splitting, as far as the docs' commands go: quotes, backslashes, comments, operators. */
  static List<String> words(String text) {
    Words words = new Words();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        if (text.charAt(++i) != '\n') { // a backslash-newline joins lines and is no part of a word
          words.append(text.charAt(i));
        }
      } else if (c == '\'') {
        int close = text.indexOf('\'', i + 1);
        if (close < 0) {
          throw new IllegalArgumentException("unclosed ' in: " + text);
        }
        words.append(text.substring(i + 1, close));
        i = close;
      } else if (c == '"') {
        i = doubleQuoted(text, i + 1, words);
      } else if (Character.isWhitespace(c)) {
        words.end();
      } else if (c == '#' && !words.started) {
        break;
      } else if (OPERATORS.indexOf(c) >= 0) {
        words.end();
        int end = i;
        while (end < text.length() && OPERATORS.indexOf(text.charAt(end)) >= 0) {
          end++;
        }
        words.append(text.substring(i, end));
        words.end();
        i = end - 1;
      } else {
        words.append(c);
      }
    }
    words.end();
    return List.copyOf(words.done);
  }

  /** Reads a double-quoted string from {@code from}; returns the index of its closing quote. */
  private static int doubleQuoted(String text, int from, Words words) {
    words.append("");
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        return i;
      }
      if (c == '\\' && i + 1 < text.length() && "$`\"\\\n".indexOf(text.charAt(i + 1)) >= 0) {
        if (text.charAt(++i) != '\n') {
          words.append(text.charAt(i));
        }
      } else {
        words.append(c);
      }
    }
    throw new IllegalArgumentException("unclosed \" in: " + text);
  }

  /** The words so far and the one being read, which may be empty ({@code ''}) and still be a word. */
  private static final class Words {
    final List<String> done = new ArrayList<>();
    final StringBuilder word = new StringBuilder();
    boolean started;

    void append(Object text) {
      word.append(text);
      started = true;
    }

    void end() {
      if (started) {
        done.add(word.toString());
        word.setLength(0);
        started = false;
      }
    }
  }

  String where() {
    return file + ":" + line;
  }

  /** The command on one line, for messages and test names. */
  String display() {
    return text.replaceAll("\\\\\n\\s*", "").strip();
  }

  /** The program run: the first word after any {@code NAME=value} assignments ("" for none). */
  String program() {
    int at = programIndex();
    return at < words.size() ? words.get(at) : "";
  }

  /** The program's file name, without its directory ({@code mvn} for {@code ./mvn} too). */
  String programName() {
    String program = program();
    return program.substring(program.lastIndexOf('/') + 1);
  }

  private int programIndex() {
    int at = 0;
    while (at < words.size() && words.get(at).matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
      at++;
    }
    return at;
  }

  /** The programs the command pipes into, such as {@code head} or {@code jq}. */
  List<String> pipedInto() {
    List<String> programs = new ArrayList<>();
    for (int i = 0; i + 1 < words.size(); i++) {
      if (words.get(i).equals("|")) {
        programs.add(words.get(i + 1));
      }
    }
    return programs;
  }

  /** Whether this runs lfsql or LakeFormation Local from the project: {@code bin/lfsql} or the jar in target/. */
  boolean runsTheJar() {
    int at = programIndex();
    return program().equals("bin/lfsql") || (program().equals("java") && words.size() > at + 2
        && words.get(at + 1).equals("-jar") && words.get(at + 2).matches("target/lakeformation-jdbc-[^/]+\\.jar"));
  }

  /** The jar's arguments, up to the first operator ({@code |}, {@code <}…); empty when it does not run the jar. */
  List<String> jarArguments() {
    if (!runsTheJar()) {
      return List.of();
    }
    int from = programIndex() + (program().equals("java") ? 3 : 1);
    List<String> arguments = new ArrayList<>();
    for (String word : words.subList(from, words.size())) {
      if (isOperator(word)) {
        break;
      }
      arguments.add(word);
    }
    return arguments;
  }

  private boolean asksForHelp() {
    return jarArguments().contains("--help") || jarArguments().contains("-h");
  }

  /** {@code local}: LakeFormation Local as a server, which serves until it is stopped. */
  boolean servesUntilStopped() {
    return !jarArguments().isEmpty() && jarArguments().get(0).equals("local") && !asksForHelp();
  }

  /** lfsql with nothing to run and standard input and output left to the terminal: its prompt. */
  boolean opensPrompt() {
    List<String> arguments = jarArguments();
    return runsTheJar() && !servesUntilStopped() && !asksForHelp() && !arguments.contains("-e")
        && !arguments.contains("-f") && words.stream().noneMatch(ShellLine::isOperator);
  }

  /**
   * Whether what the command showed is what its console block shows: line for line, trailing
   * spaces aside, each {@code …} of the docs standing for any text (a time, a port).
   */
  boolean outputMatches(List<String> shown) {
    if (shown.size() != output.size()) {
      return false;
    }
    for (int i = 0; i < shown.size(); i++) {
      String pattern = Arrays.stream(output.get(i).stripTrailing().split("…", -1)).map(Pattern::quote)
          .collect(Collectors.joining(".*"));
      if (!shown.get(i).stripTrailing().matches(pattern)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isOperator(String word) {
    return !word.isEmpty() && OPERATORS.indexOf(word.charAt(0)) >= 0;
  }
}
