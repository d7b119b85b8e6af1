package dev.lakeformation.local.sql;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.jdbc.JdbcConnection;
import org.h2.message.DbException;
import org.h2.value.Value;
import org.h2.value.ValueArray;
import org.h2.value.ValueNull;

/**
 * Athena's {@code TRY_CAST(x AS t)}: CAST where it succeeds, NULL where it fails. {@link AthenaSql}
 * rewrites it to {@code CAST(lf_try_cast(x, ARRAY[CAST(NULL AS t)]) AS t)}.
 *
 * <p>The cast is H2's own, so TRY_CAST accepts exactly what CAST accepts. That needs H2's value
 * classes, not JDBC's: the value keeps its H2 type (a JDBC object would lose it), and the target
 * type arrives as the element type of a one-element typed array, so H2 itself parses {@code t}
 * (DECIMAL(10,2), TIMESTAMP(3) WITH TIME ZONE, ROW(…), …). The outer CAST gives the expression
 * its declared type, since H2 types a function returning {@code Value} as JAVA_OBJECT.
 */
public final class TryCast {
  private TryCast() {}

  public static Value tryCast(Connection connection, Value value, Value targetExample) throws SQLException {
    if (!(targetExample instanceof ValueArray example)) {
      throw new SQLException("lf_try_cast needs the target type as ARRAY[CAST(NULL AS type)]");
    }
    try {
      return value.castTo(example.getComponentType(), connection.unwrap(JdbcConnection.class).getSession());
    } catch (DbException e) {
      return ValueNull.INSTANCE;
    }
  }
}
