package dev.lakeformation.jdbc.resultset.accessor;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.DenseUnionVector;
import org.apache.arrow.vector.complex.UnionVector;
import org.apache.arrow.vector.types.UnionMode;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * Sparse and dense unions: each value is one of its members', read by that member's accessor.
 * A row's type id names the member through the type ids the union declares (the query layer
 * checked that it declares one per member), as the format says; Arrow Java's own getters take the id
 * for one of Arrow Java's type codes and read other producers' unions as nulls. A sparse union's
 * row is the same row of its member, a dense union's the one at the row's offset. The batch's
 * type ids and offsets were checked once, before any getter (the query layer's batch validation).
 * Reported as OTHER; every getter is the member's.
 */
final class UnionAccessor extends ColumnAccessor {
  private final ColumnAccessor[] members;
  /** The member of each type id (0 to 127), or -1. */
  private final int[] memberOfTypeId = new int[128];
  private final boolean dense;
  /** The addresses of the current batch's type ids, and of its offsets when dense. */
  private long typeIds;
  private long offsets;

  UnionAccessor(String columnName, ArrowType.Union type, List<ColumnAccessor> members) {
    super(columnName);
    this.members = members.toArray(ColumnAccessor[]::new);
    this.dense = type.getMode() == UnionMode.Dense;
    Arrays.fill(memberOfTypeId, -1);
    int[] declared = type.getTypeIds();
    for (int m = 0; m < this.members.length; m++) {
      memberOfTypeId[declared[m]] = m;
    }
  }

  @Override
  public void bind(FieldVector vector) {
    this.vector = vector;
    int count = vector.getValueCount();
    List<FieldVector> children = vector.getChildrenFromFields();
    if (children.size() != members.length) {
      throw new IllegalArgumentException("column " + columnName + " has " + children.size() + " members; its type"
          + " declares " + members.length);
    }
    if (dense) {
      DenseUnionVector union = (DenseUnionVector) vector;
      typeIds = address(union.getTypeBuffer(), count, "type id buffer");
      offsets = address(union.getOffsetBuffer(), 4L * count, "offset buffer");
      for (int m = 0; m < members.length; m++) {
        members[m].bind(children.get(m));
      }
    } else {
      typeIds = address(((UnionVector) vector).getTypeBuffer(), count, "type id buffer");
      for (int m = 0; m < members.length; m++) {
        bindChild(members[m], children.get(m), count);
      }
    }
  }

  private ColumnAccessor member(int row) {
    return members[memberOfTypeId[MemoryUtil.getByte(typeIds + row)]];
  }

  private int memberRow(int row) {
    return dense ? MemoryUtil.getInt(offsets + 4L * row) : row;
  }

  /** A union has no validity bitmap of its own: a value is null when its member's is. */
  @Override
  public boolean isNull(int row) {
    return member(row).isNull(memberRow(row));
  }

  @Override
  public Object getObject(int row) throws SQLException {
    return member(row).getObject(memberRow(row));
  }

  @Override
  public String getString(int row) throws SQLException {
    return member(row).getString(memberRow(row));
  }

  @Override
  public boolean getBoolean(int row) throws SQLException {
    return member(row).getBoolean(memberRow(row));
  }

  @Override
  public long getLong(int row) throws SQLException {
    return member(row).getLong(memberRow(row));
  }

  @Override
  public int getInt(int row) throws SQLException {
    return member(row).getInt(memberRow(row));
  }

  @Override
  public short getShort(int row) throws SQLException {
    return member(row).getShort(memberRow(row));
  }

  @Override
  public byte getByte(int row) throws SQLException {
    return member(row).getByte(memberRow(row));
  }

  @Override
  public double getDouble(int row) throws SQLException {
    return member(row).getDouble(memberRow(row));
  }

  @Override
  public float getFloat(int row) throws SQLException {
    return member(row).getFloat(memberRow(row));
  }

  @Override
  public BigDecimal getBigDecimal(int row) throws SQLException {
    return member(row).getBigDecimal(memberRow(row));
  }

  @Override
  public byte[] getBytes(int row) throws SQLException {
    return member(row).getBytes(memberRow(row));
  }

  @Override
  public Date getDate(int row, Calendar calendar) throws SQLException {
    return member(row).getDate(memberRow(row), calendar);
  }

  @Override
  public Time getTime(int row, Calendar calendar) throws SQLException {
    return member(row).getTime(memberRow(row), calendar);
  }

  @Override
  public Timestamp getTimestamp(int row, Calendar calendar) throws SQLException {
    return member(row).getTimestamp(memberRow(row), calendar);
  }

  @Override
  public Array getArray(int row) throws SQLException {
    return member(row).getArray(memberRow(row));
  }

  @Override
  public <T> T getObject(int row, Class<T> type) throws SQLException {
    return member(row).getObject(memberRow(row), type);
  }

  @Override
  protected String describe() {
    return "union";
  }
}
