package dev.lakeformation.docs;

import dev.lakeformation.docs.MarkdownBlocks.CodeBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statements of an SQL block, made runnable on LakeFormation Local. The docs write the ID of
 * a query planned elsewhere as a placeholder, and the test puts the ID of a real query there:
 * <ul>
 *   <li>a string literal {@code '…'}, or one that starts with {@code 0123abcd-} (such as
 *       {@code '0123abcd-0000-0000-0000-000000000000'}), is a query ID;
 *   <li>a statement with {@code ?} parameters runs as a PreparedStatement with each one bound to
 *       a query ID.
 * </ul>
 * Statements end with {@code ;} (the last one may go without); comments are dropped.
 */
final class SqlExample {
  private static final Pattern QUERY_ID = Pattern.compile("'(…|0123abcd-[^']*)'");

  private SqlExample() {}

  /** One statement: the line of the file where it starts, its text without comments, its {@code ?} count. */
  record DocStatement(String file, int line, String sql, int parameters) {
    String where() {
      return file + ":" + line;
    }

    /** The statement with every query-ID placeholder replaced by {@code queryId}. */
    String withQueryId(String queryId) {
      return QUERY_ID.matcher(sql).replaceAll(Matcher.quoteReplacement("'" + queryId + "'"));
    }
  }

  static List<DocStatement> statements(CodeBlock block) {
    String text = String.join("\n", block.lines());
    List<DocStatement> statements = new ArrayList<>();
    StringBuilder sql = new StringBuilder();
    int start = -1;
    int parameters = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int end = i;
      if (c == '\'' || c == '"') {
        end = text.indexOf(c, i + 1);
        if (end < 0) {
          throw new IllegalArgumentException(block.where() + ": unclosed " + c + " in the SQL block");
        }
      } else if (text.startsWith("--", i)) {
        end = text.indexOf('\n', i);
        i = (end < 0 ? text.length() : end) - 1;
        continue;
      } else if (text.startsWith("/*", i)) {
        end = text.indexOf("*/", i + 2);
        i = (end < 0 ? text.length() : end + 2) - 1;
        continue;
      } else if (c == ';') {
        if (start >= 0) {
          statements.add(new DocStatement(block.file(), lineAt(block, text, start), sql.toString().strip(), parameters));
        }
        sql.setLength(0);
        start = -1;
        parameters = 0;
        continue;
      } else if (c == '?') {
        parameters++;
      }
      if (start < 0 && !Character.isWhitespace(c)) {
        start = i;
      }
      sql.append(text, i, end + 1);
      i = end;
    }
    if (start >= 0) { // the last statement may go without its ;
      statements.add(new DocStatement(block.file(), lineAt(block, text, start), sql.toString().strip(), parameters));
    }
    return statements;
  }

  private static int lineAt(CodeBlock block, String text, int offset) {
    return block.lineOf((int) text.substring(0, Math.max(offset, 0)).chars().filter(ch -> ch == '\n').count());
  }
}
