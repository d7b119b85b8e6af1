package dev.lakeformation.core.arrow;

import java.io.IOException;

/**
 * A stream that may well be valid Arrow but uses a part of the format this driver does not read
 * (big-endian data, a type Arrow Java cannot hold, a dictionary inside a nested column): the
 * driver reports it as a feature it does not support (SQLState 0A000), never as corrupt data,
 * and never reads it as something else.
 */
public final class UnsupportedArrowException extends IOException {
  private static final long serialVersionUID = 1L;

  /** @param what the part of the format, and the column that uses it */
  public UnsupportedArrowException(String what) {
    super(what);
  }
}
