package dev.lakeformation.core.types;

import java.sql.Types;

/**
 * The kinds of SQL type the driver shows, each with its JDBC type code, the class
 * {@code getObject} returns, and whether its values are signed. (Case-sensitive comparison follows
 * from the class: text's.)
 */
public enum SqlKind {
  BOOLEAN(Types.BOOLEAN, "java.lang.Boolean", false),
  TINYINT(Types.TINYINT, "java.lang.Integer", true),
  SMALLINT(Types.SMALLINT, "java.lang.Integer", true),
  INTEGER(Types.INTEGER, "java.lang.Integer", true),
  BIGINT(Types.BIGINT, "java.lang.Long", true),
  /** Unsigned integers (Arrow has them, SQL does not): each reported as the next wider signed type. */
  UTINYINT(Types.SMALLINT, "java.lang.Integer", false),
  USMALLINT(Types.INTEGER, "java.lang.Integer", false),
  UINTEGER(Types.BIGINT, "java.lang.Long", false),
  UBIGINT(Types.DECIMAL, "java.math.BigDecimal", false),
  HALF_FLOAT(Types.REAL, "java.lang.Float", true),
  REAL(Types.REAL, "java.lang.Float", true),
  DOUBLE(Types.DOUBLE, "java.lang.Double", true),
  DECIMAL(Types.DECIMAL, "java.math.BigDecimal", true),
  CHAR(Types.CHAR, "java.lang.String", false),
  VARCHAR(Types.VARCHAR, "java.lang.String", false),
  BINARY(Types.BINARY, "[B", false),
  VARBINARY(Types.VARBINARY, "[B", false),
  DATE(Types.DATE, "java.sql.Date", false),
  TIME(Types.TIME, "java.sql.Time", false),
  TIMESTAMP(Types.TIMESTAMP, "java.sql.Timestamp", false),
  TIMESTAMP_WITH_TIME_ZONE(Types.TIMESTAMP_WITH_TIMEZONE, "java.time.OffsetDateTime", false),
  INTERVAL_DAY_TO_SECOND(Types.OTHER, "java.time.Duration", true),
  INTERVAL(Types.OTHER, "java.lang.Object", true),
  ARRAY(Types.ARRAY, "java.sql.Array", false),
  MAP(Types.OTHER, "java.util.Map", false),
  STRUCT(Types.STRUCT, "java.util.Map", false),
  NULL(Types.NULL, "java.lang.Object", false),
  OTHER(Types.OTHER, "java.lang.Object", false);

  private final int jdbcType;
  private final String className;
  private final boolean signed;

  SqlKind(int jdbcType, String className, boolean signed) {
    this.jdbcType = jdbcType;
    this.className = className;
    this.signed = signed;
  }

  /** The {@link Types} code. */
  public int jdbcType() {
    return jdbcType;
  }

  /** The class of the object {@code getObject} returns. */
  public String className() {
    return className;
  }

  public boolean signed() {
    return signed;
  }

  public boolean isText() {
    return this == CHAR || this == VARCHAR;
  }

  public boolean isNumber() {
    return switch (this) {
      case TINYINT, SMALLINT, INTEGER, BIGINT, UTINYINT, USMALLINT, UINTEGER, UBIGINT, HALF_FLOAT, REAL, DOUBLE,
          DECIMAL -> true;
      default -> false;
    };
  }
}
