package dev.lakeformation.core.arrow.compression;

import java.util.Locale;

/** How a writer compresses the buffers of the record batches it writes. */
public enum IpcCompression {
  NONE,
  LZ4_FRAME,
  ZSTD;

  /** {@code none}, {@code lz4} (or {@code lz4_frame}) or {@code zstd}, in any case. */
  public static IpcCompression parse(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "none" -> NONE;
      case "lz4", "lz4_frame" -> LZ4_FRAME;
      case "zstd" -> ZSTD;
      default -> throw new IllegalArgumentException("compression must be none, lz4 or zstd, got '" + name + "'");
    };
  }

  /** A new codec for this compression; {@link #NONE} has none. */
  public BufferCodec newCodec() {
    return switch (this) {
      case NONE -> throw new IllegalStateException("NONE has no codec");
      case LZ4_FRAME -> new Lz4FrameCodec();
      case ZSTD -> new ZstdCodec();
    };
  }
}
