package dev.lakeformation.core.logging;

import dev.lakeformation.api.LakeFormationException;
import dev.lakeformation.api.SqlState;
import dev.lakeformation.core.config.ConnectionConfig;
import dev.lakeformation.core.config.ConnectionProperty;
import dev.lakeformation.core.config.ConnectionProperty.LogLevel;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The log file that LogLevel and LogPath turn on: one per JVM and directory
 * ({@code lakeformation-jdbc-PID.log}), fed by the {@code dev.lakeformation} loggers (in the
 * one-file jar, the bundled libraries' relocated loggers too), whatever the application's own
 * logging does. For a DBeaver user, who cannot edit the tool's logging configuration.
 *
 * <p>The driver's INFO events (connections, queries) are java.util.logging CONFIG records: an
 * application whose console shows INFO does not get them unless it asks. No record holds a
 * secret: the driver logs redacted URLs, and the loggers that print requests drop their records
 * below INFO (CredentialLogGuard).
 */
public final class DriverLog {
  /** The logger every logger of the driver is under. */
  public static final String ROOT = "dev.lakeformation";
  /** A file that reaches this size starts again, so that TRACE left on cannot fill a disk. */
  private static final int LIMIT_BYTES = 100 << 20;
  /** Held: a logger's level and handlers live only as long as someone holds the logger. */
  private static final Logger ROOT_LOGGER = Logger.getLogger(ROOT);
  private static final Map<Path, FileHandler> FILES = new HashMap<>();

  private DriverLog() {}

  /**
   * Turns on the log file a connection's LogLevel and LogPath ask for (nothing for OFF); a more
   * verbose level than the file had lowers its level, a less verbose one leaves it.
   *
   * @return the file, or null when LogLevel is OFF
   */
  public static synchronized Path enable(ConnectionConfig config) throws LakeFormationException {
    LogLevel level = config.get(ConnectionProperty.LOG_LEVEL);
    if (level == LogLevel.OFF) {
      return null;
    }
    Path directory = Path.of(config.isSet(ConnectionProperty.LOG_PATH) ? config.get(ConnectionProperty.LOG_PATH)
        : System.getProperty("java.io.tmpdir")).toAbsolutePath();
    if (!Files.isDirectory(directory)) {
      throw new LakeFormationException(SqlState.CONNECTION_REJECTED, "LogPath " + directory + " is not a directory:"
          + " create it, or give another (the driver writes lakeformation-jdbc-PID.log in it).");
    }
    Path file = directory.resolve("lakeformation-jdbc-" + ProcessHandle.current().pid() + ".log");
    FileHandler handler = FILES.get(file);
    if (handler == null) {
      try {
        // FileHandler reads % as the start of a pattern: a directory holding one keeps it literally.
        handler = new FileHandler(file.toString().replace("%", "%%"), LIMIT_BYTES, 1, true);
        handler.setEncoding(StandardCharsets.UTF_8.name());
      } catch (IOException e) {
        throw new LakeFormationException(SqlState.CONNECTION_REJECTED, "The log file " + file + " cannot be written ("
            + e.getMessage() + "): give LogPath a directory this process may write to.", e);
      }
      handler.setFormatter(new LineFormat());
      handler.setLevel(Level.OFF);
      ROOT_LOGGER.addHandler(handler);
      FILES.put(file, handler);
    }
    Level wanted = julLevel(level);
    if (wanted.intValue() < handler.getLevel().intValue()) {
      handler.setLevel(wanted);
    }
    Level current = ROOT_LOGGER.getLevel();
    if (current == null || wanted.intValue() < current.intValue()) {
      ROOT_LOGGER.setLevel(wanted);
    }
    return file;
  }

  static Level julLevel(LogLevel level) {
    return switch (level) {
      case OFF -> Level.OFF;
      case ERROR -> Level.SEVERE;
      case WARN -> Level.WARNING;
      case INFO -> Level.CONFIG;
      case DEBUG -> Level.FINE;
      case TRACE -> Level.FINEST;
    };
  }

  /** One line per record (its stack trace after it): time, level in LogLevel's words, thread, logger, message. */
  private static final class LineFormat extends Formatter {
    @Override
    public String format(LogRecord record) {
      StringBuilder line = new StringBuilder(160)
          .append(Instant.ofEpochMilli(record.getMillis())).append(' ')
          .append(name(record.getLevel())).append(" [").append(Thread.currentThread().getName()).append("] ")
          .append(record.getLoggerName()).append(": ").append(formatMessage(record)).append('\n');
      if (record.getThrown() != null) {
        StringWriter trace = new StringWriter();
        record.getThrown().printStackTrace(new PrintWriter(trace));
        line.append(trace);
      }
      return line.toString();
    }

    private static String name(Level level) {
      int value = level.intValue();
      return value >= Level.SEVERE.intValue() ? "ERROR" : value >= Level.WARNING.intValue() ? "WARN"
          : value >= Level.CONFIG.intValue() ? "INFO" : value >= Level.FINE.intValue() ? "DEBUG" : "TRACE";
    }
  }
}
