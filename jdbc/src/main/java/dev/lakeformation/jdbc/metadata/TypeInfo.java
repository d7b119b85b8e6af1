package dev.lakeformation.jdbc.metadata;

import static java.sql.DatabaseMetaData.typeNullable;
import static java.sql.DatabaseMetaData.typePredNone;
import static java.sql.DatabaseMetaData.typeSearchable;

import dev.lakeformation.core.types.SqlKind;
import dev.lakeformation.core.types.SqlType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * DatabaseMetaData.getTypeInfo: the types a query can return, described by the driver's one type
 * mapping ({@link SqlType}), so that their names and sizes are those results and columns report.
 */
final class TypeInfo {
  private TypeInfo() {}

  /** The types a query can return, each at its largest, with what DDL would need to say to make one. */
  private static final List<SqlType> TYPES = List.of(SqlType.of(SqlKind.BOOLEAN), SqlType.of(SqlKind.TINYINT),
      SqlType.of(SqlKind.SMALLINT), SqlType.of(SqlKind.INTEGER), SqlType.of(SqlKind.BIGINT), SqlType.of(SqlKind.REAL),
      SqlType.of(SqlKind.DOUBLE), SqlType.decimal(38, 0), SqlType.sized(SqlKind.CHAR, 65_535),
      SqlType.sized(SqlKind.VARCHAR, SqlType.UNBOUNDED), SqlType.sized(SqlKind.VARBINARY, SqlType.UNBOUNDED),
      SqlType.of(SqlKind.DATE), SqlType.temporal(SqlKind.TIME, 9), SqlType.temporal(SqlKind.TIMESTAMP, 9),
      SqlType.temporal(SqlKind.TIMESTAMP_WITH_TIME_ZONE, 9));

  /** One row per type, in getTypeInfo's shape, ordered by JDBC type code. */
  static List<Object[]> rows() {
    List<Object[]> rows = new ArrayList<>();
    for (SqlType type : TYPES) {
      SqlKind kind = type.kind();
      boolean temporal = kind == SqlKind.DATE || kind == SqlKind.TIME || kind == SqlKind.TIMESTAMP
          || kind == SqlKind.TIMESTAMP_WITH_TIME_ZONE;
      String prefix = kind.isText() ? "'" : temporal ? type.typeName() + " '" : kind == SqlKind.VARBINARY ? "X'" : null;
      String createParams = kind == SqlKind.DECIMAL ? "precision,scale" : kind.isText() ? "length" : null;
      int maximumScale = kind == SqlKind.DECIMAL ? 38 : temporal && kind != SqlKind.DATE ? 9 : 0;
      rows.add(new Object[] {type.typeName(), type.jdbcType(), type.columnSize(), prefix, prefix == null ? null : "'",
          createParams, typeNullable, kind.isText(), typeSearchable, !kind.signed(), kind == SqlKind.DECIMAL, false,
          null, 0, maximumScale, null, null, kind.isNumber() ? 10 : null});
    }
    for (SqlKind nested : List.of(SqlKind.ARRAY, SqlKind.MAP, SqlKind.STRUCT)) {
      rows.add(new Object[] {nested.name(), nested.jdbcType(), 0, null, null, null, typeNullable, false, typePredNone,
          true, false, false, null, 0, 0, null, null, null});
    }
    rows.sort(Comparator.comparing((Object[] r) -> (Integer) r[1]));
    return rows;
  }
}
