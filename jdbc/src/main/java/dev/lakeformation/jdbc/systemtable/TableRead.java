package dev.lakeformation.jdbc.systemtable;

import java.util.Set;

/**
 * A system table a statement reads, and the keys its rows are fetched for.
 *
 * @param keys the values of the table's key column to fetch, or null for the rows the service lists
 */
public record TableRead(SystemTable table, Set<String> keys) {}
