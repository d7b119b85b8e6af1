package dev.lakeformation.local.sts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lakeformation.local.protocol.Caller;
import dev.lakeformation.local.protocol.Json;
import dev.lakeformation.local.protocol.Reply;
import dev.lakeformation.local.protocol.ServiceError;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The STS operations a driver needs, in STS's own protocol (AWS Query: a form-encoded
 * {@code POST /} with {@code Action=…&Version=2011-06-15}, answered in XML): GetCallerIdentity,
 * and AssumeRole and AssumeRoleWithWebIdentity, which issue temporary credentials that every
 * API of LakeFormation Local accepts until they expire. Any well-formed role ARN may be assumed:
 * Local has no IAM policies.
 */
public final class StsApi {
  static final String VERSION = "2011-06-15";
  private static final String NAMESPACE = "https://sts.amazonaws.com/doc/" + VERSION + "/";
  /** The one operation STS serves without a signature: its caller proves itself with the token. */
  public static final String UNSIGNED_ACTION = "AssumeRoleWithWebIdentity";
  private static final Set<String> ACTIONS = Set.of("GetCallerIdentity", "AssumeRole", UNSIGNED_ACTION);
  private static final int DEFAULT_DURATION_SECONDS = 3600;

  private final IssuedCredentials issued;

  public StsApi(IssuedCredentials issued) {
    this.issued = issued;
  }

  public static boolean knows(String action) {
    return ACTIONS.contains(action);
  }

  /** The decoded parameters of a form-encoded body. */
  public static Map<String, String> parameters(byte[] body) {
    Map<String, String> parameters = new HashMap<>();
    for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      parameters.put(name, value);
    }
    return parameters;
  }

  /**
   * Answers one call. {@code caller} is who signed it, or null for the unsigned
   * {@value #UNSIGNED_ACTION}.
   */
  public Reply handle(Map<String, String> parameters, Caller caller) {
    String action = parameters.getOrDefault("Action", "");
    if (!VERSION.equals(parameters.get("Version")) || !knows(action)) {
      throw ServiceError.stsInvalidAction("Could not find operation " + action + " for version "
          + parameters.get("Version") + ".");
    }
    return switch (action) {
      case "GetCallerIdentity" -> xml(action, "<Arn>" + escape(caller.arn()) + "</Arn><UserId>"
          + escape(caller.userId()) + "</UserId><Account>" + caller.account() + "</Account>");
      case "AssumeRole" -> assumeRole(parameters, caller);
      default -> assumeRoleWithWebIdentity(parameters);
    };
  }

  private Reply assumeRole(Map<String, String> parameters, Caller caller) {
    Role role = Role.of(required(parameters, "RoleArn"), required(parameters, "RoleSessionName"));
    String externalId = parameters.get("ExternalId");
    if (externalId != null && !externalId.matches("[\\w+=,.@:/-]{2,1224}")) {
      throw ServiceError.stsValidation("1 validation error detected: Value at 'externalId' failed to satisfy"
          + " constraint: Member must have length between 2 and 1224 and match [\\w+=,.@:/-]*");
    }
    IssuedCredentials.Issued credentials = issue(role, parameters);
    return xml("AssumeRole", assumedRoleUser(role, credentials) + credentials(credentials)
        + "<PackedPolicySize>0</PackedPolicySize>");
  }

  private Reply assumeRoleWithWebIdentity(Map<String, String> parameters) {
    Role role = Role.of(required(parameters, "RoleArn"), required(parameters, "RoleSessionName"));
    JsonNode claims = claims(required(parameters, "WebIdentityToken"));
    IssuedCredentials.Issued credentials = issue(role, parameters);
    String subject = claims.path("sub").asText("");
    String issuer = claims.path("iss").asText("");
    String audience = claims.path("aud").isArray() ? claims.path("aud").path(0).asText("") : claims.path("aud").asText("");
    return xml(UNSIGNED_ACTION, "<SubjectFromWebIdentityToken>" + escape(subject) + "</SubjectFromWebIdentityToken>"
        + "<Audience>" + escape(audience) + "</Audience>" + assumedRoleUser(role, credentials) + credentials(credentials)
        + "<Provider>" + escape(issuer) + "</Provider>");
  }

  /** The claims of a JWT (its signature is not checked: Local trusts every identity provider). */
  private static JsonNode claims(String token) {
    String[] parts = token.split("\\.");
    if (parts.length != 3) {
      throw ServiceError.stsInvalidIdentityToken("The web identity token is not a JWT (three dot-separated parts).");
    }
    try {
      JsonNode claims = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
      if (claims == null || !claims.isObject()) {
        throw new IllegalArgumentException("not an object");
      }
      return claims;
    } catch (IllegalArgumentException | java.io.IOException e) {
      throw ServiceError.stsInvalidIdentityToken("The web identity token's claims are not a base64url JSON object.");
    }
  }

  private IssuedCredentials.Issued issue(Role role, Map<String, String> parameters) {
    int seconds = DEFAULT_DURATION_SECONDS;
    String duration = parameters.get("DurationSeconds");
    if (duration != null) {
      try {
        seconds = Integer.parseInt(duration);
      } catch (NumberFormatException e) {
        seconds = -1;
      }
      if (seconds < 900 || seconds > 43_200) {
        throw ServiceError.stsValidation("1 validation error detected: Value '" + duration + "' at 'durationSeconds'"
            + " failed to satisfy constraint: Member must have value between 900 and 43200");
      }
    }
    String roleId = "AROA" + issued.randomKeyIdPart(17);
    return issued.issue(Duration.ofSeconds(seconds), role.assumedArn(), roleId + ":" + role.sessionName, role.account);
  }

  private static String assumedRoleUser(Role role, IssuedCredentials.Issued credentials) {
    return "<AssumedRoleUser><Arn>" + escape(role.assumedArn()) + "</Arn><AssumedRoleId>"
        + escape(credentials.caller().userId()) + "</AssumedRoleId></AssumedRoleUser>";
  }

  private static String credentials(IssuedCredentials.Issued credentials) {
    return "<Credentials><AccessKeyId>" + credentials.accessKeyId() + "</AccessKeyId><SecretAccessKey>"
        + escape(credentials.secretAccessKey()) + "</SecretAccessKey><SessionToken>"
        + escape(credentials.sessionToken()) + "</SessionToken><Expiration>" + credentials.expiration()
        + "</Expiration></Credentials>";
  }

  private static String required(Map<String, String> parameters, String name) {
    String value = parameters.get(name);
    if (value == null || value.isEmpty()) {
      throw ServiceError.stsValidation("1 validation error detected: Value null at '"
          + Character.toLowerCase(name.charAt(0)) + name.substring(1) + "' failed to satisfy constraint:"
          + " Member must not be null");
    }
    return value;
  }

  private static Reply xml(String action, String result) {
    String document = "<" + action + "Response xmlns=\"" + NAMESPACE + "\"><" + action + "Result>" + result + "</"
        + action + "Result><ResponseMetadata><RequestId>" + UUID.randomUUID() + "</RequestId></ResponseMetadata></"
        + action + "Response>";
    return new Reply("text/xml", document.getBytes(StandardCharsets.UTF_8), false);
  }

  /** An error as AWS Query services send it. */
  public static byte[] errorDocument(ServiceError error, String requestId) {
    String document = "<ErrorResponse xmlns=\"" + NAMESPACE + "\"><Error><Type>"
        + (error.httpStatus >= 500 ? "Receiver" : "Sender") + "</Type><Code>" + escape(error.type) + "</Code><Message>"
        + escape(error.getMessage()) + "</Message></Error><RequestId>" + requestId + "</RequestId></ErrorResponse>";
    return document.getBytes(StandardCharsets.UTF_8);
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /** A role to assume, checked as STS checks it. */
  private record Role(String partition, String account, String name, String sessionName) {
    static Role of(String arn, String sessionName) {
      var match = java.util.regex.Pattern.compile("arn:(aws[a-z-]*):iam::(\\d{12}):role/(?:[\\w+=,.@-]+/)*([\\w+=,.@-]+)")
          .matcher(arn);
      if (!match.matches()) {
        throw ServiceError.stsValidation("'" + arn + "' is not a valid role ARN (arn:aws:iam::<account>:role/<name>).");
      }
      if (!sessionName.matches("[\\w+=,.@-]{2,64}")) {
        throw ServiceError.stsValidation("1 validation error detected: Value '" + sessionName + "' at"
            + " 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern:"
            + " [\\w+=,.@-]* and have length between 2 and 64");
      }
      return new Role(match.group(1), match.group(2), match.group(3), sessionName);
    }

    String assumedArn() {
      return "arn:" + partition + ":sts::" + account + ":assumed-role/" + name + "/" + sessionName;
    }
  }
}
