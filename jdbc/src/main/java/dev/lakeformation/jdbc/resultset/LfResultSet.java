package dev.lakeformation.jdbc.resultset;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What the driver's result sets add to JDBC's, reached with {@code rs.unwrap(LfResultSet.class)}:
 * the ID of the Lake Formation query whose rows they are, which support cases, CloudTrail and
 * Athena's console search by.
 */
public interface LfResultSet extends ResultSet {
  /** The query's 36-character ID, or null for rows that are no query's (a system table's). */
  String getQueryId() throws SQLException;
}
