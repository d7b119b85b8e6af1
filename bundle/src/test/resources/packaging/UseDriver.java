import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Collections;

/**
 * A host application in a fresh JVM, with nothing but the one-file jar on its class path:
 * finds the driver through DriverManager, reads a query from embedded LakeFormation Local and
 * a system table.
 */
public class UseDriver {
  public static void main(String[] args) throws Exception {
    String url = "jdbc:lakeformation://Local=true;Database=tpch";
    Driver driver = DriverManager.getDriver(url);
    System.out.println("driver " + driver.getClass().getName() + " " + driver.getMajorVersion() + "."
        + driver.getMinorVersion() + " logger " + driver.getParentLogger().getName());
    for (Driver registered : Collections.list(DriverManager.getDrivers())) {
      System.out.println("registered " + registered.getClass().getName());
    }
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(
            "SELECT n_name, r_name FROM nation JOIN region ON n_regionkey = r_regionkey ORDER BY n_nationkey")) {
      int rows = 0;
      while (rs.next()) {
        if (rows == 0) {
          System.out.println("first " + rs.getString(1) + " " + rs.getString("r_name"));
        }
        rows++;
      }
      System.out.println("rows " + rows);
    }
    // The system tables are answered by the bundled H2, which must stay off DriverManager.
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT state, COUNT(*) AS n FROM system.query_executions"
            + " GROUP BY state ORDER BY state")) {
      rs.next();
      System.out.println("system " + rs.getString("state") + " " + rs.getLong("n"));
    }
    for (Driver registered : Collections.list(DriverManager.getDrivers())) {
      System.out.println("registered " + registered.getClass().getName());
    }
    // Fetch threads are shared and wait idle in their pool for the next query (they are daemons):
    // none may still be working once the connection is closed (given a moment to get back to the pool).
    long busy = busyDriverThreads();
    for (int i = 0; i < 100 && busy > 0; i++) {
      Thread.sleep(20);
      busy = busyDriverThreads();
    }
    System.out.println("busy threads " + busy);
  }

  private static long busyDriverThreads() {
    return Thread.getAllStackTraces().entrySet().stream()
        .filter(e -> e.getKey().getName().startsWith("lakeformation-jdbc"))
        // idle: a fetch thread waiting in its pool, or the result sets' cleaner waiting for garbage
        .filter(e -> java.util.Arrays.stream(e.getValue()).noneMatch(frame -> frame.getMethodName().equals("getTask")
            || frame.getClassName().equals("java.lang.ref.ReferenceQueue") && frame.getMethodName().equals("remove")))
        .count();
  }
}
