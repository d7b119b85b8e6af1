package dev.lakeformation.local.sts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.local.LakeFormationLocal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The SSO portal's GetRoleCredentials, called by the SDK's own SSO client: a sign-in's token buys
 * temporary credentials of a role that the other APIs accept; no token, no credentials.
 */
class SsoPortalTest {
  private static LakeFormationLocal local;

  @BeforeAll
  static void start() throws Exception {
    local = LakeFormationLocal.builder().sampleData(false).start();
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  private static SsoClient sso() {
    return SsoClient.builder().httpClient(Apache5HttpClient.create()).region(Region.US_EAST_1)
        .endpointOverride(local.endpoint()).credentialsProvider(AnonymousCredentialsProvider.create()).build();
  }

  @Test
  void aSignInsTokenBuysCredentialsOfTheRoleThatTheOtherApisAccept() {
    long calls = local.requestCount("GetRoleCredentials");
    try (SsoClient sso = sso()) {
      RoleCredentials role = sso.getRoleCredentials(r -> r.accessToken("token-of-a-sign-in")
          .accountId(LakeFormationLocal.ACCOUNT_ID).roleName("analyst")).roleCredentials();
      assertTrue(role.accessKeyId().startsWith("ASIA"));
      assertTrue(role.expiration() > System.currentTimeMillis());
      try (StsClient sts = StsClient.builder().httpClient(Apache5HttpClient.create()).region(Region.US_EAST_1)
          .endpointOverride(local.endpoint()).credentialsProvider(StaticCredentialsProvider.create(
              AwsSessionCredentials.create(role.accessKeyId(), role.secretAccessKey(), role.sessionToken()))).build()) {
        assertEquals("arn:aws:sts::" + LakeFormationLocal.ACCOUNT_ID + ":assumed-role/analyst/sso-user",
            sts.getCallerIdentity().arn());
      }
      assertEquals(calls + 1, local.requestCount("GetRoleCredentials"));
    }
  }

  @Test
  void withoutATokenThePortalRefuses() {
    try (SsoClient sso = sso()) {
      UnauthorizedException e = assertThrows(UnauthorizedException.class, () -> sso.getRoleCredentials(r -> r
          .accessToken(" ").accountId(LakeFormationLocal.ACCOUNT_ID).roleName("analyst")));
      assertEquals(401, e.statusCode());
    }
  }
}
