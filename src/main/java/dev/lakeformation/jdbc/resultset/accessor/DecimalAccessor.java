package dev.lakeformation.jdbc.resultset.accessor;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import org.apache.arrow.vector.Decimal256Vector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;

/** Decimal (128-bit) and Decimal256 vectors, read as BigDecimal with the column's scale. */
final class DecimalAccessor extends ColumnAccessor {
  private DecimalVector decimal;
  private Decimal256Vector decimal256;

  DecimalAccessor(String columnName) {
    super(columnName);
  }

  @Override
  public void bind(FieldVector vector) {
    super.bind(vector);
    this.decimal = vector instanceof DecimalVector d ? d : null;
    this.decimal256 = vector instanceof Decimal256Vector d ? d : null;
  }

  @Override
  public BigDecimal getBigDecimal(int row) {
    return decimal != null ? decimal.getObjectNotNull(row) : decimal256.getObjectNotNull(row);
  }

  @Override
  public Object getObject(int row) {
    return getBigDecimal(row);
  }

  @Override
  public String getString(int row) {
    return getBigDecimal(row).toPlainString();
  }

  /** Drops the fraction (toward zero), as a cast does; a value out of range is an error. */
  @Override
  public long getLong(int row) throws SQLException {
    BigDecimal value = getBigDecimal(row).setScale(0, RoundingMode.DOWN);
    try {
      return value.longValueExact();
    } catch (ArithmeticException e) {
      throw outOfRange(value, "long");
    }
  }

  @Override
  public double getDouble(int row) {
    return getBigDecimal(row).doubleValue();
  }

  @Override
  public boolean getBoolean(int row) {
    return getBigDecimal(row).signum() != 0;
  }

  @Override
  protected String describe() {
    return vector.getField().getType().toString();
  }
}
