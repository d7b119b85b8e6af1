package dev.lakeformation.core.query;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.ReferenceManager;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The Arrow memory a decoded batch holds: every allocation behind the buffers of its vectors,
 * children included, each counted once. This, not the bytes that came over the wire, is what the
 * memory budget counts: a dictionary-encoded column grows when it is decoded, a compressed one
 * when it is inflated. And not the buffers' capacities: the buffers of a batch read from a stream
 * are slices of one allocation for the message's body, which the allocator rounds up to a power
 * of two, so the memory held can be nearly twice what the slices add up to.
 */
final class DecodedBytes {
  private DecodedBytes() {}

  static long of(VectorSchemaRoot batch) {
    Set<ReferenceManager> allocations = Collections.newSetFromMap(new IdentityHashMap<>());
    long bytes = 0;
    for (FieldVector vector : batch.getFieldVectors()) {
      bytes += of(vector, allocations);
    }
    return bytes;
  }

  private static long of(FieldVector vector, Set<ReferenceManager> allocations) {
    long bytes = 0;
    for (ArrowBuf buffer : vector.getFieldBuffers()) {
      ReferenceManager allocation = buffer.getReferenceManager();
      if (allocations.add(allocation)) {
        bytes += allocation.getAccountedSize();
      }
    }
    for (FieldVector child : vector.getChildrenFromFields()) {
      bytes += of(child, allocations);
    }
    return bytes;
  }
}
