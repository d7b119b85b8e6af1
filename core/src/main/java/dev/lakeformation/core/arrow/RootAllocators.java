package dev.lakeformation.core.arrow;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Creates Arrow root allocators, and closes allocators without failing a JDBC close().
 *
 * <p>The first root allocator makes Arrow announce itself at INFO (debug mode, allocation
 * manager); inside the one-file jar, where Arrow and the AWS SDK log through the
 * bundled SLF4J to java.util.logging, that would print on the host application's console.
 * So in the jar the bundled libraries log at WARNING and above, unless the user's logging
 * configuration names a level for {@value #BUNDLED_PACKAGE} itself. With the plain artifact the
 * application's own logging decides, and nothing is changed.
 */
public final class RootAllocators {
  private static final String BUNDLED_PACKAGE = "dev.lakeformation.jdbc.shaded";
  private static final Logger LOG = Logger.getLogger(RootAllocators.class.getName());
  /** Held so the level set on it is not lost when an unreferenced logger is collected. */
  private static final Logger BUNDLED = quietBundledLibraries();

  private RootAllocators() {}

  /** A root allocator whose large blocks are reused once freed (see {@link RecyclingAllocationManager}). */
  public static RootAllocator create() {
    return new RootAllocator(RootAllocator.configBuilder()
        .allocationManagerFactory(RecyclingAllocationManager.FACTORY).build());
  }

  /**
   * Closes {@code allocator}. If Arrow still holds memory from it (which happens only when
   * Arrow itself leaked while rejecting a corrupt body), that is logged, not thrown: close()
   * methods of JDBC objects must not fail for it, and the memory is still counted by the parent.
   */
  public static void close(BufferAllocator allocator, String owner) {
    try {
      allocator.close();
    } catch (IllegalStateException e) {
      LOG.log(Level.WARNING, owner + " closed with " + allocator.getAllocatedMemory()
          + " bytes of Arrow memory still allocated", e);
    }
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
