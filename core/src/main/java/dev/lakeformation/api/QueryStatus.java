package dev.lakeformation.api;

/**
 * A query's state as GetQueryState answers it.
 *
 * @param state PENDING, WORKUNITS_AVAILABLE, FINISHED, ERROR or EXPIRED (or a state newer than this driver)
 * @param error the service's reason for ERROR, or null
 */
public record QueryStatus(String state, String error) {}
