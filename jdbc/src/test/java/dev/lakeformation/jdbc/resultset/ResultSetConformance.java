package dev.lakeformation.jdbc.resultset;

import static dev.lakeformation.jdbc.resultset.ConformanceData.COLUMNS;
import static dev.lakeformation.jdbc.resultset.ConformanceData.ROWS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.jdbc.resultset.ConformanceData.Column;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.h2.util.DateTimeUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The ResultSet conformance suite: every getter on every type, the cursor and the lifecycle,
 * checked against {@link ConformanceData} and the outcomes {@link ConversionTable} states. One
 * subclass per set-up says how a result over Arrow IPC work units is opened; the checks are the
 * same for all, so that a result reads the same however its batches reached it.
 *
 * <p>Every cell (column, row, getter) gives exactly its expected value, or fails with its
 * expected SQLState, or (for conversions the driver does not make) with an SQLException of
 * class 22 or 0A; never with an unchecked exception, never with null for a non-null value; and
 * after every getter {@code wasNull()} agrees with {@code getObject() == null}.
 */
abstract class ResultSetConformance {
  private static final AtomicLong CELLS = new AtomicLong();
  /** Calls made by the checks that go through ResultSet's methods by reflection. */
  private static final AtomicLong CALLS = new AtomicLong();
  private static TimeZone savedZone;
  private static BufferAllocator dataAllocator;
  private static List<byte[]> dataset;
  private static List<byte[]> emptyDataset;

  /** Opens a result over these Arrow IPC streams, one per work unit, in order; the caller closes it. */
  protected abstract ResultSet open(List<byte[]> units) throws Exception;

  @BeforeAll
  static void zoneAndData() {
    savedZone = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone(ConformanceData.JVM_ZONE));
    DateTimeUtils.resetCalendar();
    dataAllocator = new RootAllocator();
    dataset = ConformanceUnits.write(COLUMNS, dataAllocator);
    emptyDataset = ConformanceUnits.empty(COLUMNS, dataAllocator);
    CELLS.set(0);
    CALLS.set(0);
  }

  @AfterAll
  static void restoreZone() {
    TimeZone.setDefault(savedZone);
    // H2 keeps the zone it first saw: tests after these (DifferentialTest) compare with H2's dates.
    DateTimeUtils.resetCalendar();
    dataAllocator.close();
    System.out.printf("conformance: %d cells checked, %d more getter calls by reflection%n", CELLS.get(),
        CALLS.get());
  }

  // ---------------------------------------------------------------- every getter on every type

  @ParameterizedTest(name = "{0}")
  @EnumSource(Getter.class)
  void everyCellGivesItsExpectedOutcome(Getter getter) throws Exception {
    List<String> wrong = new ArrayList<>();
    try (ResultSet rs = open(dataset)) {
      for (int row = 0; row < ROWS; row++) {
        assertTrue(rs.next(), "row " + row + " is missing");
        for (int c = 0; c < COLUMNS.size(); c++) {
          checkCell(rs, getter, c, row, wrong);
        }
      }
      assertFalse(rs.next(), "more rows than the dataset's");
    }
    assertNoneWrong(wrong);
  }

  private static void checkCell(ResultSet rs, Getter getter, int c, int row, List<String> wrong) throws SQLException {
    Column column = COLUMNS.get(c);
    Object value = column.values().get(row);
    String cell = getter + " on " + column.name() + " row " + row;
    Object actual = null;
    SQLException failure = null;
    try {
      actual = getter.read(rs, c + 1);
    } catch (SQLException e) {
      failure = e;
    } catch (RuntimeException e) {
      wrong.add(cell + ": threw " + e);
      return;
    }
    boolean wasNull = rs.wasNull();
    if (value == null) {
      if (failure != null) {
        wrong.add(cell + ": NULL failed with " + failure);
      } else if (!Normal.matches(getter.nullResult(), actual)) {
        wrong.add(cell + ": NULL read as " + actual);
      }
    } else {
      Outcome expected = getter.fromBase(column.kind().expect(getter.base(), value));
      String problem = problem(expected, actual, failure);
      if (problem != null) {
        wrong.add(cell + ": " + problem);
      }
    }
    Object object = rs.getObject(c + 1);
    if (wasNull != (value == null) || wasNull != (object == null) || rs.wasNull() != (object == null)) {
      wrong.add(cell + ": wasNull " + wasNull + " after it, getObject " + object);
    }
    CELLS.incrementAndGet();
  }

  /** What is wrong with a getter's result or failure, given what was expected; null when nothing. */
  private static String problem(Outcome expected, Object actual, SQLException failure) {
    if (failure != null) {
      String message = failure.getMessage();
      if (message == null || message.isBlank() || message.length() > 400) {
        return "an unhelpful message (" + (message == null ? "none" : message.length() + " characters") + ")";
      }
    }
    if (expected instanceof Outcome.Value v) {
      if (failure != null) {
        return "expected " + v.expected() + ", failed: " + failure.getSQLState() + " " + failure.getMessage();
      }
      return Normal.matches(v.expected(), actual) ? null : "expected " + v.expected() + ", got " + actual;
    }
    if (failure == null) {
      return "expected " + expected + ", got " + actual;
    }
    String state = failure.getSQLState();
    if (expected instanceof Outcome.Fails f) {
      return state.equals(f.sqlState()) && failure instanceof SQLDataException ? null
          : "expected " + f.sqlState() + ", failed: " + state + " " + failure.getMessage();
    }
    return refusal(failure) ? null : "refused with " + state + " " + failure;
  }

  /** A conversion the driver does not make: class 22 (a data exception) or 0A (not supported). */
  private static boolean refusal(SQLException e) {
    return e.getSQLState() != null && (e.getSQLState().startsWith("22") && e instanceof SQLDataException
        || e.getSQLState().startsWith("0A") && e instanceof SQLFeatureNotSupportedException);
  }

  private static void assertNoneWrong(List<String> wrong) {
    assertTrue(wrong.isEmpty(), wrong.size() + " wrong:\n" + String.join("\n", wrong.subList(0,
        Math.min(wrong.size(), 60))));
  }

  @Test
  void everyConversionOfTableB6IsMade() throws Exception {
    List<String> wrong = new ArrayList<>();
    Set<String> made = new HashSet<>();
    Set<String> asked = new HashSet<>();
    try (ResultSet rs = open(dataset)) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        for (int c = 1; c <= md.getColumnCount(); c++) {
          for (Getter getter : TableB6.getters(md.getColumnType(c))) {
            String pair = getter + " on " + md.getColumnTypeName(c);
            asked.add(pair);
            try {
              getter.read(rs, c);
              made.add(pair);
            } catch (SQLException e) {
              // Only values that cannot be converted may fail: out of range, or text that is not a number or date.
              if (!Set.of("22003", "22018", "22007").contains(e.getSQLState())) {
                wrong.add(pair + " (" + md.getColumnName(c) + ", row " + rs.getRow() + ") refused: " + e);
              }
            }
          }
        }
      }
    }
    asked.removeAll(made);
    asked.forEach(pair -> wrong.add(pair + " gave no value on any row"));
    assertNoneWrong(wrong);
  }

  @Test
  void getColumnClassNameIsTheClassOfWhatGetObjectReturns() throws Exception {
    List<String> wrong = new ArrayList<>();
    try (ResultSet rs = open(dataset)) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        for (int c = 1; c <= md.getColumnCount(); c++) {
          Object object = rs.getObject(c);
          if (object == null) {
            continue;
          }
          Class<?> declared = Class.forName(md.getColumnClassName(c));
          // The class itself where it is one; an interface (Array, Map) or Object where values vary.
          boolean exact = !declared.isInterface() && declared != Object.class;
          if (!declared.isInstance(object) || exact && object.getClass() != declared) {
            wrong.add(md.getColumnName(c) + ": getColumnClassName " + declared.getName() + ", getObject "
                + object.getClass().getName());
          }
        }
      }
    }
    assertNoneWrong(wrong);
  }

  /**
   * Every {@code ResultSet.get…(int …)} method, with every kind of argument, on every cell: a
   * value (never null for a non-null value) or an SQLException of class 22 or 0A, and wasNull
   * right after it. This reaches what the cell checks do not: getObject with any class at all,
   * the LOB, REF, URL and ROWID getters.
   */
  @Test
  void noGetterThrowsAnythingButAnSqlExceptionOfClass22Or0A() throws Exception {
    List<String> wrong = new ArrayList<>();
    try (ResultSet rs = open(dataset)) {
      for (int row = 0; row < ROWS; row++) {
        rs.next();
        for (int c = 1; c <= COLUMNS.size(); c++) {
          boolean isNull = COLUMNS.get(c - 1).values().get(row) == null;
          for (Method method : columnGetters(int.class)) {
            for (Object[] extra : extraArguments(method)) {
              Object[] arguments = withFirst(c, extra);
              String call = method.getName() + Arrays.toString(arguments) + " row " + row;
              CALLS.incrementAndGet();
              try {
                Object result = method.invoke(rs, arguments);
                close(result);
                if (!isNull && result == null) {
                  wrong.add(call + " read a value as null");
                }
              } catch (InvocationTargetException e) {
                if (!(e.getCause() instanceof SQLException sql && refusal(sql))) {
                  wrong.add(call + " threw " + e.getCause());
                }
              }
              if (rs.wasNull() != isNull) {
                wrong.add(call + " left wasNull " + rs.wasNull());
              }
            }
          }
        }
      }
    }
    assertNoneWrong(wrong);
  }

  @Test
  void everyGetterByLabelGivesWhatItGivesByIndexWhateverTheLabelsCase() throws Exception {
    List<String> wrong = new ArrayList<>();
    try (ResultSet rs = open(dataset)) {
      while (rs.next()) {
        for (int c = 1; c <= COLUMNS.size(); c++) {
          String label = COLUMNS.get(c - 1).name().toUpperCase(Locale.ROOT);
          for (Method byLabel : columnGetters(String.class)) {
            Class<?>[] types = byLabel.getParameterTypes().clone();
            types[0] = int.class;
            Method byIndex = ResultSet.class.getMethod(byLabel.getName(), types);
            for (Object[] extra : extraArguments(byLabel)) {
              CALLS.addAndGet(2);
              Object expected = outcome(rs, byIndex, withFirst(c, extra));
              Object actual = outcome(rs, byLabel, withFirst(label, extra));
              if (!Normal.matches(expected, actual)) {
                wrong.add(byLabel.getName() + "(" + label + ") row " + rs.getRow() + ": " + actual + ", by index "
                    + expected);
              }
            }
          }
        }
      }
    }
    assertNoneWrong(wrong);
  }

  /** The method's result in normal form, streams read, or the SQLState it failed with. */
  private static Object outcome(ResultSet rs, Method method, Object[] arguments) throws Exception {
    try {
      Object result = method.invoke(rs, arguments);
      if (result instanceof InputStream in) {
        return Normal.of(in.readAllBytes(), null);
      }
      if (result instanceof Reader reader) {
        StringWriter text = new StringWriter();
        reader.transferTo(text);
        return text.toString();
      }
      return result == null ? null : Normal.of(result, ConformanceData.JVM_ZONE);
    } catch (InvocationTargetException e) {
      return "failed with " + ((SQLException) e.getCause()).getSQLState();
    }
  }

  /** ResultSet's column getters whose first parameter is {@code first} (int for an index, String for a label). */
  private static List<Method> columnGetters(Class<?> first) {
    return Arrays.stream(ResultSet.class.getMethods())
        .filter(m -> m.getName().startsWith("get") && !Modifier.isStatic(m.getModifiers()))
        .filter(m -> m.getParameterCount() > 0 && m.getParameterTypes()[0] == first)
        .toList();
  }

  /** The arguments after the column to call {@code method} with: each class getObject may be asked for, and so on. */
  private static List<Object[]> extraArguments(Method method) {
    Class<?>[] types = method.getParameterTypes();
    if (types.length == 1) {
      return List.<Object[]>of(new Object[0]);
    }
    Class<?> second = types[1];
    if (second == Class.class) {
      List<Object[]> classes = new ArrayList<>();
      for (Class<?> type : List.of(Object.class, String.class, Integer.class, int.class, Number.class,
          CharSequence.class, java.util.Date.class, java.time.temporal.Temporal.class, Object[].class, Thread.class,
          java.util.UUID.class, java.sql.Blob.class, java.sql.Clob.class, java.net.URL.class, Character.class)) {
        classes.add(new Object[] {type});
      }
      for (Getter getter : Getter.values()) {
        if (getter.target() != null) {
          classes.add(new Object[] {getter.target()});
        }
      }
      return classes;
    }
    if (second == java.util.Calendar.class) {
      return List.<Object[]>of(new Object[] {Getter.calendar()});
    }
    if (second == Map.class) {
      return List.<Object[]>of(new Object[] {Map.of()});
    }
    if (second == int.class) {
      return List.<Object[]>of(new Object[] {2}, new Object[] {0}, new Object[] {-1});
    }
    throw new AssertionError("no arguments for " + method);
  }

  private static Object[] withFirst(Object first, Object[] rest) {
    Object[] arguments = new Object[rest.length + 1];
    arguments[0] = first;
    System.arraycopy(rest, 0, arguments, 1, rest.length);
    return arguments;
  }

  private static void close(Object result) throws Exception {
    if (result instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }

  // ---------------------------------------------------------------- the cursor

  @Test
  void beforeTheFirstRowEveryGetterFailsWith24000() throws Exception {
    try (ResultSet rs = open(dataset)) {
      assertTrue(rs.isBeforeFirst());
      assertFalse(rs.isFirst());
      assertFalse(rs.isAfterLast());
      assertEquals(0, rs.getRow());
      assertEveryGetterFails(rs, "24000");
      assertTrue(rs.next());
      assertTrue(rs.isFirst());
      assertFalse(rs.isBeforeFirst());
    }
  }

  @Test
  void afterTheLastRowEveryGetterFailsWith24000AndNextStaysFalse() throws Exception {
    try (ResultSet rs = open(dataset)) {
      for (int row = 0; row < ROWS; row++) {
        assertTrue(rs.next());
        assertEquals(row + 1, rs.getRow());
        assertEquals(row == 0, rs.isFirst());
        assertFalse(rs.isBeforeFirst());
        assertFalse(rs.isAfterLast());
      }
      assertFalse(rs.next());
      assertFalse(rs.next());
      assertTrue(rs.isAfterLast());
      assertFalse(rs.isBeforeFirst());
      assertFalse(rs.isFirst());
      assertEquals(0, rs.getRow());
      assertEveryGetterFails(rs, "24000");
      assertFalse(rs.next());
    }
  }

  @Test
  void anEmptyResultIsNeitherBeforeItsFirstRowNorAfterItsLast() throws Exception {
    try (ResultSet rs = open(emptyDataset)) {
      assertEquals(COLUMNS.size(), rs.getMetaData().getColumnCount());
      assertFalse(rs.isBeforeFirst());
      assertFalse(rs.isAfterLast());
      assertEveryGetterFails(rs, "24000");
      assertFalse(rs.next());
      assertFalse(rs.isBeforeFirst());
      assertFalse(rs.isAfterLast());
      assertFalse(rs.next());
    }
  }

  @Test
  void aForwardOnlyResultRefusesEveryOtherMove() throws Exception {
    try (ResultSet rs = open(dataset)) {
      assertEquals(ResultSet.TYPE_FORWARD_ONLY, rs.getType());
      assertEquals(ResultSet.CONCUR_READ_ONLY, rs.getConcurrency());
      assertTrue(rs.next());
      for (Executable move : List.<Executable>of(rs::previous, rs::first, rs::last, rs::beforeFirst, rs::afterLast,
          () -> rs.absolute(1), () -> rs.relative(1), rs::isLast, () -> rs.setFetchDirection(ResultSet.FETCH_REVERSE),
          () -> rs.updateInt(1, 1), rs::insertRow)) {
        assertEquals("0A000", assertThrows(SQLFeatureNotSupportedException.class, move).getSQLState());
      }
      assertEquals(1, rs.getRow(), "a refused move leaves the cursor where it was");
    }
  }

  // ---------------------------------------------------------------- the lifecycle

  @Test
  void aClosedResultFailsWithHy010AndClosesTwiceHarmlessly() throws Exception {
    ResultSet rs = open(dataset);
    assertTrue(rs.next());
    rs.close();
    assertTrue(rs.isClosed());
    rs.close();
    assertEveryGetterFails(rs, "HY010");
    for (Executable call : List.<Executable>of(rs::next, rs::wasNull, rs::getMetaData, () -> rs.findColumn("i8"),
        rs::getRow, rs::isBeforeFirst, rs::isAfterLast, rs::getWarnings, rs::getFetchSize, rs::getStatement)) {
      assertEquals("HY010", assertThrows(SQLException.class, call).getSQLState());
    }
  }

  @Test
  void findColumnIgnoresTheLabelsCase() throws Exception {
    try (ResultSet rs = open(dataset)) {
      for (int c = 1; c <= COLUMNS.size(); c++) {
        String name = COLUMNS.get(c - 1).name();
        assertEquals(c, rs.findColumn(name));
        assertEquals(c, rs.findColumn(name.toUpperCase(Locale.ROOT)));
        assertEquals(name, rs.getMetaData().getColumnLabel(c));
      }
    }
  }

  @Test
  void aColumnIndexOrLabelThatIsNotThereFailsWith42S22() throws Exception {
    try (ResultSet rs = open(dataset)) {
      assertTrue(rs.next());
      int past = COLUMNS.size() + 1;
      for (Executable call : List.<Executable>of(() -> rs.getString(0), () -> rs.getObject(past),
          () -> rs.getInt(-1), () -> rs.getString("no_such_column"), () -> rs.findColumn("nope"),
          () -> rs.getMetaData().getColumnType(0), () -> rs.getMetaData().getColumnClassName(past))) {
        assertEquals("42S22", assertThrows(SQLException.class, call).getSQLState());
      }
    }
  }

  /** Every getter on every column fails with {@code sqlState}. */
  private static void assertEveryGetterFails(ResultSet rs, String sqlState) {
    for (Getter getter : Getter.values()) {
      for (int c = 1; c <= COLUMNS.size(); c++) {
        int column = c;
        SQLException e = assertThrows(SQLException.class, () -> getter.read(rs, column), getter + " on " + column);
        assertEquals(sqlState, e.getSQLState(), getter + " on " + column + ": " + e.getMessage());
      }
    }
  }
}
