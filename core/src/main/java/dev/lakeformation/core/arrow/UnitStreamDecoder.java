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
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Decodes one work unit's body, an Arrow IPC stream from a producer the driver does not
 * control, into record batches the reader can trust: dictionary-encoded columns decoded, every
 * batch moved into vectors of its own and checked by {@link BatchValidation} (buffers as long as
 * their lengths say, offsets in range and increasing), so that no getter reads outside a buffer.
 *
 * <p>Failures: an IOException when the bytes stop or are not IPC messages; an unchecked
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
      for (FieldVector vector : root.getFieldVectors()) {
        Field field = vector.getField();
        checkField(field, 1);
        if (field.getDictionary() != null) {
          Dictionary dictionary = reader.getDictionaryVectors().get(field.getDictionary().getId());
          if (dictionary == null) {
            throw new IOException("column " + field.getName() + " refers to dictionary "
                + field.getDictionary().getId() + ", which the stream never sent");
          }
          Field valueField = dictionary.getVector().getField();
          fields.add(new Field(field.getName(), valueField.getFieldType(), valueField.getChildren()));
        } else {
          fields.add(field);
        }
      }
      schema = new Schema(fields);
    }
    return schema;
  }

  /** Nesting within {@link #MAX_NESTING}, and time zones Java knows, at every level. */
  private static void checkField(Field field, int depth) {
    if (depth > MAX_NESTING) {
      throw new IllegalArgumentException("column nesting deeper than " + MAX_NESTING + " levels");
    }
    if (field.getType() instanceof ArrowType.Timestamp t && t.getTimezone() != null) {
      try {
        ZoneId.of(t.getTimezone());
      } catch (DateTimeException e) {
        throw new IllegalArgumentException("column " + field.getName() + " has the unknown time zone '"
            + t.getTimezone() + "'");
      }
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
      for (FieldVector vector : root.getFieldVectors()) {
        BatchValidation.check(vector);
        if (vector.getField().getDictionary() != null) {
          Dictionary dictionary = reader.lookup(vector.getField().getDictionary().getId());
          BatchValidation.check(dictionary.getVector());
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
