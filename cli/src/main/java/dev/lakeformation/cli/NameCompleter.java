package dev.lakeformation.cli;

import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion at the prompt: backslash commands at the start of a line, elsewhere SQL
 * keywords, databases, tables and columns from {@link SqlNames}. JLine keeps the candidates
 * that start with the word typed (ignoring case) and inserts the only one or lists them.
 */
final class NameCompleter implements Completer {
  private final SqlNames names;

  NameCompleter(SqlNames names) {
    this.names = names;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    String word = line.word().substring(0, line.wordCursor());
    if (line.wordIndex() == 0 && word.startsWith("\\")) {
      for (String command : Commands.NAMES) {
        candidates.add(new Candidate(command));
      }
      return;
    }
    for (String name : names.candidates(word)) {
      // "tpch." is half a name: no space after it, so that the table can follow.
      boolean whole = !name.endsWith(".");
      candidates.add(new Candidate(name, name, null, null, null, null, whole));
    }
  }
}
