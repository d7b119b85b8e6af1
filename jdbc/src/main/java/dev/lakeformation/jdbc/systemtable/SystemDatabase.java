package dev.lakeformation.jdbc.systemtable;

import dev.lakeformation.api.LakeFormationException;
import dev.lakeformation.api.SqlState;
import dev.lakeformation.jdbc.errors.SqlErrors;
import dev.lakeformation.core.h2.AthenaSession;
import dev.lakeformation.core.h2.ResultBatches;
import dev.lakeformation.core.query.Cancellation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The private in-memory H2 database that answers one system-table SELECT: the tables it reads,
 * typed as {@link SystemColumn} declares them, holding the rows fetched for it; gone when closed.
 *
 * <p>The statement runs on a connection of its own user, who may only SELECT from the system
 * schema: H2 refuses it every write, every definition and the functions that reach outside the
 * database (files, other databases, Java code), which need an administrator. The database's
 * name and both passwords are random and known to this object only.
 *
 * <p>H2 is reached through its DataSource, never through {@code org.h2.Driver}, whose loading
 * registers it with DriverManager, where it would answer the host application's own
 * {@code jdbc:h2:} URLs.
 */
final class SystemDatabase implements AutoCloseable {
  /** Rows per Arrow batch of the result. */
  private static final int BATCH_ROWS = 4_096;
  private static final String READER = "reader";
  /** Databases open now in this JVM, for tests that everything is released. */
  private static final AtomicInteger OPEN = new AtomicInteger();

  private final List<SystemTable> tables;
  private final Connection owner;
  private final Connection reader;
  private boolean closed;

  private SystemDatabase(List<SystemTable> tables, Connection owner, Connection reader) {
    this.tables = tables;
    this.owner = owner;
    this.reader = reader;
    OPEN.incrementAndGet();
  }

  /**
   * A new database with {@code tables}, empty, in schema {@code system} and under each other name
   * in {@code schemaNames} (a quoted {@code "SYSTEM"} is another schema to H2).
   */
  static SystemDatabase create(List<SystemTable> tables, Set<String> schemaNames) throws SQLException {
    // IGNORE_CATALOGS: tools name system tables with the connection's data catalog too
    // (AwsDataCatalog.system.queries), which the parser has checked; H2's catalog is this database.
    String url = "jdbc:h2:mem:lakeformation-system-" + UUID.randomUUID()
        + ";DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;IGNORE_CATALOGS=TRUE";
    String readerPassword = UUID.randomUUID().toString();
    Connection owner = null;
    Connection reader = null;
    try {
      owner = connect(url, "owner", UUID.randomUUID().toString());
      try (Statement ddl = owner.createStatement()) {
        ddl.execute("CREATE SCHEMA " + quoted(SystemQueryParser.SCHEMA));
        for (SystemTable table : tables) {
          ddl.execute(createTable(table));
        }
        ddl.execute("CREATE USER " + READER + " PASSWORD '" + readerPassword + "'");
        ddl.execute("GRANT SELECT ON SCHEMA " + quoted(SystemQueryParser.SCHEMA) + " TO " + READER);
        for (String schema : schemaNames) {
          if (!schema.equals(SystemQueryParser.SCHEMA)) {
            ddl.execute("CREATE SCHEMA " + quoted(schema));
            for (SystemTable table : tables) {
              ddl.execute("CREATE SYNONYM " + quoted(schema) + "." + quoted(table.name()) + " FOR "
                  + quoted(SystemQueryParser.SCHEMA) + "." + quoted(table.name()));
            }
            ddl.execute("GRANT SELECT ON SCHEMA " + quoted(schema) + " TO " + READER);
          }
        }
      }
      reader = connect(url, READER, readerPassword);
      AthenaSession.apply(reader);
      return new SystemDatabase(List.copyOf(tables), owner, reader);
    } catch (SQLException e) {
      closeQuietly(reader);
      closeQuietly(owner);
      throw SqlErrors.of(SqlState.GENERAL, "The system tables' H2 database could not be set up: " + e.getMessage(), e);
    }
  }

  /**
   * The error H2 finds in {@code sql}, which JSqlParser could not read, with H2's own words; when
   * H2 reads it, the parser's.
   */
  static SQLException syntaxError(String sql, Exception parserFailure) {
    List<SystemTable> every = SystemTables.all();
    try (SystemDatabase database = create(every, Set.of(SystemQueryParser.SCHEMA))) {
      database.prepare(sql).close();
    } catch (SQLException h2Failure) {
      return h2Failure;
    }
    String why = parserFailure.getCause() != null ? parserFailure.getCause().getMessage() : parserFailure.getMessage();
    return SqlErrors.of(SqlState.SYNTAX_OR_ACCESS, "The driver cannot tell which system tables this statement reads:"
        + " its SQL parser stops at " + String.valueOf(why).lines().findFirst().orElse("?"), parserFailure);
  }

  /** {@code sql} prepared on the reader's connection: bad SQL fails here, before anything is fetched. */
  PreparedStatement prepare(String sql) throws SQLException {
    try {
      return reader.prepareStatement(sql);
    } catch (SQLException e) {
      throw H2Failure.of(e, tables);
    }
  }

  /** Adds {@code rows} to {@code table}, each value bound as a parameter of its column's type. */
  void load(SystemTable table, InMemoryTable rows) throws SQLException {
    List<SystemColumn> columns = table.columns();
    String insert = "INSERT INTO " + quoted(SystemQueryParser.SCHEMA) + "." + quoted(table.name()) + " VALUES ("
        + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
    try (PreparedStatement statement = owner.prepareStatement(insert)) {
      for (Object[] row : rows.rows()) {
        for (int c = 0; c < columns.size(); c++) {
          statement.setObject(c + 1, h2Value(columns.get(c).kind(), row[c]));
        }
        statement.addBatch();
      }
      statement.executeBatch();
    } catch (SQLException e) {
      throw SqlErrors.of(SqlState.GENERAL, "The rows of system." + table.name() + " could not be loaded into H2: "
          + e.getMessage(), e);
    }
  }

  /**
   * Runs {@code query} and hands its rows out as Arrow batches from {@code allocator}, at most
   * {@code rowLimit} of them. H2 stops when {@code cancellation} does (cancel or timeout).
   */
  InMemoryBatches run(PreparedStatement query, BufferAllocator allocator, Cancellation cancellation, long rowLimit)
      throws SQLException {
    List<VectorSchemaRoot> batches = new ArrayList<>();
    Cancellation.Registration stop = cancellation.onCancel(() -> cancelQuietly(query));
    try {
      if (rowLimit < Long.MAX_VALUE) {
        query.setLargeMaxRows(rowLimit);
      }
      long nanosLeft = cancellation.remainingNanos();
      if (nanosLeft != Long.MAX_VALUE) {
        query.setQueryTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanosLeft) + 1));
      }
      try (ResultSet rows = query.executeQuery()) {
        ResultBatches reader = ResultBatches.of(rows);
        while (reader.hasMore()) {
          batches.add(reader.next(allocator, BATCH_ROWS));
        }
        return new InMemoryBatches(reader.schema(), batches);
      }
    } catch (SQLException e) {
      batches.forEach(VectorSchemaRoot::close);
      throw stopped(cancellation, H2Failure.of(e, tables));
    } catch (OutOfMemoryException e) {
      batches.forEach(VectorSchemaRoot::close);
      throw SqlErrors.of(SqlState.MEMORY, "The result of this system-table statement does not fit the connection's"
          + " memory budget; select fewer rows or columns.", e);
    } finally {
      stop.close();
    }
  }

  /** The cancellation's own error when H2 stopped because of it, else {@code failure}. */
  private static SQLException stopped(Cancellation cancellation, SQLException failure) {
    try {
      cancellation.check();
      return failure;
    } catch (LakeFormationException e) {
      return SqlErrors.of(e);
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      closeQuietly(reader);
      closeQuietly(owner); // the last connection: H2 drops the in-memory database with it
      OPEN.decrementAndGet();
    }
  }

  /** How many of these databases are open in this JVM. */
  static int openDatabases() {
    return OPEN.get();
  }

  private static Connection connect(String url, String user, String password) throws SQLException {
    JdbcDataSource source = new JdbcDataSource();
    source.setURL(url);
    source.setUser(user);
    source.setPassword(password);
    return source.getConnection();
  }

  private static String createTable(SystemTable table) {
    return "CREATE TABLE " + quoted(SystemQueryParser.SCHEMA) + "." + quoted(table.name()) + " ("
        + table.columns().stream().map(c -> quoted(c.name()) + " " + h2Type(c.kind()))
            .collect(Collectors.joining(", ")) + ")";
  }

  /** The H2 type whose Arrow type (through the shared mapping) is the column's declared one. */
  private static String h2Type(SystemColumn.Kind kind) {
    return switch (kind) {
      case VARCHAR -> "CHARACTER VARYING";
      case SMALLINT -> "SMALLINT";
      case INTEGER -> "INTEGER";
      case BIGINT -> "BIGINT";
      case DOUBLE -> "DOUBLE PRECISION";
      case BOOLEAN -> "BOOLEAN";
      case TIMESTAMP_TZ -> "TIMESTAMP(6) WITH TIME ZONE";
      case ARRAY_VARCHAR -> "CHARACTER VARYING ARRAY";
    };
  }

  private static Object h2Value(SystemColumn.Kind kind, Object value) {
    if (value == null) {
      return null;
    }
    return switch (kind) {
      case TIMESTAMP_TZ -> ((Instant) value).atOffset(ZoneOffset.UTC);
      case ARRAY_VARCHAR -> ((List<?>) value).stream().map(v -> v == null ? null : v.toString()).toArray(String[]::new);
      default -> value;
    };
  }

  private static String quoted(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  private static void cancelQuietly(Statement statement) {
    try {
      statement.cancel();
    } catch (SQLException e) {
      // the statement has ended already
    }
  }

  private static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        // nothing is left to release
      }
    }
  }
}
