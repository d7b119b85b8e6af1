package dev.lakeformation.core.arrow;

import dev.lakeformation.core.arrow.compression.ArrowCodec;
import dev.lakeformation.core.arrow.compression.IpcCompression;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.compression.CompressionCodec;
import org.apache.arrow.vector.compression.NoCompressionCodec;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.WriteChannel;
import org.apache.arrow.vector.ipc.message.ArrowDictionaryBatch;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.DictionaryUtility;

/**
 * Arrow IPC stream bytes for tests, written message by message with Arrow's own serializer:
 * the schema, any dictionaries, one record batch per root given, the end-of-stream marker;
 * optionally with every batch's buffers compressed, dictionary batches included.
 */
public final class IpcStreams {
  private IpcStreams() {}

  /** A stream whose schema is the first root's and whose batches are the roots' contents. */
  public static byte[] of(VectorSchemaRoot... batches) {
    return withDictionaries(new Dictionary[0], batches);
  }

  /** As {@link #of}, with dictionary batches sent after the schema. */
  public static byte[] withDictionaries(Dictionary[] dictionaries, VectorSchemaRoot... batches) {
    return compressed(IpcCompression.NONE, dictionaries, batches);
  }

  /** As {@link #withDictionaries}, every batch's buffers compressed by {@code compression}. */
  public static byte[] compressed(IpcCompression compression, Dictionary[] dictionaries, VectorSchemaRoot... batches) {
    CompressionCodec codec = compression == IpcCompression.NONE ? NoCompressionCodec.INSTANCE
        : new ArrowCodec(compression.newCodec());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    WriteChannel out = new HeapCopyWriteChannel(Channels.newChannel(bytes));
    IpcOption option = IpcOption.DEFAULT;
    try {
      // In memory a dictionary-encoded field has its index type; on the wire, its value type.
      DictionaryProvider.MapDictionaryProvider provider = new DictionaryProvider.MapDictionaryProvider(dictionaries);
      List<Field> wireFields = new ArrayList<>();
      for (Field field : batches[0].getSchema().getFields()) {
        wireFields.add(DictionaryUtility.toMessageFormat(field, provider, new HashSet<>()));
      }
      MessageSerializer.serialize(out, new Schema(wireFields), option);
      for (Dictionary dictionary : dictionaries) {
        // Not closed: closing the root would close the dictionary's vector, which the caller owns.
        VectorSchemaRoot values = new VectorSchemaRoot(List.of(dictionary.getVector().getField()),
            List.of(dictionary.getVector()), dictionary.getVector().getValueCount());
        try (ArrowDictionaryBatch message = new ArrowDictionaryBatch(dictionary.getEncoding().getId(),
            new VectorUnloader(values, true, codec, true).getRecordBatch(), false)) {
          MessageSerializer.serialize(out, message, option);
        }
      }
      for (VectorSchemaRoot root : batches) {
        try (ArrowRecordBatch batch = new VectorUnloader(root, true, codec, true).getRecordBatch()) {
          MessageSerializer.serialize(out, batch, option);
        }
      }
      ArrowStreamWriter.writeEndOfStream(out, option);
    } catch (IOException e) {
      throw new AssertionError("writing to memory failed", e);
    }
    return bytes.toByteArray();
  }
}
