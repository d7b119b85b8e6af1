package dev.lakeformation.jdbc.systemtable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a statement on system tables needs fetched, decided from its SQL alone: which tables, and
 * for which keys ("*" below: every row the service lists; "[]": none at all). No AWS call and no
 * H2 database is involved.
 */
class SystemQueryParserTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT * FROM lineitem",
      "SELECT l_comment FROM lineitem WHERE l_comment = 'system.query_results'",
      "SELECT * FROM systems.query_results",
      "SELECT * FROM lineitem -- system.queries",
      "this is not SQL, and it says system",
      "SELECT system.l_comment FROM lineitem system",
  })
  void queriesThatReadNoSystemTableAreLeftToTheService(String sql) throws SQLException {
    assertNull(SystemQueryParser.parse(sql));
  }

  /** Each table the statement reads, with its keys, as "table=[k1, k2]" or "table=*". */
  private static String reads(String sql) throws SQLException {
    SystemStatement.Select select = assertInstanceOf(SystemStatement.Select.class, SystemQueryParser.parse(sql));
    return select.reads().stream()
        .map(r -> r.table().name() + "=" + (r.keys() == null ? "*" : new TreeSet<>(r.keys()).toString()))
        .sorted().collect(Collectors.joining(" "));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      // Plain filters on the key, alone or with others.
      "SELECT * FROM system.query_executions|query_executions=*",
      "SELECT * FROM system.query_executions WHERE query_execution_id = 'a'|query_executions=[a]",
      "SELECT * FROM system.query_executions WHERE 'a' = query_execution_id AND state LIKE 'S%'|query_executions=[a]",
      "SELECT * FROM system.query_executions WHERE query_execution_id IN ('a', 'b')"
          + " AND query_execution_id IN ('b', 'c')|query_executions=[b]",
      "SELECT * FROM system.query_executions WHERE query_execution_id = 'a' OR query_execution_id IN ('b')"
          + "|query_executions=[a, b]",
      "SELECT * FROM system.query_executions WHERE query_execution_id = 'a' OR state = 'FAILED'|query_executions=*",
      "SELECT * FROM system.query_executions WHERE NOT query_execution_id = 'a'|query_executions=*",
      "SELECT * FROM system.query_executions WHERE query_execution_id = 5|query_executions=*",
      "SELECT * FROM system.query_executions WHERE query_execution_id = 'it''s'|query_executions=[it's]",
      // Qualified by the data catalog, as schema browsers write names.
      "SELECT * FROM \"AwsDataCatalog\".\"system\".\"queries\" WHERE query_id = 'a'|queries=[a]",
      "SELECT * FROM awsdatacatalog.system.query_executions WHERE query_execution_id = 'a'|query_executions=[a]",
      // Blocks that return nothing whatever the tables hold need no rows.
      "SELECT * FROM system.query_executions WHERE 1=0|query_executions=[]",
      "SELECT * FROM system.query_executions WHERE query_execution_id = NULL|query_executions=[]",
      "SELECT * FROM system.queries LIMIT 0|queries=[]",
      "SELECT TOP 0 * FROM system.queries|queries=[]",
      "SELECT * FROM system.queries FETCH FIRST 0 ROWS ONLY|queries=[]",
      "SELECT * FROM system.query_executions WHERE 1 = 1 AND query_execution_id = 'a'|query_executions=[a]",
      // Quoting, case, aliases and qualified names.
      "SELECT * FROM \"SYSTEM\".\"QUERY_EXECUTIONS\" WHERE \"QUERY_EXECUTION_ID\" = 'a'|query_executions=[a]",
      "SELECT * FROM system.\"queries\" q WHERE q.query_id = 'a'|queries=[a]",
      "SELECT * FROM system.queries WHERE system.queries.query_id = 'a'|queries=[a]",
      "SELECT * FROM system.queries q WHERE other.query_id = 'a' AND q.query_id = 'b'|queries=[b]",
      "SELECT system.queries.* FROM system.queries WHERE query_id = 'a';|queries=[a]",
      "SELECT q.*, w.* FROM system.queries q, system.work_units w WHERE q.query_id = 'a' AND w.query_id = 'b'"
          + "|queries=[a] work_units=[b]",
      // What Spark's JDBC source sends: the schema, then the rows (dbtable, and query).
      "SELECT * FROM (SELECT * FROM system.query_executions) SPARK_GEN_SUBQ_0 WHERE 1=0|query_executions=[]",
      "SELECT \"query_execution_id\",\"state\" FROM system.query_executions WHERE (\"query_execution_id\" IS NOT NULL)"
          + " AND (\"query_execution_id\" = 'a')|query_executions=[a]",
      "SELECT \"query_execution_id\",\"state\" FROM (SELECT * FROM system.query_executions WHERE state <> 'X')"
          + " SPARK_GEN_SUBQ_1 WHERE (\"query_execution_id\" IN ('a','b'))|query_executions=[a, b]",
      // DBeaver's row count, and wrappers a key filter passes through (or, with a LIMIT inside, does not).
      "SELECT COUNT(*) FROM (SELECT * FROM system.queries WHERE query_id = 'q') dbvrcnt|queries=[q]",
      "SELECT * FROM (SELECT query_execution_id AS id, state FROM system.query_executions) t WHERE t.id = 'a'"
          + "|query_executions=[a]",
      "SELECT * FROM (SELECT * FROM system.query_executions LIMIT 5) t WHERE query_execution_id = 'a'"
          + "|query_executions=*",
      "SELECT * FROM (SELECT state, COUNT(*) AS n FROM system.query_executions GROUP BY state) t WHERE 1 = 0"
          + "|query_executions=[]",
      // Joins: keys pass along key equalities, into the side a LEFT JOIN brings in only.
      "SELECT * FROM system.queries q JOIN system.work_units w ON w.query_id = q.query_id WHERE q.query_id = 'a'"
          + "|queries=[a] work_units=[a]",
      "SELECT * FROM system.queries q, system.work_units w WHERE w.query_id = q.query_id AND w.query_id IN ('a', 'b')"
          + "|queries=[a, b] work_units=[a, b]",
      "SELECT * FROM system.query_executions e LEFT JOIN system.queries q ON q.query_id = e.query_execution_id"
          + " WHERE e.query_execution_id = 'a'|queries=[a] query_executions=[a]",
      "SELECT * FROM system.query_executions e LEFT JOIN system.unprocessed_query_executions u"
          + " ON u.query_execution_id = e.query_execution_id AND u.query_execution_id = 'b'"
          + "|query_executions=* unprocessed_query_executions=[b]",
      "SELECT * FROM system.query_executions e LEFT JOIN system.unprocessed_query_executions u"
          + " ON u.query_execution_id = e.query_execution_id AND e.query_execution_id = 'b'"
          + "|query_executions=* unprocessed_query_executions=*",
      // One table read in several places: fetched once, for all of them.
      "SELECT query_id FROM system.queries WHERE query_id = 'a' UNION SELECT query_id FROM system.queries"
          + " WHERE query_id = 'b'|queries=[a, b]",
      "SELECT * FROM system.query_executions WHERE query_execution_id IN (SELECT query_id FROM system.queries"
          + " WHERE query_id = 'a')|queries=[a] query_executions=*",
      "WITH q AS (SELECT * FROM system.queries WHERE query_id = 'a') SELECT * FROM q|queries=[a]",
      // In doubt, nothing is concluded: unknown columns beside an unqualified name, correlation.
      "SELECT * FROM system.query_executions, (VALUES (1)) v(x) WHERE query_execution_id = 'a'|query_executions=*",
      "SELECT * FROM system.query_executions e WHERE EXISTS (SELECT 1 FROM system.unprocessed_query_executions u"
          + " WHERE u.query_execution_id = e.query_execution_id)|query_executions=* unprocessed_query_executions=*",
  })
  void eachTableIsFetchedForTheKeysItsFiltersPin(String sql, String expected) throws SQLException {
    assertEquals(expected, reads(sql));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "SELECT * FROM system.query_executions LIMIT 7|7",
      "SELECT query_execution_id, state AS s FROM system.query_executions|9223372036854775807",
      "SELECT * FROM system.query_executions WHERE state = 'FAILED' LIMIT 7|-1",
      "SELECT * FROM system.query_executions ORDER BY state LIMIT 7|-1",
      "SELECT * FROM system.query_executions LIMIT 7 OFFSET 3|-1",
      "SELECT DISTINCT state FROM system.query_executions LIMIT 7|-1",
      "SELECT COUNT(*) FROM system.query_executions LIMIT 7|-1",
      "SELECT * FROM system.query_executions e JOIN system.unprocessed_query_executions u ON 1 = 1 LIMIT 7|-1",
  })
  void onlyAPlainScanNeedsNoMoreThanItsFirstRowsListed(String sql, long limit) throws SQLException {
    assertEquals(limit, ((SystemStatement.Select) SystemQueryParser.parse(sql)).plainScanLimit());
  }

  @Test
  void theStatementGoesToH2AsWrittenWithEverySpellingOfTheSchema() throws SQLException {
    String sql = "SELECT * FROM \"SYSTEM\".queries q JOIN System.work_units w ON w.query_id = q.query_id"
        + " WHERE q.query_id = 'a' /* a comment */";
    SystemStatement.Select select = (SystemStatement.Select) SystemQueryParser.parse(sql);
    assertEquals(sql, select.sql());
    assertEquals(Set.of("SYSTEM", "system"), select.schemaNames());
  }

  @Test
  void queryResultsIsReadByItsOneIdWithAQuoteStayingInTheValue() throws SQLException {
    assertEquals(new SystemStatement.QueryResults("x' OR '1'='1", -1),
        SystemQueryParser.parse("SELECT * FROM system.query_results WHERE query_id = 'x'' OR ''1''=''1'"));
    assertEquals(new SystemStatement.QueryResults("q", 5),
        SystemQueryParser.parse("select * from SYSTEM.\"QUERY_RESULTS\" where (query_id in ('q')) limit 5"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "INSERT INTO system.queries VALUES ('x')|0A000"
          + "|System tables are read-only: only SELECT can name them, not INSERT",
      "UPDATE system.queries SET state = 'x'|0A000|not UPDATE",
      "DELETE FROM system.query_executions|0A000|not DELETE",
      "DROP TABLE system.queries|0A000|not DROP",
      "CREATE TABLE system.mine (a INT)|0A000|not CREATE",
      "TRUNCATE TABLE system.work_units|0A000|not TRUNCATE",
      "ALTER TABLE system.queries ADD COLUMN x INT|0A000|not ALTER",
      "GRANT SELECT ON system.queries TO PUBLIC|0A000|not GRANT",
      "MERGE INTO system.queries q USING (SELECT 'x' AS id) s ON q.query_id = s.id WHEN MATCHED THEN DELETE|0A000"
          + "|not MERGE",
      "SELECT * INTO system.copy FROM system.queries WHERE query_id = 'a'|0A000|read-only",
      "SELECT * FROM system.queries WHERE query_id = 'a'; DROP TABLE system.queries|42000|holds 2 statements",
      "SELECT 1; SELECT * FROM system.queries WHERE query_id = 'a'|42000|Send them one at a time",
      "SELECT * FROM system.nothing|42000|Table system.nothing does not exist; the system tables are:"
          + " system.queries, system.query_executions, system.query_results",
      "SELECT * FROM OtherCatalog.system.queries WHERE query_id = 'a'|42000|in the data catalog AwsDataCatalog",
      "SELECT * FROM system.queries|42000|system.queries needs the queries it reads named where it is read,"
          + " as in WHERE query_id = '…'",
      "SELECT * FROM system.work_units WHERE query_id LIKE 'a%'|42000|system.work_units needs",
      "SELECT * FROM system.queries q JOIN system.work_units w ON w.query_id = q.query_id|42000|needs",
      "SELECT * FROM system.query_results r JOIN system.queries q ON q.query_id = r.query_id|0A000"
          + "|together with other tables or inside another statement",
      "SELECT COUNT(*) FROM (SELECT * FROM system.query_results WHERE query_id = 'x') t|0A000|Use: SELECT *",
      "SELECT query_id FROM system.query_results WHERE query_id = 'x'|0A000|a column list",
      "SELECT * FROM system.query_results WHERE query_id = 'x' OR query_id = 'y'|42000|exactly one query ID",
      "SELECT * FROM system.query_results WHERE query_id = 'x' LIMIT ?|0A000|LIMIT",
  })
  void whatCannotBeAnsweredIsRefusedBeforeAnythingIsFetched(String sql, String state, String message) {
    SQLException e = assertThrows(SQLException.class, () -> SystemQueryParser.parse(sql));
    assertEquals(state, e.getSQLState(), e.getMessage());
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "SELECT * FROM system.query_executions WHERE",
      "SELEC * FROM system.query_executions",
      "SELECT * FROM system.query_executions WHERE state = 'unterminated",
  })
  void sqlTheParserCannotReadGetsH2sOwnMessageOnOneLine(String sql) {
    SQLException e = assertThrows(SQLException.class, () -> SystemQueryParser.parse(sql));
    assertEquals("42000", e.getSQLState(), e.getMessage());
    assertTrue(e.getMessage().startsWith("Syntax error in SQL statement"), e.getMessage());
    assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("[42001-")
        || e.getMessage().contains("; SQL statement:"), e.getMessage());
    assertEquals(0, SystemDatabase.openDatabases());
  }
}
