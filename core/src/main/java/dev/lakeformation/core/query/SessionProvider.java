package dev.lakeformation.core.query;

import dev.lakeformation.api.LakeFormationException;
import dev.lakeformation.api.QuerySession;
import java.util.Properties;

/** What {@link QuerySession#open} finds through {@code META-INF/services}: the query layer's sessions. */
public final class SessionProvider implements QuerySession.Provider {
  @Override
  public QuerySession open(String url, Properties info) throws LakeFormationException {
    return ServiceSession.open(url, info);
  }
}
