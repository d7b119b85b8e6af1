package dev.lakeformation.spark;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A table's top-level columns as pushdown sees them: by name in any case (Spark's default), each
 * with the kind of its values, which decides what SQL may be written over it ({@link FilterSql},
 * {@link AggregateSql}).
 */
final class TableColumns {
  /**
   * What SQL compares, orders and adds alike with Spark; OTHER is read, counted, never compared.
   * BIGINT is apart from the smaller integers for sums only (see {@link AggregateSql}).
   */
  enum Kind { INTEGRAL, BIGINT, DECIMAL, TEXT, BOOLEAN, DATE, OTHER }

  /** Names pushed: one part, as Glue writes them; a dotted name may be a nested field. */
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_]+");

  private final Map<String, Kind> kinds;

  /** @param kinds the table's top-level columns by name (lower case), with their kinds */
  TableColumns(Map<String, Kind> kinds) {
    this.kinds = Map.copyOf(kinds);
  }

  /** The kind of a top-level column; OTHER for a nested field or a name the table lacks. */
  Kind kind(String name) {
    return PLAIN_NAME.matcher(name).matches() ? kinds.getOrDefault(name.toLowerCase(Locale.ROOT), Kind.OTHER)
        : Kind.OTHER;
  }

  /**
   * The quoted name of a top-level column of the table; empty for a nested field (Spark names it
   * with dots, or in backticks when quoted) or, unless {@code anyKind}, for a column of kind OTHER.
   */
  Optional<String> quoted(String name, boolean anyKind) {
    if (!PLAIN_NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    Kind kind = kinds.get(name.toLowerCase(Locale.ROOT));
    if (kind == null || !anyKind && kind == Kind.OTHER) {
      return Optional.empty();
    }
    return Optional.of(TableName.quoted(name));
  }
}
