package dev.lakeformation.core.query;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The Arrow memory a decoded batch holds: the capacity of every buffer of every vector, children
 * included. This, not the bytes that came over the wire, is what the memory budget counts: a
 * dictionary-encoded column grows when it is decoded, a compressed one when it is inflated.
 */
final class DecodedBytes {
  private DecodedBytes() {}

  static long of(VectorSchemaRoot batch) {
    long bytes = 0;
    for (FieldVector vector : batch.getFieldVectors()) {
      bytes += of(vector);
    }
    return bytes;
  }

  private static long of(FieldVector vector) {
    long bytes = 0;
    for (ArrowBuf buffer : vector.getFieldBuffers()) {
      bytes += buffer.capacity();
    }
    for (FieldVector child : vector.getChildrenFromFields()) {
      bytes += of(child);
    }
    return bytes;
  }
}
