package dev.lakeformation.jdbc.resultset;

import dev.lakeformation.core.arrow.HeapCopyReadChannel;
import dev.lakeformation.core.query.BatchSource;
import dev.lakeformation.core.query.FetchedBatch;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryEncoder;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.message.MessageChannelReader;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.TransferPair;

/**
 * Record batches decoded by Arrow's own stream and message readers (dictionaries decoded with Arrow's
 * encoder) and handed to a result set as they are: no fetch path, no work units.
 */
final class ArrowReaderBatches implements BatchSource {
  private final ArrayDeque<VectorSchemaRoot> batches = new ArrayDeque<>();
  private Schema schema;

  ArrowReaderBatches(List<byte[]> units, BufferAllocator allocator) throws IOException {
    try {
      for (byte[] unit : units) {
        read(unit, allocator);
      }
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  private void read(byte[] unit, BufferAllocator allocator) throws IOException {
    // Arrow's own reader of IPC messages, over the channel that spares it the JDK internals it would need.
    try (ArrowStreamReader reader = new ArrowStreamReader(new MessageChannelReader(
        new HeapCopyReadChannel(new ByteArrayInputStream(unit)), allocator), allocator)) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      while (reader.loadNextBatch()) {
        List<FieldVector> vectors = new ArrayList<>();
        for (FieldVector vector : root.getFieldVectors()) {
          DictionaryEncoding encoding = vector.getField().getDictionary();
          if (encoding == null) {
            vectors.add(moved(vector, vector.getField(), allocator));
          } else {
            try (ValueVector values = DictionaryEncoder.decode(vector, reader.lookup(encoding.getId()), allocator)) {
              Field field = new Field(vector.getName(), values.getField().getFieldType(),
                  values.getField().getChildren());
              vectors.add(moved(values, field, allocator));
            }
          }
        }
        VectorSchemaRoot batch = new VectorSchemaRoot(vectors.stream().map(FieldVector::getField).toList(), vectors,
            root.getRowCount());
        schema = batch.getSchema();
        batches.add(batch);
      }
    }
  }

  /** The vector's buffers moved into a new vector of {@code field}: the reader reuses its own. */
  private static FieldVector moved(ValueVector vector, Field field, BufferAllocator allocator) {
    TransferPair transfer = vector.getTransferPair(field, allocator);
    transfer.transfer();
    return (FieldVector) transfer.getTo();
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public FetchedBatch next() {
    VectorSchemaRoot batch = batches.poll();
    return batch == null ? null : FetchedBatch.inMemory(batch);
  }

  @Override
  public void close() {
    while (!batches.isEmpty()) {
      batches.poll().close();
    }
  }
}
