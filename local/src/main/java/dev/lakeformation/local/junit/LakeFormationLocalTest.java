package dev.lakeformation.local.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a JUnit 5 test class against its own LakeFormation Local: started before the class's first
 * test, stopped after its last one (nested classes share it), and handed to any constructor, test
 * method or {@code @BeforeAll}/{@code @BeforeEach} method that declares a parameter of type
 * {@link dev.lakeformation.local.LakeFormationLocal}, for its endpoint, keys and driver URL:
 *
 * <pre>{@code
 * @LakeFormationLocalTest
 * class OrdersReportTest {
 *   @BeforeAll
 *   static void tables(LakeFormationLocal local) throws SQLException {
 *     local.execute("sales", "CREATE TABLE orders (id BIGINT, total DECIMAL(12,2))");
 *   }
 *
 *   @Test
 *   void totals(LakeFormationLocal local) throws SQLException {
 *     try (Connection c = DriverManager.getConnection(local.jdbcUrl("sales"))) { … }
 *   }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(LakeFormationLocalExtension.class)
public @interface LakeFormationLocalTest {
  /**
   * Whether the sample databases ({@code tpch} and {@code types}) are loaded (default true).
   * Without them the service starts in a fraction of a second, with only the databases the test
   * creates.
   */
  boolean sampleData() default true;

  /** The TPC-H scale factor of the {@code tpch} sample database (default 0.01: 60,175 lineitem rows). */
  double tpchScaleFactor() default 0.01;
}
