package dev.lakeformation.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code spark.sql.catalog.lf = LakeFormationCatalog}: Lake Formation's databases and tables in
 * {@code spark.sql}, its connection properties from {@code spark.sql.catalog.lf.*}, each table
 * read with its columns, filters and limit planned into the query, and the secret in no plan.
 */
class SparkCatalogTest {
  private static SparkFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = SparkFixture.shared();
    fixture.spark.conf().set("spark.sql.catalog.lf", LakeFormationCatalog.class.getName());
    fixture.spark.conf().set("spark.sql.catalog.lf.url", fixture.url("tpch"));
    fixture.spark.conf().set("spark.sql.catalog.lf.user", SparkFixture.ACCESS_KEY_ID);
    fixture.spark.conf().set("spark.sql.catalog.lf.password", SparkFixture.SECRET);
  }

  private static List<String> firstColumn(Dataset<Row> rows) {
    return rows.collectAsList().stream().map(r -> r.getString(0)).toList();
  }

  @Test
  void namespacesTablesAndColumnsAreListed() {
    List<String> namespaces = firstColumn(fixture.spark.sql("SHOW NAMESPACES IN lf"));
    assertTrue(namespaces.containsAll(List.of("tpch", "types")), namespaces.toString());
    List<String> tables = fixture.spark.sql("SHOW TABLES IN lf.tpch").select("tableName").collectAsList().stream()
        .map(r -> r.getString(0)).toList();
    assertTrue(tables.containsAll(List.of("orders", "lineitem", "nation")), tables.toString());
    List<String> columns = firstColumn(fixture.spark.sql("DESCRIBE lf.tpch.nation"));
    assertEquals(List.of("n_nationkey", "n_name", "n_regionkey", "n_comment"), columns);
  }

  @Test
  void aSelectReadsTheTableWithItsFilterPlannedAndNoSecretInThePlan() throws Exception {
    Dataset<Row> big = fixture.spark.sql("SELECT count(*) FROM lf.tpch.orders WHERE o_totalprice > 100000");
    String plan = big.queryExecution().toString();
    assertTrue(plan.contains("WHERE") && plan.contains("(\"o_totalprice\" > CAST('100000"), plan);
    assertFalse(plan.contains(SparkFixture.SECRET.substring(0, 8)), "no secret in the plan");
    assertEquals(((Number) fixture.h2Value("SELECT COUNT(*) FROM tpch.orders WHERE o_totalprice > 100000")).longValue(),
        big.collectAsList().get(0).getLong(0));
  }

  @Test
  void aMissingTableIsSparksOwnErrorAndTheCatalogIsReadOnly() {
    AnalysisException missing = assertThrows(AnalysisException.class,
        () -> fixture.spark.sql("SELECT * FROM lf.tpch.no_such_table").collectAsList());
    assertTrue(missing.getMessage().contains("no_such_table"), missing.getMessage());
    Exception drop = assertThrows(Exception.class, () -> fixture.spark.sql("DROP TABLE lf.tpch.orders").collectAsList());
    assertTrue(String.valueOf(drop.getMessage()).contains("read-only"), String.valueOf(drop.getMessage()));
    Exception create = assertThrows(Exception.class,
        () -> fixture.spark.sql("CREATE TABLE lf.tpch.new_table (id INT)").collectAsList());
    assertTrue(String.valueOf(create.getMessage()).contains("read-only"), String.valueOf(create.getMessage()));
  }
}
