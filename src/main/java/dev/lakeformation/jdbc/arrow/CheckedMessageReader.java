package dev.lakeformation.jdbc.arrow;

import java.io.IOException;
import org.apache.arrow.flatbuf.Buffer;
import org.apache.arrow.flatbuf.DictionaryBatch;
import org.apache.arrow.flatbuf.FieldNode;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.RecordBatch;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ReadChannel;
import org.apache.arrow.vector.ipc.message.MessageChannelReader;
import org.apache.arrow.vector.ipc.message.MessageResult;

/**
 * Reads IPC messages and checks each record or dictionary batch header against its body
 * before Arrow slices the body: every buffer must lie inside the body and every length must be
 * non-negative. Arrow trusts these numbers; a corrupt one makes it throw while it holds the body,
 * and the body's memory is then never freed. Here the body is freed and an IOException thrown.
 */
final class CheckedMessageReader extends MessageChannelReader {
  CheckedMessageReader(ReadChannel in, BufferAllocator allocator) {
    super(in, allocator);
  }

  @Override
  public MessageResult readNext() throws IOException {
    MessageResult result = super.readNext();
    if (result == null || result.getBodyBuffer() == null) {
      return result;
    }
    ArrowBuf body = result.getBodyBuffer();
    try {
      check(result.getMessage(), body.capacity());
    } catch (IOException | RuntimeException e) {
      body.getReferenceManager().release();
      throw e instanceof IOException io ? io : new IOException("the message header is corrupt: " + e, e);
    }
    return result;
  }

  private static void check(Message message, long bodyBytes) throws IOException {
    RecordBatch batch;
    if (message.headerType() == MessageHeader.RecordBatch) {
      batch = (RecordBatch) message.header(new RecordBatch());
    } else if (message.headerType() == MessageHeader.DictionaryBatch) {
      batch = ((DictionaryBatch) message.header(new DictionaryBatch())).data();
    } else {
      // Arrow would reject the message, or ignore the body, without freeing it.
      throw new IOException("a message of type " + message.headerType() + " carries a " + bodyBytes
          + "-byte body; only record and dictionary batches have bodies");
    }
    if (batch == null) {
      throw new IOException("a batch message has no batch header");
    }
    if (batch.compression() != null) {
      throw new IOException("the batch is compressed (codec " + batch.compression().codec() + "); compressed"
          + " Arrow bodies are not supported");
    }
    for (int i = 0; i < batch.variadicBufferCountsLength(); i++) {
      if (batch.variadicBufferCounts(i) < 0 || batch.variadicBufferCounts(i) > batch.buffersLength()) {
        throw new IOException("a batch claims " + batch.variadicBufferCounts(i) + " variadic buffers");
      }
    }
    if (batch.length() < 0 || batch.length() > Integer.MAX_VALUE) {
      throw new IOException("a batch claims " + batch.length() + " rows");
    }
    Buffer buffer = new Buffer();
    for (int i = 0; i < batch.buffersLength(); i++) {
      batch.buffers(buffer, i);
      if (buffer.offset() < 0 || buffer.length() < 0 || buffer.offset() + buffer.length() > bodyBytes
          || buffer.offset() + buffer.length() < 0) {
        throw new IOException("buffer " + i + " of a batch lies outside its " + bodyBytes + "-byte body (offset "
            + buffer.offset() + ", length " + buffer.length() + ")");
      }
    }
    FieldNode node = new FieldNode();
    for (int i = 0; i < batch.nodesLength(); i++) {
      batch.nodes(node, i);
      if (node.length() < 0 || node.length() > Integer.MAX_VALUE || node.nullCount() < 0
          || node.nullCount() > node.length()) {
        throw new IOException("column " + i + " of a batch claims " + node.length() + " values and "
            + node.nullCount() + " nulls");
      }
    }
  }
}
