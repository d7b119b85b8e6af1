package dev.lakeformation.cli;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The names the prompt completes, read through DatabaseMetaData the first time they are needed
 * and kept for the session: SQL keywords and functions, databases (as {@code name.}), the
 * tables and columns of the current database, the tables of another database after
 * {@code name.}, a table's columns after {@code table.}.
 */
final class SqlNames {
  /** What queries are made of; the driver adds its own keywords and function names. */
  private static final List<String> KEYWORDS = List.of("SELECT", "FROM", "WHERE", "GROUP", "BY", "HAVING", "ORDER",
      "LIMIT", "OFFSET", "AS", "AND", "OR", "NOT", "IN", "IS", "NULL", "LIKE", "BETWEEN", "EXISTS", "DISTINCT", "ALL",
      "JOIN", "INNER", "LEFT", "RIGHT", "FULL", "OUTER", "CROSS", "ON", "USING", "UNION", "INTERSECT", "EXCEPT", "WITH",
      "CASE", "WHEN", "THEN", "ELSE", "END", "ASC", "DESC", "NULLS", "FIRST", "LAST", "CAST", "TRUE", "FALSE", "DATE",
      "TIME", "TIMESTAMP", "INTERVAL", "COUNT", "SUM", "AVG", "MIN", "MAX", "COALESCE", "OVER", "PARTITION");

  private final Connection connection;
  private List<String> keywords;
  private Map<String, String> schemas; // lower case → as the catalog spells it
  private final Map<String, List<String>> tables = new HashMap<>();
  private Map<String, List<String>> columns; // of the current database's tables, by lower-case table name

  SqlNames(Connection connection) {
    this.connection = connection;
  }

  /**
   * Names that may complete {@code word}; the caller keeps those that start with it. Keywords
   * come in lower case when the word is typed in lower case. A failing catalog call leaves its
   * names out: completion offers what it can rather than fail the line being typed.
   */
  List<String> candidates(String word) {
    List<String> names = new ArrayList<>();
    try {
      int dot = word.lastIndexOf('.');
      if (dot >= 0) {
        String qualifier = word.substring(0, dot);
        String schema = schemas().get(qualifier.toLowerCase(Locale.ROOT));
        if (schema != null) {
          tablesOf(schema).forEach(table -> names.add(qualifier + "." + table));
        }
        columns().getOrDefault(qualifier.toLowerCase(Locale.ROOT), List.of())
            .forEach(column -> names.add(qualifier + "." + column));
        return names;
      }
      boolean lowerCase = !word.isEmpty() && word.equals(word.toLowerCase(Locale.ROOT));
      for (String keyword : keywords()) {
        names.add(lowerCase ? keyword.toLowerCase(Locale.ROOT) : keyword);
      }
      schemas().values().forEach(schema -> names.add(schema + "."));
      String current = connection.getSchema();
      if (current != null) {
        names.addAll(tablesOf(current));
      }
      Set<String> columnNames = new LinkedHashSet<>();
      columns().values().forEach(columnNames::addAll);
      names.addAll(columnNames);
    } catch (SQLException e) {
      // offer the names gathered so far
    }
    return names;
  }

  private List<String> keywords() throws SQLException {
    if (keywords == null) {
      Set<String> all = new LinkedHashSet<>(KEYWORDS);
      DatabaseMetaData md = connection.getMetaData();
      for (String list : new String[] {md.getSQLKeywords(), md.getNumericFunctions(), md.getStringFunctions(),
          md.getTimeDateFunctions(), md.getSystemFunctions()}) {
        Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty())
            .forEach(s -> all.add(s.toUpperCase(Locale.ROOT)));
      }
      keywords = List.copyOf(all);
    }
    return keywords;
  }

  private Map<String, String> schemas() throws SQLException {
    if (schemas == null) {
      Map<String, String> found = new LinkedHashMap<>();
      try (ResultSet rs = connection.getMetaData().getSchemas()) {
        while (rs.next()) {
          String schema = rs.getString("TABLE_SCHEM");
          found.put(schema.toLowerCase(Locale.ROOT), schema);
        }
      }
      schemas = found;
    }
    return schemas;
  }

  private List<String> tablesOf(String schema) throws SQLException {
    List<String> names = tables.get(schema);
    if (names == null) {
      names = new ArrayList<>();
      try (ResultSet rs = connection.getMetaData().getTables(null, literal(connection.getMetaData(), schema), "%", null)) {
        while (rs.next()) {
          names.add(rs.getString("TABLE_NAME"));
        }
      }
      tables.put(schema, names);
    }
    return names;
  }

  /** The columns of every table of the current database, in one catalog call. */
  private Map<String, List<String>> columns() throws SQLException {
    if (columns == null) {
      Map<String, List<String>> found = new HashMap<>();
      String current = connection.getSchema();
      if (current != null) {
        try (ResultSet rs = connection.getMetaData().getColumns(null, literal(connection.getMetaData(), current), "%", "%")) {
          while (rs.next()) {
            found.computeIfAbsent(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT), t -> new ArrayList<>())
                .add(rs.getString("COLUMN_NAME"));
          }
        }
      }
      columns = found;
    }
    return columns;
  }

  /** A name as a metadata pattern matching only itself: {@code _} and {@code %} escaped. */
  static String literal(DatabaseMetaData md, String name) throws SQLException {
    String escape = md.getSearchStringEscape();
    return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
  }
}
