package dev.lakeformation.core.arrow;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.arrow.flatbuf.Buffer;
import org.apache.arrow.flatbuf.Decimal;
import org.apache.arrow.flatbuf.DictionaryBatch;
import org.apache.arrow.flatbuf.Endianness;
import org.apache.arrow.flatbuf.Field;
import org.apache.arrow.flatbuf.FieldNode;
import org.apache.arrow.flatbuf.FixedSizeBinary;
import org.apache.arrow.flatbuf.FixedSizeList;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.RecordBatch;
import org.apache.arrow.flatbuf.Schema;
import org.apache.arrow.flatbuf.Type;
import org.apache.arrow.flatbuf.Union;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BufferLayout;
import org.apache.arrow.vector.TypeLayout;
import org.apache.arrow.vector.ipc.ReadChannel;
import org.apache.arrow.vector.ipc.message.MessageChannelReader;
import org.apache.arrow.vector.ipc.message.MessageResult;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * Reads IPC messages and checks each record or dictionary batch header against its body
 * before Arrow slices the body: every buffer must lie inside the body and every length must be
 * non-negative. Arrow trusts these numbers; a corrupt one makes it throw while it holds the body,
 * and the body's memory is then never freed. Here the body is freed and an IOException thrown.
 *
 * <p>A compressed batch is decompressed first ({@link BatchDecompressor}), so that it is checked,
 * and then loaded by Arrow, as the uncompressed batch it stands for. Arrow's own decompression
 * (its codec SPI, used while loading) is not used: it would see only compressed buffers here, and
 * it leaks the buffers it already decompressed when a later one fails.
 */
final class CheckedMessageReader extends MessageChannelReader {
  /** The dictionary IDs the schema declares; a dictionary batch for another ID is refused. */
  private final Set<Long> dictionaryIds = new HashSet<>();
  /**
   * The field-node index of each top-level column (nodes list every field depth-first): those
   * nodes must have as many values as the batch has rows, or Arrow grows the vectors past the
   * buffers it was sent, fails, and leaks what it had allocated.
   */
  private final List<Integer> topLevelNodes = new ArrayList<>();
  /** Every field of the schema, depth-first, as record batches list their nodes. */
  private final List<org.apache.arrow.vector.types.pojo.Field> nodeFields = new ArrayList<>();
  /** The body of the message being checked, to read its last offsets. */
  private ArrowBuf bodyForOffsets;
  private final BatchDecompressor decompressor = new BatchDecompressor();

  CheckedMessageReader(ReadChannel in, BufferAllocator allocator) {
    super(in, allocator);
  }

  @Override
  public MessageResult readNext() throws IOException {
    MessageResult result = super.readNext();
    if (result == null) {
      return null;
    }
    ArrowBuf body = result.getBodyBuffer();
    try {
      Message message = result.getMessage();
      MessageResult decompressed = decompressor.decompress(message, body, allocator);
      if (decompressed != null) {
        if (body != null) {
          body.getReferenceManager().release();
        }
        result = decompressed;
        body = result.getBodyBuffer();
        message = result.getMessage();
      }
      if (message.headerType() == MessageHeader.Schema) {
        readSchema(message);
      }
      // A batch without a body is checked too: its buffers must then all be empty, and its
      // columns need none (a batch of no rows), or Arrow loads vectors longer than their buffers.
      if (body != null || message.headerType() == MessageHeader.RecordBatch
          || message.headerType() == MessageHeader.DictionaryBatch) {
        bodyForOffsets = body;
        check(message, body == null ? 0 : body.capacity());
      }
    } catch (IOException | RuntimeException e) {
      if (body != null) {
        body.getReferenceManager().release();
      }
      throw e instanceof IOException io ? io : new IOException("the message header is corrupt: " + e, e);
    }
    return result;
  }

  /**
   * Reads a schema message's fields. Flatbuffers reads a vector's or a string's length from the
   * message without checking it against the message's size, and Arrow then allocates an array
   * that long: a corrupt length asks for gigabytes. That request fails at once, before any memory
   * is taken, so it is reported as the corrupt header it is.
   */
  private void readSchema(Message message) throws IOException {
    try {
      Schema schema = (Schema) message.header(new Schema());
      // Arrow Java never reads the byte order: big-endian values would be read as little-endian ones.
      if (schema != null && schema.endianness() == Endianness.Big) {
        throw new UnsupportedArrowException("big-endian data (the schema's byte order is Big)");
      }
      int node = 0;
      for (int i = 0; schema != null && i < schema.fieldsLength(); i++) {
        topLevelNodes.add(node);
        node += collectDictionaryIds(schema.fields(i), 0);
      }
      if (schema != null) {
        org.apache.arrow.vector.types.pojo.Schema.convertSchema(schema).getFields().forEach(this::flatten);
      }
    } catch (OutOfMemoryError e) {
      throw new IOException("the schema message claims a length beyond any memory (" + e.getMessage() + "): it is corrupt");
    }
  }

  /** A dictionary-encoded column is one node of indexes: its value children live in the dictionary. */
  private void flatten(org.apache.arrow.vector.types.pojo.Field field) {
    nodeFields.add(field);
    if (field.getDictionary() == null) {
      field.getChildren().forEach(this::flatten);
    }
  }

  /** Records the dictionary IDs under {@code field}, refusing what Arrow Java cannot hold; returns how many nodes it spans. */
  private int collectDictionaryIds(Field field, int depth) throws IOException {
    if (depth > 1_000) {
      throw new IOException("the schema nests deeper than 1000 levels");
    }
    if (field.dictionary() != null) {
      dictionaryIds.add(field.dictionary().id());
    }
    checkSupported(field);
    int nodes = 1;
    for (int i = 0; i < field.childrenLength(); i++) {
      nodes += collectDictionaryIds(field.children(i), depth + 1);
    }
    return field.dictionary() != null ? 1 : nodes;
  }

  /**
   * Types checked before Arrow Java converts the schema and creates the vectors, which would
   * fail on them before the driver sees a field: valid ones Arrow Java cannot hold (refused as
   * unsupported), and decimal widths and union type ids the format does not allow (corrupt).
   */
  private static void checkSupported(Field field) throws IOException {
    switch (field.typeType()) {
      case Type.Decimal -> {
        int bits = ((Decimal) field.type(new Decimal())).bitWidth();
        if (bits == 32 || bits == 64) {
          throw new UnsupportedArrowException("a decimal of " + bits + " bits (column " + field.name() + ")");
        }
        if (bits != 128 && bits != 256) {
          throw new IOException("column " + field.name() + " is a decimal of " + bits + " bits; the format has 32,"
              + " 64, 128 and 256");
        }
      }
      case Type.Union -> {
        // What the union accessor and the batch check rely on: one id per member, each a byte's
        // worth (0 to 127, as type ids are int8), none twice. Without ids (then the members'
        // positions), Arrow Java fails to create the vector.
        Union union = (Union) field.type(new Union());
        if (union.typeIdsLength() == 0 && field.childrenLength() > 0) {
          throw new UnsupportedArrowException("a union that declares no type ids (column " + field.name() + ")");
        }
        if (union.typeIdsLength() != field.childrenLength()) {
          throw new IOException("union column " + field.name() + " declares " + union.typeIdsLength()
              + " type ids for " + field.childrenLength() + " members");
        }
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < union.typeIdsLength(); i++) {
          if (union.typeIds(i) < 0 || union.typeIds(i) > 127 || !ids.add(union.typeIds(i))) {
            throw new IOException("union column " + field.name() + " declares the type id " + union.typeIds(i)
                + " out of 0 to 127, or twice");
          }
        }
      }
      case Type.FixedSizeBinary -> {
        if (((FixedSizeBinary) field.type(new FixedSizeBinary())).byteWidth() <= 0) {
          throw new UnsupportedArrowException("a fixed-size binary of no bytes (column " + field.name() + ")");
        }
      }
      case Type.FixedSizeList -> {
        if (((FixedSizeList) field.type(new FixedSizeList())).listSize() <= 0) {
          throw new UnsupportedArrowException("a fixed-size list of no elements (column " + field.name() + ")");
        }
      }
      case Type.Struct_ -> {
        // Arrow Java keeps one child of each name, and would then find the batch's buffers too many.
        Set<String> names = new HashSet<>();
        for (int i = 0; i < field.childrenLength(); i++) {
          if (!names.add(String.valueOf(field.children(i).name()))) {
            throw new UnsupportedArrowException("a struct with two fields of one name (column " + field.name()
                + ")");
          }
        }
      }
      default -> { }
    }
  }

  private void check(Message message, long bodyBytes) throws IOException {
    RecordBatch batch;
    List<Integer> rowNodes;
    if (message.headerType() == MessageHeader.RecordBatch) {
      batch = (RecordBatch) message.header(new RecordBatch());
      rowNodes = topLevelNodes;
    } else if (message.headerType() == MessageHeader.DictionaryBatch) {
      DictionaryBatch dictionary = (DictionaryBatch) message.header(new DictionaryBatch());
      if (!dictionaryIds.contains(dictionary.id())) {
        throw new IOException("a dictionary batch has ID " + dictionary.id() + ", which the schema does not declare");
      }
      batch = dictionary.data();
      rowNodes = List.of(0);
    } else {
      // Arrow would reject the message, or ignore the body, without freeing it.
      throw new IOException("a message of type " + message.headerType() + " carries a " + bodyBytes
          + "-byte body; only record and dictionary batches have bodies");
    }
    if (batch == null) {
      throw new IOException("a batch message has no batch header");
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
    for (int index : rowNodes) {
      if (index >= batch.nodesLength() || batch.nodes(node, index).length() != batch.length()) {
        throw new IOException("a column of a batch of " + batch.length() + " rows does not have "
            + batch.length() + " values");
      }
    }
    if (message.headerType() == MessageHeader.RecordBatch) {
      checkBufferSizes(batch, bodyBytes);
    }
    for (int i = 0; i < batch.nodesLength(); i++) {
      batch.nodes(node, i);
      if (node.length() < 0 || node.length() > Integer.MAX_VALUE || node.nullCount() < 0
          || node.nullCount() > node.length()) {
        throw new IOException("column " + i + " of a batch claims " + node.length() + " values and "
            + node.nullCount() + " nulls");
      }
    }
  }

  /**
   * Each buffer at least as long as its column's value count needs, and offsets that stay
   * inside the data or child values they index: otherwise Arrow grows the vector past what it
   * was sent while loading it, fails, and leaks the memory it had just allocated.
   */
  private void checkBufferSizes(RecordBatch batch, long bodyBytes) throws IOException {
    if (nodeFields.size() != batch.nodesLength()) {
      throw new IOException("a batch has " + batch.nodesLength() + " column nodes; the schema has "
          + nodeFields.size());
    }
    ArrowBuf body = bodyForOffsets;
    FieldNode node = new FieldNode();
    FieldNode child = new FieldNode();
    Buffer buffer = new Buffer();
    int next = 0;
    for (int n = 0; n < nodeFields.size(); n++) {
      org.apache.arrow.vector.types.pojo.Field field = nodeFields.get(n);
      ArrowType type = field.getDictionary() != null ? field.getDictionary().getIndexType() : field.getType();
      TypeLayout layout = TypeLayout.getTypeLayout(type);
      if (!layout.isFixedBufferCount() || type.getTypeID() == ArrowType.ArrowTypeID.Union) {
        return; // views and unions: their buffers are checked after loading
      }
      long length = batch.nodes(node, n).length();
      long lastOffset = -1;
      for (BufferLayout bufferLayout : layout.getBufferLayouts()) {
        if (next >= batch.buffersLength()) {
          throw new IOException("a batch has too few buffers for its columns");
        }
        batch.buffers(buffer, next++);
        int bits = bufferLayout.getTypeBitWidth();
        long needed = switch (bufferLayout.getType()) {
          case VALIDITY -> node.nullCount() > 0 ? (length + 7) / 8 : 0;
          case OFFSET -> length > 0 ? (length + 1) * bits / 8 : 0;
          case DATA -> isVariableWidth(type) ? 0 : bits == 1 ? (length + 7) / 8 : length * bits / 8;
          default -> 0;
        };
        if (buffer.length() < needed) {
          throw new IOException("column " + field.getName() + " has a " + buffer.length() + "-byte "
              + bufferLayout.getType() + " buffer; its " + length + " values need " + needed);
        }
        if (bufferLayout.getType() == BufferLayout.BufferType.OFFSET && length > 0 && body != null) {
          long at = buffer.offset() + length * bits / 8;
          lastOffset = bits == 32 ? body.getInt(at) : body.getLong(at);
        } else if (bufferLayout.getType() == BufferLayout.BufferType.DATA && lastOffset > buffer.length()) {
          throw new IOException("column " + field.getName() + " has offsets past its " + buffer.length()
              + " data bytes");
        }
      }
      long childValues = n + 1 < nodeFields.size() && field.getDictionary() == null && !field.getChildren().isEmpty()
          ? batch.nodes(child, n + 1).length() : 0;
      switch (field.getDictionary() != null ? ArrowType.ArrowTypeID.Int : type.getTypeID()) {
        case List, LargeList, Map -> {
          if (lastOffset > childValues) {
            throw new IOException("column " + field.getName() + " has offsets past its " + childValues
                + " child values");
          }
        }
        case FixedSizeList -> {
          if (length * ((ArrowType.FixedSizeList) type).getListSize() > childValues) {
            throw new IOException("column " + field.getName() + " needs more child values than it has");
          }
        }
        case Struct -> {
          for (int c = 0, at = n + 1; c < field.getChildren().size(); c++) {
            if (batch.nodes(child, at).length() < length) {
              throw new IOException("a child of column " + field.getName() + " has fewer values than it");
            }
            at += nodeCount(field.getChildren().get(c));
          }
        }
        default -> { }
      }
    }
  }

  private static int nodeCount(org.apache.arrow.vector.types.pojo.Field field) {
    if (field.getDictionary() != null) {
      return 1;
    }
    int count = 1;
    for (org.apache.arrow.vector.types.pojo.Field child : field.getChildren()) {
      count += nodeCount(child);
    }
    return count;
  }

  private static boolean isVariableWidth(ArrowType type) {
    return switch (type.getTypeID()) {
      case Utf8, LargeUtf8, Binary, LargeBinary -> true;
      default -> false;
    };
  }
}
