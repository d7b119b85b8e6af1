package dev.lakeformation.spark;

import dev.lakeformation.api.LakeFormationException;
import dev.lakeformation.api.SqlState;
import dev.lakeformation.core.config.ConnectionConfig;
import dev.lakeformation.core.config.ConnectionProperty;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The options of {@code format("lakeformation")}, parsed once, on the Spark driver. Every
 * connection property of the driver's registry is an option ({@code user}, {@code password},
 * {@code Region}, {@code MaxRetries}…) and goes through the driver's own parser, exactly as
 * {@code DriverManager.getConnection(url, properties)} takes it: the URL wins where both give a
 * property. The connector's own options are {@value #URL}, {@value #QUERY}, {@value #TABLE} and
 * {@value #WORK_UNITS_PER_PARTITION}. Keys are case-insensitive, as everywhere in Spark.
 *
 * @param config the connection properties, validated
 * @param sql the SQL to plan, or null to read {@code table} or attach to the query of the QueryId property
 * @param table the table to read, its SQL planned when Spark builds the scan; or null
 * @param workUnitsPerPartition work units read by one Spark task
 */
record ReadOptions(ConnectionConfig config, String sql, TableName table, int workUnitsPerPartition) {
  static final String URL = "url";
  static final String QUERY = "query";
  static final String TABLE = "table";
  static final String WORK_UNITS_PER_PARTITION = "workUnitsPerPartition";
  private static final int MAX_WORK_UNITS_PER_PARTITION = 100_000;

  /** Parses Spark's options; every problem is a LakeFormationException with the driver's SQLState. */
  static ReadOptions parse(Map<String, String> options) throws LakeFormationException {
    String sql = null;
    TableName table = null;
    int workUnitsPerPartition = 1;
    for (Map.Entry<String, String> option : options.entrySet()) {
      String key = option.getKey();
      String value = option.getValue();
      if (key.equalsIgnoreCase(QUERY)) {
        sql = value;
      } else if (key.equalsIgnoreCase(TABLE)) {
        table = TableName.parse(value);
      } else if (key.equalsIgnoreCase(WORK_UNITS_PER_PARTITION)) {
        workUnitsPerPartition = workUnitsPerPartition(value);
      }
    }
    ConnectionConfig config = connectionConfig(options);
    boolean attach = config.isSet(ConnectionProperty.QUERY_ID);
    int sources = (sql != null ? 1 : 0) + (table != null ? 1 : 0) + (attach ? 1 : 0);
    if (sources != 1) {
      throw new LakeFormationException(SqlState.CONNECTION_REJECTED, (sources == 0 ? "Give" : "Give only one of")
          + " the option " + TABLE + " (a table, database.table), " + QUERY + " (the SQL to plan) or "
          + ConnectionProperty.QUERY_ID.name() + " (the ID of a query planned elsewhere).");
    }
    if (table != null && config.isSet(ConnectionProperty.CATALOG_ID)) {
      throw new LakeFormationException(SqlState.CONNECTION_REJECTED, "The option " + TABLE + " reads a table of"
          + " an Athena catalog (" + TABLE + "=catalog.database.table), and CatalogId would plan against another"
          + " account's: name the Athena catalog registered for that account, or use " + QUERY + " with CatalogId.");
    }
    return new ReadOptions(config, sql, table, workUnitsPerPartition);
  }

  /**
   * The connection properties of Spark's options ({@code url} and every property of the registry);
   * the connector's own options are skipped, any other key is refused.
   */
  static ConnectionConfig connectionConfig(Map<String, String> options) throws LakeFormationException {
    String url = ConnectionConfig.URL_PREFIX;
    Properties properties = new Properties();
    for (Map.Entry<String, String> option : options.entrySet()) {
      String key = option.getKey();
      if (key.equalsIgnoreCase(URL)) {
        url = option.getValue();
      } else if (!key.equalsIgnoreCase(QUERY) && !key.equalsIgnoreCase(TABLE)
          && !key.equalsIgnoreCase(WORK_UNITS_PER_PARTITION)) {
        ConnectionProperty<?> property = ConnectionProperty.forName(key);
        if (property == null) {
          throw unknown(key);
        }
        properties.setProperty(property.name(), option.getValue());
      }
    }
    return ConnectionConfig.parse(url, properties);
  }

  /**
   * These options with {@code plannedSql} to plan in place of the table: what a table's scan
   * reads. It is planned in the table's database, whatever database the connection names (which
   * may not exist: Lake Formation refuses to plan in a database it does not know).
   */
  ReadOptions planning(String plannedSql) throws LakeFormationException {
    return new ReadOptions(config.with(ConnectionProperty.DATABASE, table.database()), plannedSql, null,
        workUnitsPerPartition);
  }

  /** The ID of the query to attach to, or null when {@link #sql} is planned. */
  String queryId() {
    return config.get(ConnectionProperty.QUERY_ID);
  }

  private static int workUnitsPerPartition(String value) throws LakeFormationException {
    try {
      int units = Integer.parseInt(value.trim());
      if (units >= 1 && units <= MAX_WORK_UNITS_PER_PARTITION) {
        return units;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new LakeFormationException(SqlState.CONNECTION_REJECTED, "Invalid value for option "
        + WORK_UNITS_PER_PARTITION + ": '" + value + "' is not an integer from 1 to " + MAX_WORK_UNITS_PER_PARTITION + ".");
  }

  private static LakeFormationException unknown(String key) {
    return new LakeFormationException(SqlState.CONNECTION_REJECTED, "Unknown option '" + key
        + "' for format(\"lakeformation\"). Its options: " + String.join(", ", List.of(URL, QUERY, TABLE,
            WORK_UNITS_PER_PARTITION)) + ", and every connection property: "
        + ConnectionProperty.ALL.stream().map(ConnectionProperty::name).collect(Collectors.joining(", ")) + ".");
  }
}
