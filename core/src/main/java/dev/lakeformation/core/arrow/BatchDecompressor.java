package dev.lakeformation.core.arrow;

import com.google.flatbuffers.FlatBufferBuilder;
import dev.lakeformation.core.arrow.compression.BufferCodec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.util.HashMap;
import java.util.Map;
import org.apache.arrow.flatbuf.BodyCompression;
import org.apache.arrow.flatbuf.BodyCompressionMethod;
import org.apache.arrow.flatbuf.Buffer;
import org.apache.arrow.flatbuf.DictionaryBatch;
import org.apache.arrow.flatbuf.FieldNode;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.RecordBatch;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ReadChannel;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.apache.arrow.vector.ipc.message.MessageChannelReader;
import org.apache.arrow.vector.ipc.message.MessageResult;
import org.apache.arrow.vector.ipc.message.MessageSerializer;

/**
 * Turns a record or dictionary batch whose buffers are compressed (the IPC format's
 * {@code BodyCompression}) into the same batch uncompressed: a new body holding every buffer
 * decoded, and a new header pointing at them, without the compression. Done before the batch is
 * checked, so that {@link CheckedMessageReader}'s checks and Arrow's loading see the real buffers.
 *
 * <p>Each buffer of a compressed batch is empty, or starts with its uncompressed length as a
 * little-endian 64-bit integer, followed by the codec's output, or by the raw bytes when the length
 * is -1. Lengths come from a producer that is not trusted: each is checked against what its
 * compressed bytes could possibly decode to, and their sum against what the allocator may still
 * give, before anything is allocated; each buffer must then decode to exactly its length.
 */
final class BatchDecompressor {
  private static final int PREFIX_BYTES = 8;
  private static final long RAW = -1;
  /**
   * Buffers are decoded through heap arrays (handing Arrow memory to a codec would need a JVM
   * flag), so one buffer's compressed or decoded bytes may take at most a quarter of the heap:
   * a larger claim fails with an IOException instead of an OutOfMemoryError.
   */
  private static final long MAX_BUFFER_BYTES = Math.min(Integer.MAX_VALUE - 8, Runtime.getRuntime().maxMemory() / 4);

  /** One codec per kind, kept for the stream: codecs keep scratch tables between buffers. */
  private final Map<Byte, BufferCodec> codecs = new HashMap<>();

  /**
   * The uncompressed form of {@code message}, whose body is {@code body} (null when it has none),
   * or null when the message is not a compressed batch. The caller still owns {@code body}.
   */
  MessageResult decompress(Message message, ArrowBuf body, BufferAllocator allocator) throws IOException {
    RecordBatch batch;
    DictionaryBatch dictionary = null;
    if (message.headerType() == MessageHeader.RecordBatch) {
      batch = (RecordBatch) message.header(new RecordBatch());
    } else if (message.headerType() == MessageHeader.DictionaryBatch) {
      dictionary = (DictionaryBatch) message.header(new DictionaryBatch());
      batch = dictionary == null ? null : dictionary.data();
    } else {
      return null;
    }
    BodyCompression compression = batch == null ? null : batch.compression();
    if (compression == null) {
      return null;
    }
    if (compression.method() != BodyCompressionMethod.BUFFER) {
      throw new IOException("the batch is compressed by method " + compression.method()
          + "; the Arrow IPC format defines only BUFFER (0)");
    }
    checkVectorLengths(message, batch);
    BufferCodec codec = codecs.get(compression.codec());
    if (codec == null) {
      codec = BufferCodec.forIpcCodec(compression.codec());
      codecs.put(compression.codec(), codec);
    }
    Layout layout = new Layout(batch, message.bodyLength(), body, codec, allocator.getHeadroom());
    ByteBuffer header = header(message, batch, dictionary, layout);
    ReadChannel channel = new DecodingChannel(header, layout, body, codec);
    // Arrow makes a MessageResult only from a channel (its constructor is not public), so the new
    // message is read from one; reading its body decodes the buffers into the memory Arrow
    // allocates for it, which Arrow frees if decoding fails.
    return new MessageChannelReader(channel, allocator).readNext();
  }

  /**
   * Flatbuffers do not check a vector's length against the bytes it claims to span: a corrupt
   * header could claim two billion buffers, and sizing arrays by that would exhaust the heap. A
   * vector of {@code n} structs of {@code w} bytes must fit in the header it is part of.
   */
  private static void checkVectorLengths(Message message, RecordBatch batch) throws IOException {
    long headerBytes = message.getByteBuffer().limit();
    if (batch.buffersLength() * 16L > headerBytes || batch.nodesLength() * 16L > headerBytes
        || batch.variadicBufferCountsLength() * 8L > headerBytes) {
      throw new IOException("a batch header of " + headerBytes + " bytes claims " + batch.buffersLength()
          + " buffers, " + batch.nodesLength() + " columns and " + batch.variadicBufferCountsLength()
          + " variadic counts, more than it can hold");
    }
  }

  /** Where each buffer lies in the compressed body, and where its decoded bytes go in the new one. */
  private static final class Layout {
    final long[] from;
    final long[] compressedLength;
    /** The uncompressed length; {@link #RAW} for a buffer sent uncompressed, 0 for an empty one. */
    final long[] claimed;
    final long[] to;
    final long[] length;
    final long bodyLength;

    Layout(RecordBatch batch, long compressedBodyLength, ArrowBuf body, BufferCodec codec, long headroom)
        throws IOException {
      int count = batch.buffersLength();
      from = new long[count];
      compressedLength = new long[count];
      claimed = new long[count];
      to = new long[count];
      length = new long[count];
      Buffer buffer = new Buffer();
      long next = 0;
      for (int i = 0; i < count; i++) {
        batch.buffers(buffer, i);
        long offset = buffer.offset();
        long size = buffer.length();
        if (offset < 0 || size < 0 || size > compressedBodyLength - offset) {
          throw new IOException("buffer " + i + " of a compressed batch lies outside its " + compressedBodyLength
              + "-byte body (offset " + offset + ", length " + size + ")");
        }
        if (size > 0 && size < PREFIX_BYTES) {
          throw new IOException("compressed buffer " + i + " has " + size + " bytes, too few for its length prefix");
        }
        long uncompressed = size == 0 ? 0 : littleEndian(body.getLong(offset));
        if (size == 0) {
          length[i] = 0; // an empty buffer needs no length prefix (Arrow C++ writes none)
        } else if (uncompressed == RAW) {
          length[i] = size - PREFIX_BYTES;
        } else if (uncompressed < 0 || uncompressed > codec.maxDecodedLength(size - PREFIX_BYTES)) {
          throw new IOException("compressed buffer " + i + " claims " + uncompressed + " bytes; its "
              + (size - PREFIX_BYTES) + " compressed bytes cannot hold that");
        } else if (uncompressed > MAX_BUFFER_BYTES || size - PREFIX_BYTES > MAX_BUFFER_BYTES) {
          throw new IOException("compressed buffer " + i + " (" + size + " bytes, " + uncompressed
              + " decoded) is larger than the " + MAX_BUFFER_BYTES + " bytes this JVM's heap lets one buffer take");
        } else {
          length[i] = uncompressed;
        }
        from[i] = offset;
        compressedLength[i] = size;
        claimed[i] = uncompressed;
        to[i] = next;
        next += (length[i] + 7) & ~7L; // each buffer 8-byte aligned, as the format asks
      }
      if (next > headroom) {
        throw new IOException("a compressed batch decodes to " + next + " bytes; the reader may allocate only "
            + headroom + " more");
      }
      bodyLength = next;
    }
  }

  private static long littleEndian(long nativeOrder) {
    return ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? nativeOrder : Long.reverseBytes(nativeOrder);
  }

  /** The batch's header with the new buffer positions and no compression, as a framed IPC message. */
  private static ByteBuffer header(Message message, RecordBatch batch, DictionaryBatch dictionary, Layout layout) {
    FlatBufferBuilder builder = new FlatBufferBuilder();
    FieldNode node = new FieldNode();
    RecordBatch.startNodesVector(builder, batch.nodesLength());
    for (int i = batch.nodesLength() - 1; i >= 0; i--) { // flatbuffers build vectors back to front
      batch.nodes(node, i);
      FieldNode.createFieldNode(builder, node.length(), node.nullCount());
    }
    int nodes = builder.endVector();
    RecordBatch.startBuffersVector(builder, batch.buffersLength());
    for (int i = batch.buffersLength() - 1; i >= 0; i--) {
      Buffer.createBuffer(builder, layout.to[i], layout.length[i]);
    }
    int buffers = builder.endVector();
    long[] counts = new long[batch.variadicBufferCountsLength()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = batch.variadicBufferCounts(i);
    }
    int variadic = counts.length == 0 ? 0 : RecordBatch.createVariadicBufferCountsVector(builder, counts);
    int recordBatch = RecordBatch.createRecordBatch(builder, batch.length(), nodes, buffers, 0, variadic);
    int header = dictionary == null ? recordBatch
        : DictionaryBatch.createDictionaryBatch(builder, dictionary.id(), recordBatch, dictionary.isDelta());
    ByteBuffer metadata = MessageSerializer.serializeMessage(builder, message.headerType(), header,
        layout.bodyLength, IpcOption.DEFAULT);
    ByteBuffer framed = ByteBuffer.allocate(8 + metadata.remaining()).order(ByteOrder.LITTLE_ENDIAN);
    framed.putInt(MessageSerializer.IPC_CONTINUATION_TOKEN).putInt(metadata.remaining()).put(metadata).flip();
    return framed;
  }

  /**
   * The new message as a channel: its header from memory, its body decoded buffer by buffer from
   * the compressed body straight into the Arrow buffer being read into.
   */
  private static final class DecodingChannel extends ReadChannel {
    private final Layout layout;
    private final ArrowBuf compressed;
    private final BufferCodec codec;

    DecodingChannel(ByteBuffer header, Layout layout, ArrowBuf compressed, BufferCodec codec) {
      super(Channels.newChannel(new ByteArrayInputStream(header.array(), 0, header.limit())));
      this.layout = layout;
      this.compressed = compressed;
      this.codec = codec;
    }

    @Override
    public long readFully(ArrowBuf target, long length) throws IOException {
      for (int i = 0; i < layout.from.length; i++) {
        long payload = layout.from[i] + PREFIX_BYTES;
        long payloadLength = layout.compressedLength[i] - PREFIX_BYTES;
        if (layout.claimed[i] == RAW) {
          target.setBytes(layout.to[i], compressed, payload, layout.length[i]);
        } else if (payloadLength > 0) { // without a payload, the buffer was checked to claim 0 bytes
          byte[] in = new byte[(int) payloadLength];
          compressed.getBytes(payload, in, 0, in.length);
          byte[] out = new byte[(int) layout.length[i]];
          codec.decode(in, 0, in.length, out);
          target.setBytes(layout.to[i], out, 0, out.length);
        }
        long end = layout.to[i] + layout.length[i];
        long next = i + 1 < layout.to.length ? layout.to[i + 1] : length;
        target.setZero(end, next - end); // alignment padding: Arrow memory is not zeroed
      }
      target.writerIndex(length);
      return length;
    }
  }
}
