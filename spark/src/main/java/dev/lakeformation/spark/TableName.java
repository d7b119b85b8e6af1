package dev.lakeformation.spark;

import dev.lakeformation.api.LakeFormationException;
import dev.lakeformation.api.SqlState;
import java.util.regex.Pattern;

/**
 * The table of the {@code table} option: {@code database.table} or {@code catalog.database.table},
 * as Glue names them (letters, digits, underscores and hyphens). Written into the SQL the connector
 * plans only as quoted identifiers, so a name can never become SQL of its own.
 *
 * @param catalog the data catalog, or null for the account's default one
 */
record TableName(String catalog, String database, String table) {
  /** Athena's name for the account's own Glue Data Catalog. */
  static final String DEFAULT_CATALOG = "AwsDataCatalog";
  private static final Pattern PART = Pattern.compile("[A-Za-z0-9_-]{1,255}");

  static TableName parse(String text) throws LakeFormationException {
    String[] parts = text.strip().split("\\.", -1);
    boolean valid = parts.length == 2 || parts.length == 3;
    for (String part : parts) {
      valid &= PART.matcher(part).matches();
    }
    if (!valid) {
      throw new LakeFormationException(SqlState.CONNECTION_REJECTED, "Invalid value for option table: '" + text
          + "' is not database.table or catalog.database.table (each name of letters, digits, _ and -).");
    }
    return parts.length == 2 ? new TableName(null, parts[0], parts[1]) : new TableName(parts[0], parts[1], parts[2]);
  }

  /** A table named part by part (a catalog's identifier): each part checked alone, so no dot moves a name. */
  static TableName of(String catalog, String database, String table) throws LakeFormationException {
    for (String part : new String[] {catalog, database, table}) {
      if (part != null && !PART.matcher(part).matches()) {
        throw new LakeFormationException(SqlState.SYNTAX_OR_ACCESS, "'" + part + "' is not a table or database name of"
            + " the Lake Formation catalog (letters, digits, _ and -).");
      }
    }
    return new TableName(catalog, database, table);
  }

  /** The table in Athena's SQL: each name in double quotes. */
  String sql() {
    return (catalog == null ? "" : quoted(catalog) + ".") + quoted(database) + "." + quoted(table);
  }

  /** A name in double quotes, a double quote in it doubled (column names come from the catalog). */
  static String quoted(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  @Override
  public String toString() {
    return (catalog == null ? "" : catalog + ".") + database + "." + table;
  }
}
