package dev.lakeformation.api;

/**
 * The SQLStates the driver reports, named by what a caller should do about them. Shared by the
 * JDBC layer and the layers beneath it, which carry them in {@link LakeFormationException}
 * without depending on {@code java.sql}.
 *
 * <p>Pools read the class: HikariCP discards a connection on class 08 (and a few other states),
 * so only a connection that is really unusable gets 08. A busy or failing service that outlasted
 * the retries gets 53000 or 58000 instead: the caller may try again on the same connection.
 */
public final class SqlState {
  /** The service could not be reached, or the connection is closed: discard it. */
  public static final String CONNECTION_FAILURE = "08006";
  /** The URL or connection settings are wrong: fix them before connecting again. */
  public static final String CONNECTION_REJECTED = "08001";
  /** The credentials were refused or are missing. */
  public static final String INVALID_AUTHORIZATION = "28000";
  /** The query or a name in it is wrong, or the caller may not read it. */
  public static final String SYNTAX_OR_ACCESS = "42000";
  public static final String FEATURE_NOT_SUPPORTED = "0A000";
  /** A warning: the call did what it could, and the SQLWarning says what it did not. */
  public static final String WARNING = "01000";
  public static final String TIMEOUT = "HYT00";
  public static final String CANCELLED = "HY008";
  public static final String INVALID_PARAMETER = "22023";
  /** Data the driver received cannot be read (a corrupt or inconsistent work unit). */
  public static final String DATA_EXCEPTION = "22000";
  public static final String NUMERIC_OUT_OF_RANGE = "22003";
  /** Text read as a date, time or timestamp is not one (or not one that exists, such as February 30). */
  public static final String INVALID_DATETIME_FORMAT = "22007";
  /** Text read as a number or a boolean is not one. */
  public static final String INVALID_CHARACTER_VALUE = "22018";
  public static final String INVALID_CURSOR_STATE = "24000";
  public static final String GENERAL = "HY000";
  public static final String OBJECT_CLOSED = "HY010";
  public static final String INVALID_COLUMN = "42S22";
  public static final String MEMORY = "HY001";
  /** Throttled beyond the retries: the service is busy; try again later, on the same connection. */
  public static final String SERVICE_BUSY = "53000";
  /** The service failed (HTTP 5xx) beyond the retries; try again later, on the same connection. */
  public static final String SERVICE_FAILURE = "58000";

  private SqlState() {}

  /** Whether a failure with this state may succeed when simply tried again later. */
  public static boolean isTransient(String sqlState) {
    return sqlState.startsWith("08") && !sqlState.equals(CONNECTION_REJECTED)
        || sqlState.equals(SERVICE_BUSY) || sqlState.equals(SERVICE_FAILURE) || sqlState.equals(TIMEOUT);
  }
}
