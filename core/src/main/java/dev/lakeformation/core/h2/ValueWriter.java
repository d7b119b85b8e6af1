package dev.lakeformation.core.h2;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.arrow.vector.FieldVector;

/**
 * Copies one value from a JDBC result into an Arrow vector. The same writer serves a top-level
 * column (the query's result set), an array element (the array's own result set, whose column
 * 2 holds the values) and a ROW field (the row's result set), so nested types compose.
 */
@FunctionalInterface
interface ValueWriter {
  /** Writes the value of {@code column} in the current row of {@code rs} at {@code index} of {@code vector}. */
  void write(ResultSet rs, int column, FieldVector vector, int index) throws SQLException;
}
