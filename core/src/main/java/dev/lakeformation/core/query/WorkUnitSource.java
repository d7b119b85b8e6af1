package dev.lakeformation.core.query;

import dev.lakeformation.api.LakeFormationException;
import dev.lakeformation.api.WorkUnit;

/**
 * The work units a {@link ResultStream} reads, in order: a query's, walked page by page
 * ({@link WorkUnitWalker}), or a given list. Calls may come from several threads.
 */
interface WorkUnitSource {
  /**
   * The next unit, or null after the last. The calls it makes to find it wait under
   * {@code cancellation}: the reader's, so that closing the reader stops them too.
   */
  WorkUnit next(Cancellation cancellation) throws LakeFormationException;
}
