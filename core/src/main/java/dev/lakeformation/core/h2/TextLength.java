package dev.lakeformation.core.h2;

/**
 * Which H2 text lengths are declared ones: H2 gives text without a declared length a length of a
 * billion, which Glue and clients know as {@code string}; a CHAR(10) or VARCHAR(100) keeps its
 * length, both in the catalog's column types and in the Arrow fields of results.
 */
public final class TextLength {
  private TextLength() {}

  public static boolean isDeclared(long length) {
    return length > 0 && length < 65_535;
  }
}
