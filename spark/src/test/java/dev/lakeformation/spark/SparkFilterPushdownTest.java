package dev.lakeformation.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.TimeZone;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Filters on a table read by name: each one gives the rows Spark gives when it filters itself
 * (over the {@code types} sample's every type, its edge values and its row of NULLs); those SQL
 * answers alike are planned into the query's WHERE clause, the others stay with Spark.
 */
class SparkFilterPushdownTest {
  private static SparkFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = SparkFixture.shared();
  }

  private static List<Row> ids(Dataset<Row> rows) {
    return rows.select("id").orderBy("id").collectAsList();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "c_integer > 0|(\"c_integer\" > 0)",
      "c_bigint <= 4|(\"c_bigint\" <= 4)",
      "c_tinyint = -128|(\"c_tinyint\" = -128)",
      "c_smallint IN (2, 32767)|\"c_smallint\" IN (2, 32767)",
      "c_decimal_5_2 >= 1.25|(\"c_decimal_5_2\" >= CAST('1.25' AS DECIMAL(38, 2)))",
      "c_decimal_38_10 > 0|(\"c_decimal_38_10\" > CAST('0.0000000000' AS DECIMAL(38, 10)))",
      "c_decimal_38_10 = 1234567890123456789012345678.0123456789|(\"c_decimal_38_10\" = CAST('1234567890123456789012345678.0123456789' AS DECIMAL(38, 10)))",
      "c_decimal_18_4 < 0|(\"c_decimal_18_4\" < CAST('0.0000' AS DECIMAL(38, 4)))",
      "c_bigint >= -9223372036854775808|(\"c_bigint\" >= (-9223372036854775807 - 1))",
      "c_bigint = 9223372036854775807|(\"c_bigint\" = 9223372036854775807)",
      "c_boolean = true|(\"c_boolean\" = TRUE)",
      "NOT c_boolean|(NOT (\"c_boolean\" = TRUE))",
      "c_varchar = 'plain ascii'|(\"c_varchar\" = 'plain ascii')",
      "c_varchar > 'G'|(\"c_varchar\" > 'G')",
      "c_varchar LIKE 'Grü%'|(\"c_varchar\" LIKE 'Grü%' ESCAPE '\\')",
      "c_varchar LIKE '100%'|(\"c_varchar\" LIKE '100%' ESCAPE '\\')",
      "c_varchar IN ('', 'plain ascii')|\"c_varchar\" IN ('', 'plain ascii')",
      "c_varchar = 'x\\' OR \\'1\\'=\\'1'|(\"c_varchar\" = 'x'' OR ''1''=''1')",
      "c_date >= DATE '2000-01-01'|(\"c_date\" >= DATE '2000-01-01')",
      "c_date < DATE '1970-01-01'|(\"c_date\" < DATE '1970-01-01')",
      "c_integer IS NULL|(\"c_integer\" IS NULL)",
      "c_double IS NOT NULL|(\"c_double\" IS NOT NULL)",
      "c_integer > 0 OR c_varchar = ''|((\"c_integer\" > 0) OR (\"c_varchar\" = ''))",
      "NOT (c_integer = 3)|(NOT (\"c_integer\" = 3))",
  })
  void aFilterSqlAnswersAlikeIsPlannedAndGivesSparksRows(String condition, String plannedSql) {
    Dataset<Row> pushed = fixture.read("types").option("table", "types.all_types").load().where(condition);
    String received = fixture.receivedSql(pushed);
    assertTrue(received.contains(" WHERE ") && received.contains(plannedSql), received);
    assertEquals(ids(fixture.query("types", "SELECT * FROM all_types").where(condition)), ids(pushed));
  }

  /** Spark adds IS NOT NULL filters of its own, which are pushed; the condition itself must not be. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "c_double > 0|\"c_double\" >",
      "c_real = 2.5|\"c_real\" =",
      "c_char = 'abc'|\"c_char\" =",
      "c_timestamp > TIMESTAMP_NTZ '2000-01-01 00:00:00'|\"c_timestamp\" >",
      "c_varbinary = X'00FF10'|\"c_varbinary\" =",
      "c_integer > 0 OR c_double > 0|\"c_integer\" > 0) OR",
      "NOT (c_double = 0)|\"c_double\" =",
      "c_time > '12:00:00'|\"c_time\" >",
  })
  void aFilterSqlMightAnswerOtherwiseStaysWithSpark(String condition, String notPlanned) {
    Dataset<Row> kept = fixture.read("types").option("table", "types.all_types").load().where(condition);
    String plan = kept.queryExecution().executedPlan().toString();
    assertTrue(plan.contains("planned as: SELECT"), plan);
    assertFalse(plan.contains(notPlanned), plan);
    assertEquals(ids(fixture.query("types", "SELECT * FROM all_types").where(condition)), ids(kept));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "c_integer > 0 AND c_double > 0|(\"c_integer\" > 0)",
  })
  void thePushablePartOfAnAndIsPlannedAndTheRestStaysWithSpark(String condition, String plannedSql) {
    Dataset<Row> mixed = fixture.read("types").option("table", "types.all_types").load().where(condition);
    String plan = mixed.queryExecution().executedPlan().toString();
    assertTrue(plan.contains(" WHERE ") && plan.contains(plannedSql) && !plan.contains("c_double\" >"), plan);
    assertEquals(ids(fixture.query("types", "SELECT * FROM all_types").where(condition)), ids(mixed));
  }

  /**
   * With Spark's default {@code spark.sql.datetime.java8API.enabled=false}, a date reaches the
   * filter as a java.sql.Date at midnight of the JVM's zone: it is planned as the same day,
   * also in a zone whose clocks jumped at midnight (São Paulo on 2018-11-04) and before the
   * Gregorian calendar (java.sql.Date counts those days on the Julian one).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "c_date >= DATE '2000-01-01'|(\"c_date\" >= DATE '2000-01-01')",
      "c_date = DATE '2018-11-04' OR c_date < DATE '1970-01-01'|((\"c_date\" = DATE '2018-11-04') OR (\"c_date\" < DATE '1970-01-01'))",
      "c_date > DATE '1500-03-01'|(\"c_date\" > DATE '1500-03-01')",
      "c_date IN (DATE '2024-02-29', DATE '1582-10-15')|\"c_date\" IN (DATE '2024-02-29', DATE '1582-10-15')",
  })
  void aDateAsJavaSqlDateIsPlannedAsTheSameDayInAnyZone(String condition, String plannedSql) {
    TimeZone zone = TimeZone.getDefault();
    fixture.spark.conf().set("spark.sql.datetime.java8API.enabled", "false");
    try {
      for (String id : new String[] {"UTC", "America/Sao_Paulo", "Pacific/Kiritimati", "America/Los_Angeles"}) {
        TimeZone.setDefault(TimeZone.getTimeZone(id));
        Dataset<Row> pushed = fixture.read("types").option("table", "types.all_types").load().where(condition);
        String plan = pushed.queryExecution().executedPlan().toString();
        assertTrue(plan.contains(plannedSql), id + ": " + plan);
        assertEquals(ids(fixture.query("types", "SELECT * FROM all_types").where(condition)), ids(pushed), id);
      }
    } finally {
      TimeZone.setDefault(zone);
      fixture.spark.conf().set("spark.sql.datetime.java8API.enabled", "true");
    }
  }
}
