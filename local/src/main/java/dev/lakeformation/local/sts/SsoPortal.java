package dev.lakeformation.local.sts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakeformation.local.protocol.Reply;
import dev.lakeformation.local.protocol.ServiceError;
import java.time.Duration;
import java.util.Map;

/**
 * The one call of the IAM Identity Center (SSO) portal that the SDK makes for a profile signed in
 * with {@code aws sso login}: GetRoleCredentials ({@code GET /federation/credentials}), which
 * trades the sign-in's bearer token for temporary credentials of a role in an account. Any
 * non-empty token is accepted (LakeFormation Local cannot know the sign-in); the credentials are
 * issued like STS's and are accepted by every API of the service.
 */
public final class SsoPortal {
  /** The path of GetRoleCredentials. */
  public static final String PATH = "/federation/credentials";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration LIFETIME = Duration.ofHours(1);

  private final IssuedCredentials issued;

  public SsoPortal(IssuedCredentials issued) {
    this.issued = issued;
  }

  /**
   * @param parameters the query string's account_id and role_name
   * @param bearerToken the {@code x-amz-sso_bearer_token} header
   */
  public Reply getRoleCredentials(Map<String, String> parameters, String bearerToken) {
    if (bearerToken == null || bearerToken.isBlank()) {
      throw new ServiceError("UnauthorizedException", 401, "Session token not found or invalid", Map.of());
    }
    String account = parameters.get("account_id");
    String role = parameters.get("role_name");
    if (account == null || !account.matches("\\d{12}") || role == null || role.isBlank()) {
      throw new ServiceError("InvalidRequestException", 400, "account_id (12 digits) and role_name are required.",
          Map.of());
    }
    IssuedCredentials.Issued credentials = issued.issue(LIFETIME,
        "arn:aws:sts::" + account + ":assumed-role/" + role + "/sso-user", "AROA" + account + "SSO:sso-user", account);
    ObjectNode body = JSON.createObjectNode();
    body.putObject("roleCredentials")
        .put("accessKeyId", credentials.accessKeyId())
        .put("secretAccessKey", credentials.secretAccessKey())
        .put("sessionToken", credentials.sessionToken())
        .put("expiration", credentials.expiration().toEpochMilli());
    return Reply.json("application/json", body);
  }
}
