package dev.lakeformation.jdbc.local;

import dev.lakeformation.jdbc.arrow.compression.IpcCompression;
import java.time.Duration;

/**
 * How a LakeFormation Local instance is set up. Built by {@link LocalService.Builder}, which
 * documents each setting and its default.
 */
record LocalServiceConfig(
    int port,
    double tpchScaleFactor,
    String accessKeyId,
    String secretAccessKey,
    boolean verifySignatures,
    int rowsPerWorkUnit,
    int rowsPerBatch,
    int unitsPerRange,
    int defaultPageSize,
    Duration queryTimeToLive,
    Duration temporaryCredentialsMaxLifetime,
    long heapLimitBytes,
    int plannerThreads,
    int serverThreads,
    long faultSeed,
    IpcCompression compression) {
  /** Everything but the secret key, which is never printed. */
  @Override
  public String toString() {
    return "LocalServiceConfig[port=" + port + ", tpchScaleFactor=" + tpchScaleFactor + ", accessKeyId=" + accessKeyId
        + ", verifySignatures=" + verifySignatures + ", rowsPerWorkUnit=" + rowsPerWorkUnit + ", rowsPerBatch="
        + rowsPerBatch + ", unitsPerRange=" + unitsPerRange + ", defaultPageSize=" + defaultPageSize
        + ", queryTimeToLive=" + queryTimeToLive + ", temporaryCredentialsMaxLifetime="
        + temporaryCredentialsMaxLifetime + ", heapLimitBytes=" + heapLimitBytes + ", plannerThreads="
        + plannerThreads + ", serverThreads=" + serverThreads + ", faultSeed=" + faultSeed + ", compression="
        + compression + "]";
  }
}
