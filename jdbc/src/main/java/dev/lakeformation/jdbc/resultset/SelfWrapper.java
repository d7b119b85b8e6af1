package dev.lakeformation.jdbc.resultset;

import dev.lakeformation.api.SqlState;
import dev.lakeformation.jdbc.errors.SqlErrors;
import java.sql.SQLException;
import java.sql.Wrapper;

/**
 * {@link Wrapper} as the driver's JDBC objects answer it, written once: each unwraps to itself
 * (for the driver's extensions, such as {@code connection.unwrap(LfConnection.class)}) and to
 * nothing else.
 */
public interface SelfWrapper extends Wrapper {
  @Override
  default <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw SqlErrors.of(SqlState.GENERAL, "This " + getClass().getSimpleName() + " is not a wrapper of "
        + iface.getName() + ".");
  }

  @Override
  default boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }
}
