package dev.lakeformation.jdbc.systemtable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.jdbc.systemtable.Condition.Compare;
import dev.lakeformation.jdbc.systemtable.Condition.Operator;
import dev.lakeformation.jdbc.systemtable.SystemQuery.SortKey;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SystemQueryParserTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT * FROM lineitem",
      "SELECT l_comment FROM lineitem WHERE l_comment = 'system.query_results'",
      "SELECT * FROM systems.query_results",
      "this is not SQL, and it says system",
  })
  void queriesThatReadNoSystemTableAreLeftToTheService(String sql) throws SQLException {
    assertNull(SystemQueryParser.parse(sql));
  }

  @Test
  void aFullSelectBecomesData() throws SQLException {
    SystemQuery query = SystemQueryParser.parse("select QUERY_ID, \"State\" from SYSTEM.Queries q"
        + " where q.query_id in ('a', 'b') and state <> 'ERROR' order by query_id desc, state nulls first limit 7");
    assertEquals("queries", query.table());
    assertEquals(List.of("query_id", "state"), query.columns());
    assertEquals(new Condition.And(new Condition.In("query_id", List.of("a", "b"), false),
        new Compare("state", Operator.NE, "ERROR")), query.where());
    assertEquals(List.of(new SortKey("query_id", false, true), new SortKey("state", true, true)), query.orderBy());
    assertEquals(7, query.limit());
  }

  @Test
  void literalsOfEveryKind() throws SQLException {
    SystemQuery query = SystemQueryParser.parse("SELECT * FROM system.t WHERE a = 'it''s' OR b >= -12.50"
        + " OR 10 < c OR d = TRUE OR e IS NOT NULL OR f BETWEEN 1 AND 2"
        + " OR g > TIMESTAMP '2024-01-02 03:04:05' OR NOT h = NULL");
    String where = query.where().toString();
    assertTrue(where.contains("Compare[column=a, operator=EQ, literal=it's]"), where);
    assertTrue(where.contains("Compare[column=b, operator=GE, literal=-12.50]"), where);
    assertTrue(where.contains("Compare[column=c, operator=GT, literal=10]"), "a literal on the left is mirrored");
    assertTrue(where.contains("Compare[column=d, operator=EQ, literal=true]"), where);
    assertTrue(where.contains("IsNull[column=e, negated=true]"), where);
    assertTrue(where.contains("And[left=Compare[column=f, operator=GE, literal=1], "
        + "right=Compare[column=f, operator=LE, literal=2]]"), where);
    assertTrue(where.contains("TemporalLiteral[keyword=TIMESTAMP, text=2024-01-02 03:04:05]"), where);
    assertTrue(where.contains("Not[operand=Compare[column=h, operator=EQ, literal=null]]"), where);
    assertEquals(-1, query.limit());
    assertTrue(query.selectsAll());
  }

  @Test
  void aQuoteInAValueStaysInTheValue() throws SQLException {
    SystemQuery query = SystemQueryParser.parse(
        "SELECT * FROM system.query_results WHERE query_id = 'x'' OR ''1''=''1'");
    assertEquals(new Compare("query_id", Operator.EQ, "x' OR '1'='1"), query.where());
  }

  @Test
  void pinnedValuesAreWhatEveryMatchingRowMustHave() throws SQLException {
    Condition where = SystemQueryParser.parse(
        "SELECT * FROM system.t WHERE id IN ('a', 'b', 'c') AND x = 1 AND id IN ('b', 'c', 'd')").where();
    assertEquals(Set.of("b", "c"), where.pinnedValues("id"));
    assertEquals(Set.of(new BigDecimal("1")), where.pinnedValues("x"));
    assertNull(SystemQueryParser.parse("SELECT * FROM system.t WHERE id = 'a' OR id = 'b'").where()
        .pinnedValues("id"), "OR is not followed");
    assertNull(where.pinnedValues("y"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "SELECT * FROM system.a JOIN system.b ON a.x = b.x | JOIN",
      "SELECT DISTINCT state FROM system.queries | DISTINCT",
      "SELECT state, COUNT(*) FROM system.queries GROUP BY state | GROUP BY",
      "SELECT COUNT(*) FROM system.queries | The select item COUNT(*)",
      "SELECT state AS s FROM system.queries | The column alias",
      "SELECT * FROM system.queries LIMIT 5 OFFSET 10 | OFFSET",
      "SELECT * FROM system.queries WHERE UPPER(state) = 'X' | The condition UPPER(state) = 'X' (one side must be a column",
      "SELECT * FROM system.queries WHERE state LIKE 'F%' | The condition state LIKE 'F%'",
      "SELECT * FROM system.queries WHERE a = b | The value b (values must be literals",
      "SELECT * FROM system.queries ORDER BY 1 | ORDER BY 1",
      "SELECT * FROM system.queries WHERE x IN (SELECT y FROM z) | ",
      "SELECT * FROM lineitem WHERE l_orderkey IN (SELECT x FROM system.queries) | inside another statement",
      "SELECT * FROM lineitem UNION SELECT * FROM system.queries | inside another statement",
  })
  void whatASystemTableCannotAnswerIsNamed(String sql, String named) {
    SQLException e = assertThrows(SQLFeatureNotSupportedException.class, () -> SystemQueryParser.parse(sql));
    assertEquals("0A000", e.getSQLState());
    assertTrue(e.getMessage().contains(named == null ? "" : named), e.getMessage());
    assertTrue(e.getMessage().contains("System tables support SELECT"), e.getMessage());
  }

  @Test
  void aColumnQualifiedByAnotherTableIsAnError() {
    SQLException e = assertThrows(SQLException.class,
        () -> SystemQueryParser.parse("SELECT other.x FROM system.queries"));
    assertEquals("42S22", e.getSQLState());
  }
}
