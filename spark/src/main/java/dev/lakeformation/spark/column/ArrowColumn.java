package dev.lakeformation.spark.column;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarArray;
import org.apache.spark.sql.vectorized.ColumnarMap;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * One column of a Spark {@code ColumnarBatch}, read straight from the Arrow vector of a work
 * unit's record batch: no value is copied into Spark's own vectors. One subclass per Arrow vector
 * family, chosen once per column by {@link ArrowColumns}, and bound to the vector of each new
 * batch; Spark calls only the getter of the column's Spark type, so each subclass overrides just
 * that one and every other getter fails.
 *
 * <p>The driver's Arrow is relocated inside the one-file jar, so Spark's own
 * {@code ArrowColumnVector} (compiled against Spark's Arrow) cannot read these vectors.
 *
 * <p>The vectors belong to the partition reader, which frees them when it moves on to the next
 * batch; {@link #close()} therefore frees nothing.
 */
public abstract class ArrowColumn extends ColumnVector {
  /** The column's vector in the current batch. */
  protected FieldVector vector;
  /** Its validity bitmap, read directly (as the JDBC accessors do); null for vectors without one. */
  private ArrowBuf validity;
  /** Nulls in the current batch, counted when first asked for; -1 before. */
  private int nullCount;

  protected ArrowColumn(DataType type) {
    super(type);
  }

  /** Points this column (and its children) at the vector of the current batch. */
  public void bind(FieldVector vector) {
    this.vector = vector;
    ArrowBuf bitmap;
    try {
      bitmap = vector.getValidityBuffer();
    } catch (UnsupportedOperationException e) {
      bitmap = null;
    }
    this.validity = bitmap;
    this.nullCount = -1;
  }

  @Override
  public boolean isNullAt(int rowId) {
    if (validity == null) {
      return vector.isNull(rowId);
    }
    return (validity.getByte(rowId >>> 3) & (1 << (rowId & 7))) == 0;
  }

  @Override
  public boolean hasNull() {
    return numNulls() > 0;
  }

  @Override
  public int numNulls() {
    if (nullCount < 0) {
      nullCount = vector.getNullCount();
    }
    return nullCount;
  }

  @Override
  public void close() {
    // the partition reader owns the Arrow memory
  }

  @Override
  public boolean getBoolean(int rowId) {
    throw notA("boolean");
  }

  @Override
  public byte getByte(int rowId) {
    throw notA("byte");
  }

  @Override
  public short getShort(int rowId) {
    throw notA("short");
  }

  @Override
  public int getInt(int rowId) {
    throw notA("int");
  }

  @Override
  public long getLong(int rowId) {
    throw notA("long");
  }

  @Override
  public float getFloat(int rowId) {
    throw notA("float");
  }

  @Override
  public double getDouble(int rowId) {
    throw notA("double");
  }

  @Override
  public ColumnarArray getArray(int rowId) {
    throw notA("array");
  }

  @Override
  public ColumnarMap getMap(int ordinal) {
    throw notA("map");
  }

  @Override
  public Decimal getDecimal(int rowId, int precision, int scale) {
    throw notA("decimal");
  }

  @Override
  public UTF8String getUTF8String(int rowId) {
    throw notA("string");
  }

  @Override
  public byte[] getBinary(int rowId) {
    throw notA("binary");
  }

  @Override
  public ColumnVector getChild(int ordinal) {
    throw notA("struct");
  }

  /** Spark asked for a value of another type than the column's: a bug, never bad data. */
  private UnsupportedOperationException notA(String what) {
    return new UnsupportedOperationException("The " + dataType().simpleString() + " column "
        + (vector == null ? "" : vector.getName() + " ") + "has no " + what + " values.");
  }
}
