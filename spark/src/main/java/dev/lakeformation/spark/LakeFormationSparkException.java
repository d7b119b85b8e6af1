package dev.lakeformation.spark;

import dev.lakeformation.api.LakeFormationException;

/**
 * A failure of {@code format("lakeformation")} on the Spark driver (bad options, planning, the
 * schema), where Spark's interfaces allow no checked exception: the driver's SQLState and
 * message, as {@code [28000] The security token included in the request is invalid…}, with the
 * driver's {@link LakeFormationException} as the cause. Failures inside tasks reach Spark as the
 * LakeFormationException itself (an IOException, which partition readers may throw).
 */
public final class LakeFormationSparkException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String sqlState;

  LakeFormationSparkException(LakeFormationException cause) {
    super("[" + cause.sqlState() + "] " + cause.getMessage(), cause);
    this.sqlState = cause.sqlState();
  }

  /** The five-character SQLState, as the JDBC driver reports it. */
  public String sqlState() {
    return sqlState;
  }
}
