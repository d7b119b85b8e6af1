import java.util.ServiceLoader;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.sources.DataSourceRegister;

/**
 * A Spark application in a fresh JVM whose class path is Spark's plus the one-file jar, as with
 * {@code spark-submit --jars}: finds format("lakeformation") and reads embedded LakeFormation Local.
 */
public class UseSpark {
  public static void main(String[] args) throws Exception {
    Logger.getLogger("").setLevel(Level.WARNING);
    for (DataSourceRegister source : ServiceLoader.load(DataSourceRegister.class)) {
      if (source.shortName().equals("lakeformation")) {
        System.out.println("source " + source.getClass().getName());
      }
    }
    SparkSession spark = SparkSession.builder().master("local[2]").appName("UseSpark")
        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
    try {
      Dataset<Row> nations = spark.read().format("lakeformation")
          .option("url", "jdbc:lakeformation://Local=true;Database=tpch")
          .option("query", "SELECT n_name, r_name FROM nation JOIN region ON n_regionkey = r_regionkey"
              + " ORDER BY n_nationkey")
          .load();
      Row first = nations.first();
      System.out.println("first " + first.getString(0) + " " + first.getString(1));
      System.out.println("rows " + nations.count());
      Dataset<Row> lineitem = spark.read().format("lakeformation")
          .option("url", "jdbc:lakeformation://Local=true;Database=tpch")
          .option("query", "SELECT * FROM lineitem").load();
      System.out.println("lineitem " + lineitem.count() + " in " + lineitem.rdd().getNumPartitions() + " partitions,"
          + " quantity " + lineitem.selectExpr("SUM(l_quantity)").first().get(0));
    } finally {
      spark.stop();
    }
  }
}
