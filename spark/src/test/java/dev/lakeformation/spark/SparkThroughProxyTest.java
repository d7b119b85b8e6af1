package dev.lakeformation.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.local.LakeFormationLocal;
import dev.lakeformation.local.network.TunnellingProxy;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The connector with the configuration of a company network and no account: only Region, a proxy
 * and a TrustStore. Planning on the driver and every partition's reads go to AWS's own host names
 * through the proxy, over TLS, to LakeFormation Local.
 */
class SparkThroughProxyTest {
  private static final String QUERY_HOST = "query-lakeformation.us-east-1.amazonaws.com";
  private static final String DATA_HOST = "data-lakeformation.us-east-1.amazonaws.com";
  private static final String STS_HOST = "sts.us-east-1.amazonaws.com";
  private static SparkFixture fixture;
  private static LakeFormationLocal local;
  private static TunnellingProxy proxy;

  @BeforeAll
  static void start() throws Exception {
    fixture = SparkFixture.shared();
    local = LakeFormationLocal.builder().tpchScaleFactor(0.01).tlsHostNames("*.us-east-1.amazonaws.com").start();
    proxy = new TunnellingProxy(null, Map.of(QUERY_HOST, local.port(), DATA_HOST, local.port(), STS_HOST, local.port(),
        "athena.us-east-1.amazonaws.com", local.port()));
  }

  @AfterAll
  static void stop() throws Exception {
    proxy.close();
    local.close();
  }

  @Test
  void everyPartitionReadsThroughTheProxyFromAwsHostNames() {
    Dataset<Row> orders = fixture.spark.read().format("lakeformation")
        .option("url", "jdbc:lakeformation://Region=us-east-1;Database=tpch;ProxyHost=127.0.0.1;ProxyPort=" + proxy.port()
            + ";TrustStore={" + local.certificateFile() + "}")
        .option("user", local.accessKeyId()).option("password", local.secretAccessKey())
        .option("query", "SELECT o_orderkey, o_totalprice FROM orders").option("workUnitsPerPartition", 2).load();
    assertTrue(orders.rdd().getNumPartitions() > 1);
    assertEquals(15_000, orders.count());
    assertTrue(Set.copyOf(proxy.tunnels()).containsAll(Set.of(QUERY_HOST + ":443", DATA_HOST + ":443")),
        proxy.tunnels().toString());
    assertEquals(Set.of(QUERY_HOST), local.hosts("StartQueryPlanning"));
    assertEquals(Set.of(DATA_HOST), local.hosts("GetWorkUnitResults"));
  }
}
