import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A GUI tool in a fresh JVM, as DBeaver holds a driver: the one-file jar in a class loader of its
 * own, which the thread's context class loader cannot see. Connects once per way of holding
 * credentials and prints, per line, the way's name and either the count of a query or the
 * SQLState and message of the failure.
 *
 * <p>Arguments: the jar, then the driver URL's start (endpoint, region, database), then
 * name=properties pairs, the properties separated by ';'.
 */
public class UseCredentials {
  public static void main(String[] args) throws Exception {
    try (URLClassLoader tool = new URLClassLoader(new URL[] {Path.of(args[0]).toUri().toURL()},
        ClassLoader.getPlatformClassLoader())) {
      Driver driver = (Driver) Class.forName("dev.lakeformation.jdbc.driver.LakeFormationDriver", true, tool)
          .getDeclaredConstructor().newInstance();
      for (int i = 2; i < args.length; i++) {
        String name = args[i].substring(0, args[i].indexOf('='));
        String url = args[1] + ";" + args[i].substring(name.length() + 1);
        try (Connection connection = driver.connect(url, new Properties());
            ResultSet rs = connection.createStatement().executeQuery("SELECT COUNT(*) FROM nation")) {
          rs.next();
          System.out.println(name + " " + rs.getInt(1) + " valid " + connection.isValid(5));
        } catch (SQLException e) {
          System.out.println(name + " " + e.getSQLState() + " " + e.getMessage());
        }
      }
    }
  }
}
