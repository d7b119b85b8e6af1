package dev.lakeformation.spark;

import dev.lakeformation.api.LakeFormationException;
import dev.lakeformation.api.QueryListener;
import dev.lakeformation.core.query.Cancellation;
import dev.lakeformation.core.query.ServiceSession;
import dev.lakeformation.core.types.GlueTypeParser;
import dev.lakeformation.core.types.SqlType;
import dev.lakeformation.spark.column.ArrowColumns;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import software.amazon.awssdk.services.athena.model.Column;
import software.amazon.awssdk.services.athena.model.TableMetadata;

/**
 * A Lake Formation table read by name ({@code option("table", "sales.orders")}): its schema comes
 * from the catalog (Athena's GetTableMetadata, its Glue types mapped by the driver's one type
 * mapping), so {@code load()} plans nothing. Each scan plans its own query once Spark has said
 * which columns and how many rows it needs.
 */
final class CatalogTable implements SupportsRead {
  private final ReadOptions options;
  private final StructType schema;
  private final TableColumns columns;

  private CatalogTable(ReadOptions options, StructType schema, TableColumns columns) {
    this.options = options;
    this.schema = schema;
    this.columns = columns;
  }

  /** Reads the table's columns (then its partition keys, as Athena lists them) from the catalog. */
  static CatalogTable describe(ReadOptions options) throws LakeFormationException {
    TableName name = options.table();
    try (ServiceSession session = ServiceSession.open(options.config())) {
      String catalog = name.catalog() != null ? name.catalog() : TableName.DEFAULT_CATALOG;
      TableMetadata table = session.retryPolicy().call("GetTableMetadata", Cancellation.none(), QueryListener.NONE,
          () -> session.aws().athena().getTableMetadata(r -> r.catalogName(catalog).databaseName(name.database())
              .tableName(name.table())).tableMetadata());
      List<StructField> fields = new ArrayList<>();
      Map<String, TableColumns.Kind> kinds = new HashMap<>();
      List<Column> columns = new ArrayList<>(table.columns());
      columns.addAll(table.partitionKeys());
      for (Column column : columns) {
        SqlType type = GlueTypeParser.parse(column.type());
        fields.add(DataTypes.createStructField(column.name(), ArrowColumns.sparkType(type), true));
        kinds.put(column.name().toLowerCase(Locale.ROOT), pushdownKind(type));
      }
      return new CatalogTable(options, DataTypes.createStructType(fields), new TableColumns(kinds));
    }
  }

  /** What SQL may be written over a column of this type (see {@link TableColumns}). */
  private static TableColumns.Kind pushdownKind(SqlType type) {
    return switch (type.kind()) {
      case TINYINT, SMALLINT, INTEGER -> TableColumns.Kind.INTEGRAL;
      case BIGINT -> TableColumns.Kind.BIGINT;
      case DECIMAL -> type.length() <= DecimalType.MAX_PRECISION() ? TableColumns.Kind.DECIMAL
          : TableColumns.Kind.OTHER; // read as text by Spark
      case VARCHAR -> TableColumns.Kind.TEXT;
      case BOOLEAN -> TableColumns.Kind.BOOLEAN;
      case DATE -> TableColumns.Kind.DATE;
      default -> TableColumns.Kind.OTHER;
    };
  }

  @Override
  public String name() {
    return "lakeformation table " + options.table();
  }

  @Override
  public StructType schema() {
    return schema;
  }

  @Override
  public Set<TableCapability> capabilities() {
    return EnumSet.of(TableCapability.BATCH_READ);
  }

  @Override
  public ScanBuilder newScanBuilder(CaseInsensitiveStringMap ignored) {
    return new TableScanBuilder(options, schema, columns);
  }

  @Override
  public String toString() {
    return name();
  }
}
