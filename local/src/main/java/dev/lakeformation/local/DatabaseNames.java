package dev.lakeformation.local;

import java.util.regex.Pattern;

/**
 * The database and table names a test may create: what Glue accepts and what needs no quoting in
 * SQL or in a driver URL (letters, digits and underscores, not starting with a digit). They are
 * stored in lower case, as Glue stores them.
 */
final class DatabaseNames {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,254}");

  private DatabaseNames() {}

  /** {@code name} itself, or an IllegalArgumentException saying what a name may hold. */
  static String check(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("'" + name + "' is not a database or table name LakeFormation Local"
          + " accepts: use letters, digits and underscores, not starting with a digit");
    }
    return name;
  }
}
