import java.sql.DriverManager;
import java.sql.SQLException;

/** Connects with Local=true on a class path without LakeFormation Local; prints the SQLState and message. */
public class ConnectWithoutLocal {
  public static void main(String[] args) throws Exception {
    try (var connection = DriverManager.getConnection("jdbc:lakeformation://Local=true")) {
      System.out.println("connected");
    } catch (SQLException e) {
      System.out.println(e.getSQLState() + " " + e.getMessage());
    }
  }
}
