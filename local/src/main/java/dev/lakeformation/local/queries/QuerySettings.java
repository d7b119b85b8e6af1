package dev.lakeformation.local.queries;

import dev.lakeformation.core.arrow.compression.IpcCompression;
import java.time.Duration;

/**
 * How LakeFormation Local plans, stores, pages and expires queries. Built by
 * {@code LakeFormationLocal.Builder}, which documents each setting and its default.
 *
 * @param rowsPerWorkUnit rows in each work unit (the last unit of a query may hold fewer)
 * @param rowsPerBatch rows in each Arrow record batch of a unit
 * @param unitsPerRange work units per GetWorkUnits range, each range with its own token
 * @param defaultPageSize ranges per GetWorkUnits page when the request gives no PageSize
 * @param queryTimeToLive how long after submission a query expires
 * @param heapLimitBytes heap bytes all queries' units may take before further units spill to disk
 * @param plannerThreads queries planned at the same time
 * @param compression how the buffers of work-unit bodies are compressed
 */
public record QuerySettings(
    int rowsPerWorkUnit,
    int rowsPerBatch,
    int unitsPerRange,
    int defaultPageSize,
    Duration queryTimeToLive,
    long heapLimitBytes,
    int plannerThreads,
    IpcCompression compression) {}
