package dev.lakeformation.jdbc.driver;

import dev.lakeformation.api.LakeFormationException;
import dev.lakeformation.core.config.ConnectionConfig;
import dev.lakeformation.core.config.ConnectionProperty;
import dev.lakeformation.jdbc.errors.SqlErrors;
import dev.lakeformation.jdbc.metadata.DriverVersion;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The driver, without registering itself with DriverManager: for embedding (the CLI, tests,
 * frameworks that manage drivers themselves). {@link LakeFormationDriver} is the registering one.
 */
public class NonRegisteringDriver implements Driver {
  static final Logger LOG = Logger.getLogger("dev.lakeformation.jdbc");

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null; // the JDBC contract: not our URL, let DriverManager try the next driver
    }
    try {
      return new LfConnection(ConnectionConfig.parse(url, info));
    } catch (LakeFormationException e) {
      throw SqlErrors.of(e);
    }
  }

  @Override
  public boolean acceptsURL(String url) {
    return ConnectionConfig.acceptsUrl(url);
  }

  /**
   * Every property with its description, accepted values and current value (never a secret's),
   * so GUI tools can show them all. Parsing problems do not fail the call: tools ask before the
   * user has finished typing.
   */
  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
    ConnectionConfig config = null;
    try {
      config = ConnectionConfig.parse(url, info);
    } catch (LakeFormationException e) {
      // show defaults
    }
    DriverPropertyInfo[] infos = new DriverPropertyInfo[ConnectionProperty.ALL.size()];
    for (int i = 0; i < infos.length; i++) {
      ConnectionProperty<?> property = ConnectionProperty.ALL.get(i);
      String value = property.isSensitive() ? null
          : config != null && config.isSet(property) ? config.text(property) : property.defaultValue();
      DriverPropertyInfo propertyInfo = new DriverPropertyInfo(property.name(), value);
      propertyInfo.description = property.description();
      propertyInfo.required = false;
      propertyInfo.choices = property.choices() == null ? null : property.choices().toArray(String[]::new);
      infos[i] = propertyInfo;
    }
    return infos;
  }

  @Override
  public int getMajorVersion() {
    return DriverVersion.MAJOR;
  }

  @Override
  public int getMinorVersion() {
    return DriverVersion.MINOR;
  }

  /** Not fully compliant: no transactions or updates, which Lake Formation queries do not have. */
  @Override
  public boolean jdbcCompliant() {
    return false;
  }

  @Override
  public Logger getParentLogger() {
    return LOG;
  }
}
