package dev.lakeformation.api;

import java.time.Instant;

/**
 * A query's statistics as GetQueryStatistics answers them; every field is null when the service
 * left it out.
 */
public record QueryStatistics(Instant submissionTime, Long estimatedDataToScanBytes, Long planningTimeMillis,
    Long queueTimeMillis, Long workUnitsGeneratedCount, Long averageExecutionTimeMillis, Long dataScannedBytes,
    Long workUnitsExecutedCount) {}
