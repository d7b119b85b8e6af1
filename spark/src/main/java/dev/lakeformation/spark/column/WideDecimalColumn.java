package dev.lakeformation.spark.column;

import java.math.BigDecimal;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Decimal columns wider than Spark's 38 digits (Decimal256), or with a scale Spark's DECIMAL
 * cannot hold (negative, or above the precision),
 * as exact text in plain notation ({@code -12345678901234567890123456789012345678901.5}): no
 * value is rounded or lost, and {@code CAST(c AS DECIMAL(38, s))} in Spark narrows them where
 * they fit. Rare, so read through the vector's own BigDecimal.
 */
final class WideDecimalColumn extends ArrowColumn {
  WideDecimalColumn() {
    super(DataTypes.StringType);
  }

  @Override
  public UTF8String getUTF8String(int rowId) {
    return UTF8String.fromString(((BigDecimal) vector.getObject(rowId)).toPlainString());
  }
}
