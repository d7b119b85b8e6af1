package dev.lakeformation.cli;

import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;

/**
 * How JLine reads SQL at the prompt: Enter runs what was typed once its statements end with
 * {@code ;} (or it is a command), and otherwise asks for another line; words for completion
 * are split at spaces and SQL punctuation, keeping {@code schema.table} whole.
 */
final class SqlLineParser extends DefaultParser {
  private static final String PUNCTUATION = ",()=<>+*/;|";

  SqlLineParser() {
    escapeChars(null); // a backslash starts a command; in SQL it escapes nothing
    lineCommentDelims(new String[] {"--"});
  }

  @Override
  public ParsedLine parse(String line, int cursor, ParseContext context) {
    if (context == ParseContext.ACCEPT_LINE && !StatementReader.isComplete(line)) {
      // JLine's way of asking for one more line: the buffer keeps growing until a ; ends it.
      throw new EOFError(-1, -1, "the statement goes on until ;");
    }
    return super.parse(line, cursor, context);
  }

  @Override
  public boolean isDelimiterChar(CharSequence buffer, int pos) {
    char ch = buffer.charAt(pos);
    return Character.isWhitespace(ch) || PUNCTUATION.indexOf(ch) >= 0;
  }
}
