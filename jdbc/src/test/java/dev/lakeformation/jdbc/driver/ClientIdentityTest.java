package dev.lakeformation.jdbc.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.jdbc.resultset.LfResultSet;
import java.sql.ClientInfoStatus;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who a connection's AWS calls say they come from (ApplicationName and ClientTag in the user
 * agent, as CloudTrail records it), and the query ID of what a statement ran.
 */
class ClientIdentityTest {
  static LocalFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = LocalFixture.shared();
  }

  /** A user agent that {@code operation} came with and that holds every one of {@code parts}, or null. */
  private static String agentWith(String operation, String... parts) {
    return fixture.local.userAgents(operation).stream().filter(a -> List.of(parts).stream().allMatch(a::contains))
        .findFirst().orElse(null);
  }

  @Test
  void applicationNameAndClientTagEndTheUserAgentOfEveryCall() throws Exception {
    try (Connection c = fixture.connect("Database=tpch;ApplicationName=report server 7;ClientTag=finance/q4");
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT * FROM region")) {
        rs.next();
      }
      try (ResultSet rs = s.executeQuery("SELECT * FROM system.query_executions LIMIT 1")) {
        rs.next();
      }
      // STS (the connect check), Lake Formation's planning and results, Athena's executions.
      for (String operation : List.of("GetCallerIdentity", "StartQueryPlanning", "GetWorkUnitResults",
          "ListQueryExecutions")) {
        String agent = agentWith(operation, "app/report_server_7", "tag/finance_q4");
        assertTrue(agent != null && agent.contains("lakeformation-jdbc/0.1.0"),
            operation + ": spaces and slashes become _, so that a name cannot split the header: "
                + fixture.local.userAgents(operation));
      }
      assertEquals("report server 7", c.getClientInfo("ApplicationName"));
      assertEquals("finance/q4", c.getClientInfo("clienttag"), "names are case-insensitive");
    }
  }

  @Test
  void setClientInfoChangesTheNextCallsAndUnknownNamesAreRefused() throws Exception {
    try (Connection c = fixture.connect("Database=tpch")) {
      c.setClientInfo("ApplicationName", "DBeaver 25.1");
      Properties both = new Properties();
      both.setProperty("ApplicationName", "nightly-export");
      both.setProperty("ClientTag", "data-eng");
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM nation")) {
        rs.next();
      }
      assertTrue(agentWith("StartQueryPlanning", "app/DBeaver_25.1") != null,
          fixture.local.userAgents("StartQueryPlanning").toString());
      c.setClientInfo(both);
      assertEquals(both, c.getClientInfo());
      try (ResultSet rs = c.getMetaData().getTables(null, "tpch", "%", null)) {
        rs.next();
      }
      assertTrue(agentWith("ListTableMetadata", "app/nightly-export", "tag/data-eng") != null,
          fixture.local.userAgents("ListTableMetadata").toString());

      SQLClientInfoException unknown = assertThrows(SQLClientInfoException.class,
          () -> c.setClientInfo("ClientHostname", "laptop"));
      assertEquals(Map.of("ClientHostname", ClientInfoStatus.REASON_UNKNOWN_PROPERTY), unknown.getFailedProperties());
      assertTrue(unknown.getMessage().contains("[ApplicationName, ClientTag]"), unknown.getMessage());
      assertThrows(SQLClientInfoException.class, () -> c.getClientInfo("ClientUser"));
      c.setClientInfo("ClientTag", null);
      assertNull(c.getClientInfo("ClientTag"));

      List<String> listed = new ArrayList<>();
      try (ResultSet rs = c.getMetaData().getClientInfoProperties()) {
        assertEquals(4, rs.getMetaData().getColumnCount(), "NAME, MAX_LEN, DEFAULT_VALUE, DESCRIPTION");
        while (rs.next()) {
          listed.add(rs.getString("NAME") + " " + rs.getInt("MAX_LEN"));
        }
      }
      assertEquals(List.of("ApplicationName 64", "ClientTag 64"), listed);
    }
  }

  @Test
  void theStatementAndTheResultSetGiveTheQueryId() throws Exception {
    try (Connection c = fixture.connect("Database=tpch"); Statement s = c.createStatement()) {
      assertNull(s.unwrap(LfStatement.class).getQueryId(), "nothing ran yet");
      try (ResultSet rs = s.executeQuery("SELECT * FROM region")) {
        String id = rs.unwrap(LfResultSet.class).getQueryId();
        assertEquals(36, id.length());
        assertEquals(id, s.unwrap(LfStatement.class).getQueryId());
        assertEquals(id, c.unwrap(LfConnection.class).recentQueryIds().get(0));
      }
      try (ResultSet rs = s.executeQuery("SELECT * FROM system.query_executions LIMIT 1")) {
        assertNull(rs.unwrap(LfResultSet.class).getQueryId(), "a system table's rows are no query's");
        assertNull(s.unwrap(LfStatement.class).getQueryId());
      }
    }
  }
}
