package dev.lakeformation.jdbc.metadata;

/**
 * A DatabaseMetaData name pattern: {@code %} any run of characters, {@code _} one character,
 * {@code \} escapes either (the search string escape the driver reports); null matches all.
 * Matching is case-insensitive, as Glue names are lower case whatever the user types.
 */
final class NamePattern {
  private final String pattern;

  private NamePattern(String pattern) {
    this.pattern = pattern;
  }

  static NamePattern of(String pattern) {
    return new NamePattern(pattern);
  }

  boolean matches(String name) {
    return pattern == null || (name != null && matches(pattern.toLowerCase(java.util.Locale.ROOT), 0,
        name.toLowerCase(java.util.Locale.ROOT), 0));
  }

  /** The exact name when the pattern has no wildcard (so one lookup can replace a listing), else null. */
  String exactName() {
    if (pattern == null) {
      return null;
    }
    StringBuilder name = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        name.append(pattern.charAt(++i));
      } else if (c == '%' || c == '_') {
        return null;
      } else {
        name.append(c);
      }
    }
    return name.toString();
  }

  private static boolean matches(String p, int pi, String s, int si) {
    while (pi < p.length()) {
      char c = p.charAt(pi);
      if (c == '%') {
        for (int k = si; k <= s.length(); k++) {
          if (matches(p, pi + 1, s, k)) {
            return true;
          }
        }
        return false;
      }
      if (si >= s.length()) {
        return false;
      }
      if (c == '\\' && pi + 1 < p.length()) {
        pi++;
        if (p.charAt(pi) != s.charAt(si)) {
          return false;
        }
      } else if (c != '_' && c != s.charAt(si)) {
        return false;
      }
      pi++;
      si++;
    }
    return si == s.length();
  }
}
