package dev.lakeformation.core.arrow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.arrow.flatbuf.DictionaryBatch;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.RecordBatch;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.dictionary.DictionaryEncoder;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;

/** Reading test streams value by value, and looking at how their batches are compressed. */
final class CompressedStreams {
  private CompressedStreams() {}

  /** Every row of every batch {@code reader} reads, each value as text (dictionaries decoded). */
  static List<List<String>> rows(ArrowReader reader, BufferAllocator allocator) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    while (reader.loadNextBatch()) {
      var root = reader.getVectorSchemaRoot();
      List<ValueVector> columns = new ArrayList<>();
      try {
        for (FieldVector vector : root.getFieldVectors()) {
          var encoding = vector.getField().getDictionary();
          columns.add(encoding == null ? vector
              : DictionaryEncoder.decode(vector, reader.getDictionaryVectors().get(encoding.getId()), allocator));
        }
        for (int row = 0; row < root.getRowCount(); row++) {
          List<String> values = new ArrayList<>();
          for (ValueVector column : columns) {
            Object value = column.getObject(row);
            values.add(value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : String.valueOf(value));
          }
          rows.add(values);
        }
      } finally {
        for (int i = 0; i < columns.size(); i++) {
          if (columns.get(i) != root.getVector(i)) {
            columns.get(i).close();
          }
        }
      }
    }
    return rows;
  }

  /** Every row of {@code stream}, read as the driver reads work units. */
  static List<List<String>> rows(byte[] stream, BufferAllocator allocator) throws IOException {
    try (ArrowStreamReader reader = ArrowIpc.openStream(new ByteArrayInputStream(stream), allocator)) {
      return rows(reader, allocator);
    }
  }

  /**
   * The codec of each batch message in {@code stream}, in order: "R" or "D" (record or
   * dictionary batch) then the IPC codec number, or "-" when it is not compressed.
   */
  static List<String> codecs(byte[] stream) {
    ByteBuffer bytes = ByteBuffer.wrap(stream).order(ByteOrder.LITTLE_ENDIAN);
    List<String> codecs = new ArrayList<>();
    while (bytes.remaining() >= 8) {
      bytes.getInt(); // continuation marker
      int length = bytes.getInt();
      if (length == 0) {
        break;
      }
      ByteBuffer metadata = bytes.slice(bytes.position(), length).order(ByteOrder.LITTLE_ENDIAN);
      Message message = Message.getRootAsMessage(metadata);
      RecordBatch batch = switch (message.headerType()) {
        case MessageHeader.RecordBatch -> (RecordBatch) message.header(new RecordBatch());
        case MessageHeader.DictionaryBatch -> ((DictionaryBatch) message.header(new DictionaryBatch())).data();
        default -> null;
      };
      if (batch != null) {
        codecs.add((message.headerType() == MessageHeader.RecordBatch ? "R" : "D")
            + (batch.compression() == null ? "-" : String.valueOf(batch.compression().codec())));
      }
      bytes.position(bytes.position() + length + (int) message.bodyLength());
    }
    return codecs;
  }
}
