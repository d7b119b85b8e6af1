package dev.lakeformation.jdbc.systemtable;

/**
 * A cheap look at SQL text before any parsing: does it name something in the {@code system}
 * schema, as {@code system.} followed by a name, in any case, quoted or not? String literals and
 * comments are skipped, so {@code WHERE c = 'system.x'} and {@code -- system.x} do not count.
 * Ordinary queries are spared the parser, and SQL the parser cannot read is still recognised as
 * meant for the system tables.
 */
final class SystemSchemaScan {
  private SystemSchemaScan() {}

  static boolean namesSystemSchema(String sql) {
    boolean afterSystem = false;
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? n : end + 1;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c == '.') {
        if (afterSystem) {
          return true;
        }
        i++;
      } else if (c == '"' || c == '`') {
        int end = closing(sql, i, c);
        afterSystem = sql.substring(i + 1, Math.max(i + 1, end - 1)).equalsIgnoreCase(SystemQueryParser.SCHEMA);
        i = end;
      } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
        int end = i;
        while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_'
            || sql.charAt(end) == '$')) {
          end++;
        }
        afterSystem = sql.regionMatches(true, i, SystemQueryParser.SCHEMA, 0, end - i)
            && end - i == SystemQueryParser.SCHEMA.length();
        i = end;
      } else {
        // A string literal (skipped whole) or any other symbol ends what came before.
        afterSystem = false;
        i = c == '\'' ? closing(sql, i, c) : i + 1;
      }
    }
    return false;
  }

  /** The index after the quote that closes the one at {@code start}; a doubled quote stays inside. */
  private static int closing(String sql, int start, char quote) {
    int i = start + 1;
    while (i < sql.length()) {
      if (sql.charAt(i) == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return sql.length();
  }
}
