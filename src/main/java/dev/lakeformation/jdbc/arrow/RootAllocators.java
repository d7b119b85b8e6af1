package dev.lakeformation.jdbc.arrow;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.arrow.memory.RootAllocator;

/**
 * Creates Arrow root allocators. The first one makes Arrow announce itself at INFO (debug mode,
 * allocation manager); inside the one-file jar, where Arrow and the AWS SDK log through the
 * bundled SLF4J to java.util.logging, that would print on the host application's console.
 * So in the jar the bundled libraries log at WARNING and above, unless the user's logging
 * configuration names a level for {@value #BUNDLED_PACKAGE} itself. With the plain artifact the
 * application's own logging decides, and nothing is changed.
 */
public final class RootAllocators {
  private static final String BUNDLED_PACKAGE = "dev.lakeformation.jdbc.shaded";
  /** Held so the level set on it is not lost when an unreferenced logger is collected. */
  private static final Logger BUNDLED = quietBundledLibraries();

  private RootAllocators() {}

  public static RootAllocator create() {
    return new RootAllocator();
  }

  private static Logger quietBundledLibraries() {
    if (!RootAllocator.class.getPackageName().startsWith(BUNDLED_PACKAGE)) {
      return null;
    }
    Logger logger = Logger.getLogger(BUNDLED_PACKAGE);
    if (logger.getLevel() == null) {
      logger.setLevel(Level.WARNING);
    }
    return logger;
  }
}
