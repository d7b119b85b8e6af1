package dev.lakeformation.docs;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The fenced code blocks of the project's Markdown (README.md and docs/*.md), each with the
 * docs-test markers written on the lines just above it. Fences are read as CommonMark has them,
 * as far as these docs go: three or more backticks or tildes, indented as a list item places
 * them (that indentation is taken off the block's lines), closed by a fence of the same
 * character at least as long; the first word of the info string is the language.
 */
final class MarkdownBlocks {
  private static final String MARKER_OPEN = "<!-- docs-test:";
  private static final String MARKER_CLOSE = "-->";

  private MarkdownBlocks() {}

  /** A {@code <!-- docs-test: … -->} comment: its line and the text between the colon and {@code -->}. */
  record Marker(String file, int line, String text) {
    String where() {
      return file + ":" + line;
    }
  }

  /**
   * One fenced block: the file (relative to the project, with {@code /}), the line of its
   * opening fence (from 1), its language in lower case ("" without one), its lines and the
   * markers stacked right above the fence.
   */
  record CodeBlock(String file, int line, String language, List<String> lines, List<Marker> markers) {
    /** The line in the file of the block's line {@code index} (from 0). */
    int lineOf(int index) {
      return line + 1 + index;
    }

    String where() {
      return file + ":" + line;
    }
  }

  /** A file's blocks, and the markers that stand above no block (which mark nothing). */
  record Page(String file, List<CodeBlock> blocks, List<Marker> strayMarkers) {}

  /** README.md and every docs/*.md of the project at {@code root}, in that order. */
  static List<Page> project(Path root) throws IOException {
    List<Path> files = new ArrayList<>(List.of(root.resolve("README.md")));
    try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
      docs.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(files::add);
    }
    List<Page> pages = new ArrayList<>();
    for (Path file : files) {
      String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
      pages.add(read(name, Files.readString(file, UTF_8)));
    }
    return pages;
  }

  /** The blocks of one Markdown text; an unclosed fence is an error, since it swallows the rest of the page. */
  static Page read(String file, String markdown) {
    List<String> lines = markdown.lines().toList();
    List<CodeBlock> blocks = new ArrayList<>();
    List<Marker> stray = new ArrayList<>();
    List<Marker> pending = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String text = line.strip();
      Fence open = Fence.opening(line);
      if (open != null) {
        int close = i + 1;
        while (close < lines.size() && !open.closedBy(lines.get(close))) {
          close++;
        }
        if (close == lines.size()) {
          throw new IllegalArgumentException(file + ":" + (i + 1) + ": this code block is never closed");
        }
        List<String> body = lines.subList(i + 1, close).stream().map(open::unindent).toList();
        blocks.add(new CodeBlock(file, i + 1, open.language(), body, List.copyOf(pending)));
        pending.clear();
        i = close;
      } else if (text.startsWith(MARKER_OPEN) && text.endsWith(MARKER_CLOSE)) {
        pending.add(new Marker(file, i + 1,
            text.substring(MARKER_OPEN.length(), text.length() - MARKER_CLOSE.length()).strip()));
      } else {
        // Anything between a marker and the fence (a blank line too) leaves the marker standing alone.
        stray.addAll(pending);
        pending.clear();
      }
    }
    stray.addAll(pending);
    return new Page(file, List.copyOf(blocks), List.copyOf(stray));
  }

  /** An opening fence: its indentation, character, length and language. */
  private record Fence(int indent, char mark, int length, String language) {
    static Fence opening(String line) {
      int indent = 0;
      while (indent < line.length() && line.charAt(indent) == ' ') {
        indent++;
      }
      int length = run(line, indent);
      if (length < 3) {
        return null;
      }
      char mark = line.charAt(indent);
      String info = line.substring(indent + length).strip();
      if (mark == '`' && info.indexOf('`') >= 0) {
        return null; // inline code spanning a line, as CommonMark reads it
      }
      String language = info.isEmpty() ? "" : info.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
      return new Fence(indent, mark, length, language);
    }

    /** How many fence characters (` or ~, all the same) start at {@code from}. */
    private static int run(String line, int from) {
      if (from >= line.length() || (line.charAt(from) != '`' && line.charAt(from) != '~')) {
        return 0;
      }
      int end = from;
      while (end < line.length() && line.charAt(end) == line.charAt(from)) {
        end++;
      }
      return end - from;
    }

    boolean closedBy(String line) {
      String text = line.stripLeading();
      int length = run(text, 0);
      return length >= this.length && text.charAt(0) == mark && text.substring(length).isBlank();
    }

    /** The line without the fence's indentation (less where the line itself is indented less). */
    String unindent(String line) {
      int cut = 0;
      while (cut < indent && cut < line.length() && line.charAt(cut) == ' ') {
        cut++;
      }
      return line.substring(cut);
    }
  }
}
