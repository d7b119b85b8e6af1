package dev.lakeformation.core.h2;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;

/**
 * The Arrow decimal an H2 NUMERIC is sent as. Athena's decimals stop at 38 digits, and so do the
 * 128-bit Arrow decimals every client reads, so a NUMERIC of up to 38 digits keeps its precision
 * and scale, and a wider one (an unbounded NUMERIC is 100000 digits; H2's arithmetic widens
 * quickly: {@code SUM(a * b) / SUM(c)} on DECIMAL(12,2) columns is NUMERIC(79, 46)) becomes
 * DECIMAL(38, s).
 *
 * <p>The scale s keeps the declared integer digits if it can, giving the fraction what is left
 * of the 38 digits, but never fewer than min(scale, 6) fractional digits: the rule Spark SQL and
 * SQL Server use when a result's precision passes 38, chosen because it keeps both the ratios
 * and the large sums of everyday queries readable. Values are rounded half up to that scale; a
 * value whose integer part still does not fit fails the query with a message naming it.
 */
record DecimalShape(int precision, int scale) {
  static final int MAX_PRECISION = 38;
  /** The fraction a narrowed decimal keeps at least, when the source had that many digits. */
  static final int MIN_NARROWED_SCALE = 6;

  static DecimalShape forH2(long precision, int scale) {
    long fraction = Math.max(scale, 0);
    long integerDigits = Math.max(precision - scale, 0);
    if (integerDigits + fraction <= MAX_PRECISION) {
      return new DecimalShape((int) Math.max(1, integerDigits + fraction), (int) fraction);
    }
    long kept = Math.max(MAX_PRECISION - integerDigits, Math.min(fraction, MIN_NARROWED_SCALE));
    return new DecimalShape(MAX_PRECISION, (int) Math.min(kept, MAX_PRECISION));
  }

  /** {@code value} at this scale; an SQLException naming {@code column} if it needs more digits. */
  BigDecimal fit(BigDecimal value, String column) throws SQLException {
    BigDecimal scaled = value.scale() == scale ? value : value.setScale(scale, RoundingMode.HALF_UP);
    if (scaled.precision() > precision) {
      throw new SQLException("The value " + value.toPlainString() + " of column " + column + " does not fit "
          + this + ", the widest decimal Athena has; CAST it to DOUBLE or to a DECIMAL with fewer fractional"
          + " digits.", "22003");
    }
    return scaled;
  }

  @Override
  public String toString() {
    return "DECIMAL(" + precision + ", " + scale + ")";
  }
}
