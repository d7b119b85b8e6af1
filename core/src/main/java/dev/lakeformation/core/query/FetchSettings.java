package dev.lakeformation.core.query;

import dev.lakeformation.core.config.ConnectionConfig;
import dev.lakeformation.core.config.ConnectionProperty;
import java.time.Duration;

/**
 * How one query's work units are walked and fetched.
 *
 * @param maxConcurrentWorkUnits work units fetched at the same time
 * @param maxBufferBytes decoded bytes that may wait ahead of the reader
 * @param pageSize ranges per GetWorkUnits page, or null for the service's default
 * @param inWorkUnitOrder true to deliver rows in work-unit order, false in completion order
 * @param maxRetries retries of one call or one work unit before giving up
 * @param pollInterval first wait between polls; doubles up to {@code pollMaxInterval}
 * @param pollMaxInterval longest wait between polls
 * @param planningTimeout longest wait for a query's first work units
 */
public record FetchSettings(
    int maxConcurrentWorkUnits,
    long maxBufferBytes,
    Integer pageSize,
    boolean inWorkUnitOrder,
    int maxRetries,
    Duration pollInterval,
    Duration pollMaxInterval,
    Duration planningTimeout) {

  /** The settings a connection's properties give. */
  public static FetchSettings of(ConnectionConfig config) {
    return new FetchSettings(
        config.get(ConnectionProperty.MAX_CONCURRENT_WORK_UNITS),
        config.get(ConnectionProperty.MAX_BUFFER_BYTES),
        config.get(ConnectionProperty.PAGE_SIZE),
        config.get(ConnectionProperty.ROW_ORDER) == ConnectionProperty.RowOrder.WORK_UNIT,
        config.get(ConnectionProperty.MAX_RETRIES),
        Duration.ofMillis(config.get(ConnectionProperty.POLL_INTERVAL_MILLIS)),
        Duration.ofMillis(config.get(ConnectionProperty.POLL_MAX_INTERVAL_MILLIS)),
        Duration.ofSeconds(config.get(ConnectionProperty.PLANNING_TIMEOUT_SECONDS)));
  }
}
