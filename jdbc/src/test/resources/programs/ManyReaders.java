import dev.lakeformation.core.query.ServiceSession;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Many readers of one large query at once, each pausing after its first row so that its fetches
 * run ahead as far as they may: prints each reader's row count, the most Arrow memory the JVM's
 * results held at one time, and the ceiling. Run in a small heap by MemoryCeilingTest.
 */
public class ManyReaders {
  public static void main(String[] args) throws Exception {
    String url = args[0];
    int readers = Integer.parseInt(args[1]);
    long pauseMillis = Long.parseLong(args[2]);
    ExecutorService threads = Executors.newFixedThreadPool(readers);
    List<Future<Long>> counts = new ArrayList<>();
    for (int i = 0; i < readers; i++) {
      counts.add(threads.submit(() -> {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT * FROM lineitem")) {
          long rows = 0;
          while (rs.next()) {
            if (rows++ == 0) {
              Thread.sleep(pauseMillis);
            }
            rs.getString(16);
          }
          return rows;
        }
      }));
    }
    StringBuilder rows = new StringBuilder();
    for (Future<Long> count : counts) {
      rows.append(count.get()).append(' ');
    }
    threads.shutdown();
    System.out.println("rows " + rows.toString().strip());
    System.out.println("peak " + ServiceSession.peakAllocatedBytesOfAllSessions());
    System.out.println("now " + ServiceSession.allocatedBytesOfAllSessions());
  }
}
