package dev.lakeformation.local;

import dev.lakeformation.local.queries.QuerySettings;
import java.time.Duration;
import java.util.List;

/**
 * How a LakeFormation Local instance is set up; {@code tlsHostNames} null serves plain HTTP. Built by {@link LakeFormationLocal.Builder}, which
 * documents each setting and its default.
 */
record LocalConfig(
    int port,
    boolean sampleData,
    double tpchScaleFactor,
    String accessKeyId,
    String secretAccessKey,
    boolean verifySignatures,
    Duration temporaryCredentialsMaxLifetime,
    int serverThreads,
    long faultSeed,
    QuerySettings queries,
    List<String> tlsHostNames) {
  /** Everything but the secret key, which is never printed. */
  @Override
  public String toString() {
    return "LocalConfig[port=" + port + ", sampleData=" + sampleData + ", tpchScaleFactor=" + tpchScaleFactor + ", accessKeyId=" + accessKeyId
        + ", verifySignatures=" + verifySignatures + ", temporaryCredentialsMaxLifetime="
        + temporaryCredentialsMaxLifetime + ", serverThreads=" + serverThreads + ", faultSeed=" + faultSeed + ", "
        + queries + ", tlsHostNames=" + tlsHostNames + "]";
  }
}
