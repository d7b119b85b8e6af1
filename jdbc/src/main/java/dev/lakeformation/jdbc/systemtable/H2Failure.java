package dev.lakeformation.jdbc.systemtable;

import dev.lakeformation.api.SqlState;
import dev.lakeformation.jdbc.errors.SqlErrors;
import dev.lakeformation.core.h2.H2Messages;
import java.sql.SQLException;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * An H2 failure on a system-table statement, as the driver reports it: H2's message on one line,
 * without the statement and H2's error code, under the SQLState a caller acts on. Bad SQL (syntax,
 * unknown names, functions H2 lacks, missing rights) is 42000, an unknown column 42S22 with the
 * columns there are, bad data (a value that does not convert, a division by zero) keeps H2's
 * class-22 state. H2's own exception stays the cause.
 */
final class H2Failure {
  private H2Failure() {}

  /** @param tables the tables the statement reads, whose columns an unknown-column error lists */
  static SQLException of(SQLException failure, Collection<SystemTable> tables) {
    String message = H2Messages.oneLine(failure.getMessage());
    String state = failure.getSQLState() == null ? SqlState.GENERAL : failure.getSQLState();
    if (failure.getErrorCode() == H2Messages.GENERAL_ERROR) {
      return SqlErrors.of(SqlState.GENERAL, "H2 failed with an internal error on this system-table statement: "
          + message, failure);
    }
    if (state.startsWith("22") || state.startsWith("0A")) {
      return SqlErrors.of(state, message, failure);
    }
    if (state.equals(SqlState.INVALID_COLUMN)) {
      return SqlErrors.of(SqlState.INVALID_COLUMN, message + ". " + tables.stream()
          .map(t -> "system." + t.name() + " has " + t.columns().stream().map(SystemColumn::name)
              .collect(Collectors.joining(", ")))
          .collect(Collectors.joining("; ")) + ".", failure);
    }
    return SqlErrors.of(SqlState.SYNTAX_OR_ACCESS, message, failure);
  }
}
