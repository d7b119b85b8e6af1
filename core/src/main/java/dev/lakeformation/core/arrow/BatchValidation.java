package dev.lakeformation.core.arrow;

import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseLargeVariableWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.DenseUnionVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.LargeListVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.UnionVector;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.util.ValueVectorUtility;

/**
 * Checks a decoded vector before any getter reads it: Arrow's own buffer checks (each buffer
 * long enough for the value count), then what makes reads memory-safe for variable-length data,
 * which Arrow leaves to its full validation: offsets that start at or above 0, never decrease,
 * and end inside the data (or the child vector), at every level of nesting.
 *
 * <p>Arrow's full validation is not used: it also judges values (decimal precision…) and fails
 * on valid maps and fixed-size lists in the Arrow version the driver ships; its buffer checks
 * fail on valid maps and half floats, which get the same checks written here instead. The flat
 * vectors most results are made of (numbers, dates, times, text, binary) get them too: Arrow's
 * checks of those also compare each vector's type with its field's, which the reader made alike,
 * and format their messages before knowing whether they fail.
 *
 * <p>A batch that passes may be read by address, without a check per value: the driver's
 * accessors do.
 */
final class BatchValidation {
  private BatchValidation() {}

  /**
   * Throws IllegalArgumentException (or Arrow's ValidateException) when {@code vector} is unsafe
   * to read. {@code field} is the vector's field as the schema declared it: Arrow Java's union
   * vectors give their own type ids in place of those the producer declared.
   */
  static void check(FieldVector vector, Field field) {
    if (vector instanceof BaseFixedWidthVector || vector instanceof BaseVariableWidthVector
        || vector instanceof BaseLargeVariableWidthVector) {
      checkValidity(vector);
      checkData(vector);
      checkOffsetsHere(vector);
      return;
    }
    if (vector instanceof UnionVector || vector instanceof DenseUnionVector) {
      checkUnion(vector, (ArrowType.Union) field.getType());
      checkChildren(vector, field);
      return;
    }
    if (arrowChecks(field)) {
      ValueVectorUtility.validate(vector);
      checkOffsets(vector);
      return;
    }
    // Arrow's own check wrongly rejects every map and every half float, so those and their
    // parents get ours, and their other children Arrow's.
    checkValidity(vector);
    checkOffsetsHere(vector);
    checkChildren(vector, field);
  }

  private static void checkChildren(FieldVector vector, Field field) {
    List<FieldVector> children = vector.getChildrenFromFields();
    if (children.size() != field.getChildren().size()) {
      throw invalid(vector.getName(), "has " + children.size() + " children; its type declares "
          + field.getChildren().size());
    }
    for (int i = 0; i < children.size(); i++) {
      check(children.get(i), field.getChildren().get(i));
    }
  }

  /**
   * A union's type ids, each one the union declares (Arrow's own check reads them as Arrow
   * Java's type codes), and what each row reads in its member: the same row of a sparse union,
   * the row at its offset in a dense one. The declared ids were checked with the schema (one per
   * member, distinct, 0 to 127); the result set's union accessor maps them to members the same way.
   */
  private static void checkUnion(FieldVector union, ArrowType.Union type) {
    int count = union.getValueCount();
    ArrowBuf typeIds = union instanceof UnionVector sparse ? sparse.getTypeBuffer()
        : ((DenseUnionVector) union).getTypeBuffer();
    if (typeIds.capacity() < count) {
      throw invalid(union.getName(), "has a type id buffer too short for " + count + " values");
    }
    List<FieldVector> members = union.getChildrenFromFields();
    int[] declared = type.getTypeIds();
    int[] memberOfTypeId = new int[128];
    Arrays.fill(memberOfTypeId, -1);
    for (int m = 0; m < members.size(); m++) {
      memberOfTypeId[declared[m]] = m;
    }
    ArrowBuf offsets = union instanceof DenseUnionVector dense ? dense.getOffsetBuffer() : null;
    if (offsets != null && offsets.capacity() < 4L * count) {
      throw invalid(union.getName(), "has an offset buffer too short for " + count + " values");
    }
    for (FieldVector member : members) {
      if (offsets == null && member.getValueCount() < count) {
        throw invalid(union.getName(), "has a member " + member.getName() + " of " + member.getValueCount()
            + " values, fewer than its " + count);
      }
    }
    long typeIdAddress = typeIds.memoryAddress();
    long offsetAddress = offsets == null ? 0 : offsets.memoryAddress();
    int[] memberValues = members.stream().mapToInt(FieldVector::getValueCount).toArray();
    for (int row = 0; row < count; row++) {
      int typeId = MemoryUtil.getByte(typeIdAddress + row);
      int member = typeId < 0 ? -1 : memberOfTypeId[typeId];
      if (member < 0) {
        throw invalid(union.getName(), "has the type id " + typeId + " at row " + row + ", which it does not declare");
      }
      if (offsets != null) {
        int offset = MemoryUtil.getInt(offsetAddress + 4L * row);
        if (offset < 0 || offset >= memberValues[member]) {
          throw invalid(union.getName(), "has the offset " + offset + " at row " + row + ", outside its member "
              + members.get(member).getName());
        }
      }
    }
  }

  /**
   * Whether Arrow's own check can judge {@code field}: not a map or a half float, at any level,
   * nor a union, whose type ids the accessors read by address after {@link #checkUnion}.
   */
  private static boolean arrowChecks(Field field) {
    ArrowType type = field.getType();
    if (type.getTypeID() == ArrowType.ArrowTypeID.Map || type.getTypeID() == ArrowType.ArrowTypeID.Union
        || type instanceof ArrowType.FloatingPoint f && f.getPrecision() == FloatingPointPrecision.HALF) {
      return false;
    }
    for (Field child : field.getChildren()) {
      if (!arrowChecks(child)) {
        return false;
      }
    }
    return true;
  }

  private static void checkValidity(FieldVector vector) {
    ArrowBuf validity = vector.getValidityBuffer();
    if (validity.capacity() < (vector.getValueCount() + 7L) / 8) {
      throw invalid(vector.getName(), "has a validity bitmap too short for " + vector.getValueCount() + " values");
    }
  }

  /** A fixed-width vector's data: a bit per value, or its type's width per value. */
  private static void checkData(FieldVector vector) {
    if (!(vector instanceof BaseFixedWidthVector fixed)) {
      return; // variable width: the offsets say how much data there must be
    }
    long needed = vector instanceof BitVector ? (vector.getValueCount() + 7L) / 8
        : (long) vector.getValueCount() * fixed.getTypeWidth();
    if (vector.getDataBuffer().capacity() < needed) {
      throw invalid(vector.getName(), "has a data buffer too short for " + vector.getValueCount() + " values");
    }
  }

  private static void checkOffsets(FieldVector vector) {
    checkOffsetsHere(vector);
    for (FieldVector child : vector.getChildrenFromFields()) {
      checkOffsets(child);
    }
  }

  /** The offsets of {@code vector} itself, not of its children. */
  private static void checkOffsetsHere(FieldVector vector) {
    int count = vector.getValueCount();
    if (vector instanceof BaseVariableWidthVector v) {
      checkOffsets(v.getOffsetBuffer(), 4, count, v.getDataBuffer().capacity(), v.getName());
    } else if (vector instanceof BaseLargeVariableWidthVector v) {
      checkOffsets(v.getOffsetBuffer(), 8, count, v.getDataBuffer().capacity(), v.getName());
    } else if (vector instanceof ListVector v) { // MapVector is a ListVector
      checkOffsets(v.getOffsetBuffer(), 4, count, v.getDataVector().getValueCount(), v.getName());
    } else if (vector instanceof LargeListVector v) {
      checkOffsets(v.getOffsetBuffer(), 8, count, v.getDataVector().getValueCount(), v.getName());
    } else if (vector instanceof FixedSizeListVector v) {
      long needed = (long) count * v.getListSize();
      if (needed > v.getDataVector().getValueCount()) {
        throw invalid(v.getName(), "needs " + needed + " child values but has " + v.getDataVector().getValueCount());
      }
    }
  }

  /** Offsets of {@code width} bytes (4 or 8): non-negative, never decreasing, ending by {@code end}. */
  private static void checkOffsets(ArrowBuf offsets, int width, int count, long end, String name) {
    if (count == 0) {
      return;
    }
    if (offsets.capacity() < (count + 1L) * width) {
      throw invalid(name, "has too few offsets for " + count + " values");
    }
    // Read by address: the length was just checked, and a batch has thousands of offsets.
    long address = offsets.memoryAddress();
    long previous = offset(address, width, 0);
    if (previous < 0) {
      throw invalid(name, "starts at offset " + previous);
    }
    for (int i = 1; i <= count; i++) {
      long offset = offset(address, width, i);
      if (offset < previous) {
        throw invalid(name, "has a decreasing offset at value " + i);
      }
      previous = offset;
    }
    if (previous > end) {
      throw invalid(name, "ends at offset " + previous + ", past its " + end + " bytes or values");
    }
  }

  private static long offset(long address, int width, int index) {
    return width == 4 ? MemoryUtil.getInt(address + ((long) index << 2))
        : MemoryUtil.getLong(address + ((long) index << 3));
  }

  private static IllegalArgumentException invalid(String column, String problem) {
    return new IllegalArgumentException("column " + column + " " + problem);
  }
}
