package dev.lakeformation.core.arrow;

import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryEncoder;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Decodes one work unit's body, an Arrow IPC stream from a producer the driver does not
 * control, into record batches the reader can trust: dictionary-encoded columns decoded, every
 * batch moved into vectors of its own and checked by {@link BatchValidation} (buffers as long as
 * their lengths say, offsets in range and increasing), so that no getter reads outside a buffer.
 *
 * <p>Failures: an {@link UnsupportedArrowException} for valid Arrow the driver cannot read; an
 * IOException when the bytes stop or are not IPC messages; an unchecked
 * exception (IllegalArgumentException, Arrow's ValidateException, OutOfMemoryException from
 * the allocator's limit) when the messages decode to something invalid.
 */
public final class UnitStreamDecoder implements AutoCloseable {
  /** Deeper nesting than any real schema has; a hostile one could otherwise exhaust the stack. */
  public static final int MAX_NESTING = 64;

  private final ArrowStreamReader reader;
  private final BufferAllocator allocator;
  private VectorSchemaRoot root;
  private Schema schema;

  public UnitStreamDecoder(InputStream body, BufferAllocator allocator) {
    this.reader = ArrowIpc.openStream(body, allocator);
    this.allocator = allocator;
  }

  /** The unit's schema as the reader sees it (dictionary columns decoded); reads the schema message. */
  public Schema schema() throws IOException {
    if (schema == null) {
      try {
        root = reader.getVectorSchemaRoot();
      } catch (StackOverflowError e) {
        throw new IllegalArgumentException("the schema nests deeper than the stack allows");
      }
      List<Field> fields = new ArrayList<>();
      // The fields as the schema message declared them, not as the vectors give them back: a
      // union vector gives Arrow Java's own type ids in place of the producer's.
      for (Field field : root.getSchema().getFields()) {
        Field decoded = field;
        if (field.getDictionary() != null) {
          Dictionary dictionary = reader.getDictionaryVectors().get(field.getDictionary().getId());
          if (dictionary == null) {
            throw new IOException("column " + field.getName() + " refers to dictionary "
                + field.getDictionary().getId() + ", which the stream never sent");
          }
          // The column as its values read: their type, the column's own nullability (its nulls are
          // in the indexes) and its own metadata (a declared SQL type, say).
          Field valueField = dictionary.getVector().getField();
          if (holdsUnion(valueField)) {
            // The dictionary's vector gives Arrow Java's own type ids, not those the producer declared.
            throw new UnsupportedArrowException("a dictionary of union values (column " + field.getName() + ")");
          }
          decoded = new Field(field.getName(), new FieldType(field.isNullable(), valueField.getType(), null,
              field.getMetadata()), valueField.getChildren());
        }
        checkField(decoded, 1);
        fields.add(decoded);
      }
      schema = new Schema(fields);
    }
    return schema;
  }

  private static boolean holdsUnion(Field field) {
    return field.getType().getTypeID() == ArrowType.ArrowTypeID.Union
        || field.getChildren().stream().anyMatch(UnitStreamDecoder::holdsUnion);
  }

  /**
   * At every level: nesting within {@link #MAX_NESTING}, time zones Java knows, and times as wide
   * as their unit; and nothing the reader would read as something else (see {@link UnsupportedArrowException}).
   */
  private static void checkField(Field field, int depth) throws UnsupportedArrowException {
    if (depth > MAX_NESTING) {
      throw new IllegalArgumentException("column nesting deeper than " + MAX_NESTING + " levels");
    }
    if (field.getDictionary() != null) {
      // Only whole columns are decoded: an encoded field inside one would be read as its indexes.
      throw new UnsupportedArrowException("a dictionary-encoded field inside a nested column (" + field.getName()
          + ")");
    }
    switch (field.getType().getTypeID()) {
      case ListView, LargeListView -> throw new UnsupportedArrowException("the list-view type (column "
          + field.getName() + ")");
      case Time -> {
        ArrowType.Time time = (ArrowType.Time) field.getType();
        int bits = switch (time.getUnit()) {
          case SECOND, MILLISECOND -> 32;
          case MICROSECOND, NANOSECOND -> 64;
        };
        if (time.getBitWidth() != bits) {
          throw new IllegalArgumentException("column " + field.getName() + " is a time in " + time.getUnit()
              + " of " + time.getBitWidth() + " bits; the format has " + bits);
        }
      }
      case Timestamp -> {
        // An empty zone is no zone (Schema.fbs), as the types layer reads it too.
        ArrowType.Timestamp t = (ArrowType.Timestamp) field.getType();
        if (t.getTimezone() != null && !t.getTimezone().isEmpty()) {
          try {
            ZoneId.of(t.getTimezone());
          } catch (DateTimeException e) {
            throw new IllegalArgumentException("column " + field.getName() + " has the unknown time zone '"
                + t.getTimezone() + "'");
          }
        }
      }
      default -> { }
    }
    for (Field child : field.getChildren()) {
      checkField(child, depth + 1);
    }
  }

  /** The next batch, validated and owned by the caller (who closes it), or null at the stream's end. */
  public VectorSchemaRoot next() throws IOException {
    Schema decoded = schema();
    if (!reader.loadNextBatch()) {
      return null;
    }
    List<FieldVector> vectors = new ArrayList<>(root.getFieldVectors().size());
    try {
      for (int i = 0; i < root.getFieldVectors().size(); i++) {
        FieldVector vector = root.getVector(i);
        Field field = root.getSchema().getFields().get(i);
        BatchValidation.check(vector, field);
        if (field.getDictionary() != null) {
          Dictionary dictionary = reader.lookup(field.getDictionary().getId());
          BatchValidation.check(dictionary.getVector(), dictionary.getVector().getField());
          checkIndexes(vector, dictionary);
          vectors.add((FieldVector) DictionaryEncoder.decode(vector, dictionary, allocator));
        } else {
          var transfer = vector.getTransferPair(allocator);
          transfer.transfer();
          vectors.add((FieldVector) transfer.getTo());
        }
      }
    } catch (RuntimeException e) {
      vectors.forEach(ValueVector::close);
      throw e;
    }
    return new VectorSchemaRoot(decoded.getFields(), vectors, root.getRowCount());
  }

  /** Every dictionary index must name an entry; decoding would otherwise read past the dictionary. */
  private static void checkIndexes(FieldVector indexes, Dictionary dictionary) {
    if (!(indexes instanceof BaseIntVector integers)) {
      throw new IllegalArgumentException("dictionary indexes of column " + indexes.getName() + " are not integers");
    }
    int entries = dictionary.getVector().getValueCount();
    for (int i = 0; i < indexes.getValueCount(); i++) {
      if (!indexes.isNull(i)) {
        long index = integers.getValueAsLong(i);
        if (index < 0 || index >= entries) {
          throw new IllegalArgumentException("dictionary index " + index + " at row " + i + " is outside the "
              + entries + " entries of dictionary " + dictionary.getEncoding().getId());
        }
      }
    }
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
