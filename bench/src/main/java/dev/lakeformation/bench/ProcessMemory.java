package dev.lakeformation.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** What the kernel says of this process's memory. */
final class ProcessMemory {
  private ProcessMemory() {}

  /** The process's peak resident set (VmHWM), or -1 where /proc does not tell. */
  static long peakRss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (Exception e) {
      // not Linux
    }
    return -1;
  }
}
