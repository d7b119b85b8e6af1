package dev.lakeformation.core.arrow.compression;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * xxHash32 with seed 0, the checksum of the LZ4 frame format (header, block and content
 * checksums). Written from the xxHash specification; one-shot, since every checksummed range is
 * whole in memory when it is checked.
 */
final class XxHash32 {
  private static final int PRIME1 = 0x9E3779B1;
  private static final int PRIME2 = 0x85EBCA77;
  private static final int PRIME3 = 0xC2B2AE3D;
  private static final int PRIME4 = 0x27D4EB2F;
  private static final int PRIME5 = 0x165667B1;
  private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private XxHash32() {}

  static int hash(byte[] data, int offset, int length) {
    int at = offset;
    int end = offset + length;
    int acc;
    if (length >= 16) {
      int v1 = PRIME1 + PRIME2;
      int v2 = PRIME2;
      int v3 = 0;
      int v4 = -PRIME1;
      for (int stripesEnd = end - 15; at < stripesEnd; at += 16) {
        v1 = round(v1, (int) INT_LE.get(data, at));
        v2 = round(v2, (int) INT_LE.get(data, at + 4));
        v3 = round(v3, (int) INT_LE.get(data, at + 8));
        v4 = round(v4, (int) INT_LE.get(data, at + 12));
      }
      acc = Integer.rotateLeft(v1, 1) + Integer.rotateLeft(v2, 7) + Integer.rotateLeft(v3, 12)
          + Integer.rotateLeft(v4, 18);
    } else {
      acc = PRIME5;
    }
    acc += length;
    for (; at <= end - 4; at += 4) {
      acc = Integer.rotateLeft(acc + (int) INT_LE.get(data, at) * PRIME3, 17) * PRIME4;
    }
    for (; at < end; at++) {
      acc = Integer.rotateLeft(acc + (data[at] & 0xFF) * PRIME5, 11) * PRIME1;
    }
    acc ^= acc >>> 15;
    acc *= PRIME2;
    acc ^= acc >>> 13;
    acc *= PRIME3;
    acc ^= acc >>> 16;
    return acc;
  }

  private static int round(int acc, int lane) {
    return Integer.rotateLeft(acc + lane * PRIME2, 13) * PRIME1;
  }
}
