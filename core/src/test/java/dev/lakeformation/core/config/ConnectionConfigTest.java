package dev.lakeformation.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.api.LakeFormationException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConnectionConfigTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "jdbc:mysql://x|08001|Not a lakeformation-jdbc URL: it must start with jdbc:lakeformation:// (for example jdbc:lakeformation://Region=us-east-1;Database=sales).",
      "jdbc:lakeformation://Foo=1|08001|Unknown connection property 'Foo' in the URL. Known properties: Region, Endpoint, AthenaEndpoint, StsEndpoint, AllowHttp, Local, ApplicationName, ClientTag, ProxyHost, ProxyPort, ProxyUsername, ProxyPassword, NonProxyHosts, TrustStore, TrustStorePassword, TrustStoreType, TrustSystemCertificates, Tls, Database, CatalogId, QueryId, TransactionId, QueryAsOfTime, WorkGroup, User, Password, AccessKeyId, SecretAccessKey, SessionToken, Profile, RoleArn, RoleSessionName, ExternalId, DurationSeconds, VerifyCredentials, MaxConcurrentWorkUnits, MaxBufferBytes, PageSize, RowOrder, MaxRetries, PollIntervalMillis, PollMaxIntervalMillis, PlanningTimeoutSeconds, ConnectTimeoutMillis, SocketTimeoutMillis, LoginTimeoutSeconds, MetadataCacheSeconds, LogLevel, LogPath.",
      "jdbc:lakeformation://Region=us-east-1;region=eu-west-1|08001|Connection property Region is given twice in the URL.",
      "jdbc:lakeformation://Region|08001|Malformed URL segment 'Region': expected Key=Value pairs separated by ';'.",
      "jdbc:lakeformation://Region=Mars|08001|Invalid value for connection property Region: 'Mars' is not an AWS Region name; expected e.g. us-east-1 or eu-west-2.",
      "jdbc:lakeformation://MaxConcurrentWorkUnits=0|08001|Invalid value for connection property MaxConcurrentWorkUnits: '0' is not an integer from 1 to 256.",
      "jdbc:lakeformation://MaxConcurrentWorkUnits=many|08001|Invalid value for connection property MaxConcurrentWorkUnits: 'many' is not an integer from 1 to 256.",
      "jdbc:lakeformation://MaxBufferBytes=1KB|08001|Invalid value for connection property MaxBufferBytes: '1KB' is not a byte count from 1048576 (1MB) to 1099511627776 (1024GB); suffixes KB, MB, GB are accepted.",
      "jdbc:lakeformation://RowOrder=random|08001|Invalid value for connection property RowOrder: 'random' is not accepted; accepted: WORK_UNIT, COMPLETION.",
      "jdbc:lakeformation://QueryId=abc|08001|Invalid value for connection property QueryId: 'abc' is not a query ID; a query ID is exactly 36 characters.",
      "jdbc:lakeformation://Local=maybe|08001|Invalid value for connection property Local: 'maybe' is not a boolean; accepted: true, false.",
      "jdbc:lakeformation://Endpoint=ftp://x|08001|Invalid value for connection property Endpoint: 'ftp://x' is not an http:// or https:// URL with a host.",
      "jdbc:lakeformation://Endpoint=http://example.com|08001|Endpoint uses plain http:// on a host other than loopback: use https://, or set AllowHttp=true to send credentials unencrypted.",
      "jdbc:lakeformation://AccessKeyId=AKIA1|28000|An access key ID is given without its secret access key (SecretAccessKey or Password).",
      "jdbc:lakeformation://SecretAccessKey=s3cr3t|28000|A secret access key (SecretAccessKey or Password) is given without an access key ID (AccessKeyId or User).",
      "jdbc:lakeformation://SessionToken=tok|28000|SessionToken needs AccessKeyId and SecretAccessKey too.",
      "jdbc:lakeformation://AccessKeyId=A;SecretAccessKey=s;Profile=p|28000|Profile and static credentials (AccessKeyId/User) exclude each other: give one.",
      "jdbc:lakeformation://Local=true;Endpoint=http://127.0.0.1:1|08001|Local=true starts its own endpoint: remove Endpoint, AthenaEndpoint and StsEndpoint.",
      "jdbc:lakeformation://Local=true;StsEndpoint=http://127.0.0.1:1|08001|Local=true starts its own endpoint: remove Endpoint, AthenaEndpoint and StsEndpoint.",
      "jdbc:lakeformation://StsEndpoint=http://sts.example.com|08001|StsEndpoint uses plain http:// on a host other than loopback: use https://, or set AllowHttp=true to send credentials unencrypted.",
      "jdbc:lakeformation://RoleArn=arn:aws:iam::12345:role/x|08001|Invalid value for connection property RoleArn: 'arn:aws:iam::12345:role/x' is not an IAM role ARN such as arn:aws:iam::123456789012:role/analyst.",
      "jdbc:lakeformation://RoleArn=arn:aws:iam::123456789012:role/x;RoleSessionName=a b|08001|Invalid value for connection property RoleSessionName: 'a b' is not a role session name (2-64 of a-z A-Z 0-9 + = , . @ _ -).",
      "jdbc:lakeformation://RoleArn=arn:aws:iam::123456789012:role/x;DurationSeconds=60|08001|Invalid value for connection property DurationSeconds: '60' is not an integer from 900 to 43200.",
      "jdbc:lakeformation://RoleArn=arn:aws:iam::123456789012:role/x;ExternalId=!|08001|Invalid value for connection property ExternalId: must be 2-1224 of a-z A-Z 0-9 + = , . @ : / _ -.",
      "jdbc:lakeformation://ExternalId=partner-7|08001|ExternalId is a setting of the role to assume: give RoleArn too.",
      "jdbc:lakeformation://DurationSeconds=900|08001|DurationSeconds is a setting of the role to assume: give RoleArn too.",
      "jdbc:lakeformation://ProxyPort=3128|08001|ProxyPort is given without ProxyHost: give the proxy's host too.",
      "jdbc:lakeformation://ProxyHost=proxy.example.com;ProxyPort=99999|08001|Invalid value for connection property ProxyPort: '99999' is not an integer from 1 to 65535.",
      "jdbc:lakeformation://ProxyHost=proxy.example.com;ProxyPort=3128;ProxyUsername=alice|28000|ProxyUsername is given without ProxyPassword: give the proxy user's password too.",
      "jdbc:lakeformation://NonProxyHosts=*.internal|08001|NonProxyHosts is a setting of ProxyHost: give ProxyHost and ProxyPort too.",
      "jdbc:lakeformation://TrustStoreType=JKS|08001|TrustStoreType is a setting of TrustStore: give TrustStore too.",
      "jdbc:lakeformation://TrustStore=ca.pem;TrustStoreType=DER|08001|Invalid value for connection property TrustStoreType: 'DER' is not accepted; accepted: AUTO, PEM, JKS, PKCS12.",
      "jdbc:lakeformation://VerifyCredentials=perhaps|08001|Invalid value for connection property VerifyCredentials: 'perhaps' is not a boolean; accepted: true, false.",
      "jdbc:lakeformation://AccessKeyId=A;SecretAccessKey=fc-sec;ret|08001|The URL cannot be read after the value of SecretAccessKey, which seems to hold a ';': write it in braces, SecretAccessKey={...}.",
      "jdbc:lakeformation://AccessKeyId=A;SecretAccessKey=fc-sec;ret=x|08001|The URL cannot be read after the value of SecretAccessKey, which seems to hold a ';': write it in braces, SecretAccessKey={...}.",
      "jdbc:lakeformation://AccessKeyId=A;Password=fc;se=c;Region=us-east-1|08001|The URL cannot be read after the value of Password, which seems to hold a ';': write it in braces, Password={...}.",
      "jdbc:lakeformation://AccessKeyId=A;SecretAccessKey={fc}sec}|08001|Expected ';' after the braced value of SecretAccessKey (a braced value cannot hold '}').",
      "jdbc:lakeformation://PollIntervalMillis=500;PollMaxIntervalMillis=100|08001|PollIntervalMillis must not exceed PollMaxIntervalMillis.",
      "jdbc:lakeformation://Database={sales|08001|The value of Database opens a '{' that is never closed.",
  })
  void rejectsABadUrlWithAMessageNamingTheProblem(String url, String sqlState, String message) {
    LakeFormationException e = assertThrows(LakeFormationException.class, () -> ConnectionConfig.parse(url, new Properties()));
    assertEquals(message, e.getMessage());
    assertEquals(sqlState, e.sqlState());
  }

  @Test
  void keysAreCaseInsensitiveAndTheUrlWinsOverProperties() throws LakeFormationException {
    Properties info = new Properties();
    info.setProperty("database", "fromProperties");
    info.setProperty("workgroup", "analysts");
    ConnectionConfig config = ConnectionConfig.parse("jdbc:lakeformation://DATABASE=fromUrl;region=eu-west-1", info);
    assertEquals("fromUrl", config.get(ConnectionProperty.DATABASE));
    assertEquals("analysts", config.get(ConnectionProperty.WORK_GROUP));
    assertEquals("eu-west-1", config.get(ConnectionProperty.REGION));
  }

  @Test
  void bracedValuesMayHoldSemicolons() throws LakeFormationException {
    ConnectionConfig config = ConnectionConfig.parse("jdbc:lakeformation://Database={a;b};Region=us-east-1;", null);
    assertEquals("a;b", config.get(ConnectionProperty.DATABASE));
  }

  @Test
  void guiLoginFieldsAreTheAccessKeyAndSecretAndNeverShown() throws LakeFormationException {
    Properties info = new Properties();
    info.setProperty("user", "AKIAEXAMPLE");
    info.setProperty("password", "very-secret-key");
    ConnectionConfig config = ConnectionConfig.parse(
        "jdbc:lakeformation://Region=us-east-1;SessionToken=session-token-value", info);
    assertEquals("AKIAEXAMPLE", config.accessKeyId());
    assertEquals("very-secret-key", config.secretAccessKey());
    assertFalse(config.redactedUrl().contains("very-secret-key"));
    assertFalse(config.toString().contains("session-token-value"));
    assertTrue(config.redactedUrl().contains("Region=us-east-1"));
  }

  @Test
  void emptyLoginFieldsFromGuiToolsAreIgnored() throws LakeFormationException {
    Properties info = new Properties();
    info.setProperty("user", "");
    info.setProperty("password", "");
    ConnectionConfig config = ConnectionConfig.parse("jdbc:lakeformation://Region=us-east-1", info);
    assertEquals(null, config.accessKeyId());
  }

  @Test
  void byteCountsAcceptSuffixes() throws LakeFormationException {
    assertEquals(64L << 20, ConnectionConfig.parse("jdbc:lakeformation://MaxBufferBytes=64MB", null)
        .get(ConnectionProperty.MAX_BUFFER_BYTES));
  }

  @Test
  void onePropertyCanBeChangedAndIsCheckedAsParsingChecksIt() throws LakeFormationException {
    ConnectionConfig config = ConnectionConfig.parse("jdbc:lakeformation://Region=us-east-1;Database=sales;MaxRetries=2",
        new Properties());
    ConnectionConfig other = config.with(ConnectionProperty.DATABASE, "finance");
    assertEquals("finance", other.get(ConnectionProperty.DATABASE));
    assertEquals(2, other.get(ConnectionProperty.MAX_RETRIES));
    assertEquals("sales", config.get(ConnectionProperty.DATABASE), "the original is unchanged");
    LakeFormationException e = assertThrows(LakeFormationException.class,
        () -> config.with(ConnectionProperty.MAX_RETRIES, "many"));
    assertEquals("08001", e.sqlState());
  }
}
