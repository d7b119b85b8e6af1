package dev.lakeformation.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The connector's tests run on the Spark and Scala the build names: 4.0 on Scala 2.13 by default,
 * 3.5 on Scala 2.12 and on 2.13 with the profiles {@code spark-3.5-scala-2.12} and
 * {@code spark-3.5-scala-2.13}.
 */
class SparkVersionTest {
  @Test
  void theSparkAndScalaRunningAreTheOnesTheBuildNames() throws Exception {
    SparkFixture fixture = SparkFixture.shared();
    assertEquals(System.getProperty("lakeformation.test.spark.version"), fixture.spark.version());
    String scalaVersion = scala.util.Properties.versionNumberString();
    assertTrue(scalaVersion.startsWith(System.getProperty("lakeformation.test.scala.binary.version") + "."),
        scalaVersion);
  }
}
