package dev.lakeformation.local.sts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeformation.local.LakeFormationLocal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lakeformation.LakeFormationClient;
import software.amazon.awssdk.services.lakeformation.model.InvalidInputException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** LakeFormation Local's STS, driven by the AWS SDK's own STS client over real HTTP. */
class LocalStsTest {
  private static final String ROLE = "arn:aws:iam::123456789012:role/analysts/reader";
  static LakeFormationLocal local;

  @BeforeAll
  static void start() throws Exception {
    local = LakeFormationLocal.builder().tpchScaleFactor(0.001).temporaryCredentialsMaxLifetime(Duration.ofSeconds(2))
        .start();
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  private static StsClient sts(AwsCredentialsProvider credentials) {
    return StsClient.builder().httpClient(Apache5HttpClient.create()).region(Region.US_EAST_1)
        .endpointOverride(local.endpoint()).credentialsProvider(credentials).build();
  }

  private static StsClient owner() {
    return sts(StaticCredentialsProvider.create(AwsBasicCredentials.create(LakeFormationLocal.DEFAULT_ACCESS_KEY_ID,
        LakeFormationLocal.DEFAULT_SECRET_ACCESS_KEY)));
  }

  private static AwsCredentialsProvider temporary(Credentials c) {
    return StaticCredentialsProvider.create(AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(),
        c.sessionToken()));
  }

  private static LakeFormationClient lakeFormation(AwsCredentialsProvider credentials) {
    return LakeFormationClient.builder().httpClient(Apache5HttpClient.create()).region(Region.US_EAST_1)
        .endpointOverride(local.endpoint()).credentialsProvider(credentials)
        .overrideConfiguration(o -> o.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
        .build();
  }

  @Test
  void getCallerIdentityNamesTheServicesUser() {
    try (StsClient sts = owner()) {
      GetCallerIdentityResponse me = sts.getCallerIdentity();
      assertEquals(LakeFormationLocal.USER_ARN, me.arn());
      assertEquals(LakeFormationLocal.ACCOUNT_ID, me.account());
    }
  }

  @Test
  void assumedRoleCredentialsWorkOnEveryApiUntilTheyExpire() throws Exception {
    try (StsClient sts = owner()) {
      Instant before = Instant.now();
      AssumeRoleResponse assumed = sts.assumeRole(r -> r.roleArn(ROLE).roleSessionName("jdbc-test")
          .externalId("partner-7").durationSeconds(900));
      Credentials credentials = assumed.credentials();
      assertTrue(credentials.accessKeyId().startsWith("ASIA"), credentials.accessKeyId());
      assertEquals("arn:aws:sts::123456789012:assumed-role/reader/jdbc-test", assumed.assumedRoleUser().arn());
      assertTrue(assumed.assumedRoleUser().assumedRoleId().endsWith(":jdbc-test"));
      // The lifetime asked for (900 s) is capped by the service's maximum (2 s here).
      assertTrue(credentials.expiration().isBefore(before.plusSeconds(4)), String.valueOf(credentials.expiration()));
      try (StsClient asRole = sts(temporary(credentials)); LakeFormationClient lf = lakeFormation(temporary(credentials))) {
        assertEquals(assumed.assumedRoleUser().arn(), asRole.getCallerIdentity().arn());
        assertThrows(InvalidInputException.class,
            () -> lf.getQueryState(r -> r.queryId("00000000-0000-0000-0000-000000000000")));
        Thread.sleep(Duration.between(Instant.now(), credentials.expiration()).toMillis() + 100);
        AwsServiceException expired = assertThrows(AwsServiceException.class, asRole::getCallerIdentity);
        assertEquals("ExpiredToken", expired.awsErrorDetails().errorCode());
        AwsServiceException expiredLf = assertThrows(AwsServiceException.class,
            () -> lf.getQueryState(r -> r.queryId("00000000-0000-0000-0000-000000000000")));
        assertEquals("ExpiredTokenException", expiredLf.awsErrorDetails().errorCode());
      }
    }
  }

  @Test
  void revokedCredentialsAreUnknownAndAForgedSessionTokenIsRefused() {
    try (StsClient sts = owner()) {
      Credentials credentials = sts.assumeRole(r -> r.roleArn(ROLE).roleSessionName("revoked")).credentials();
      Credentials forged = credentials.toBuilder().sessionToken("forged").build();
      try (StsClient withForgedToken = sts(temporary(forged))) {
        assertEquals("SignatureDoesNotMatch", assertThrows(AwsServiceException.class,
            withForgedToken::getCallerIdentity).awsErrorDetails().errorCode());
      }
      local.revokeIssuedCredentials();
      try (StsClient revoked = sts(temporary(credentials))) {
        AwsServiceException e = assertThrows(AwsServiceException.class, revoked::getCallerIdentity);
        assertEquals("InvalidClientTokenId", e.awsErrorDetails().errorCode());
        assertEquals(403, e.statusCode());
      }
    }
  }

  @Test
  void aWrongSecretIsASignatureMismatch() {
    try (StsClient sts = sts(StaticCredentialsProvider.create(AwsBasicCredentials.create(
        LakeFormationLocal.DEFAULT_ACCESS_KEY_ID, "not-the-secret")))) {
      AwsServiceException e = assertThrows(AwsServiceException.class, sts::getCallerIdentity);
      assertEquals("SignatureDoesNotMatch", e.awsErrorDetails().errorCode());
      assertEquals(403, e.statusCode());
    }
  }

  @Test
  void aWebIdentityTokenIsExchangedWithoutASignature() {
    String claims = "{\"sub\":\"system:serviceaccount:etl:reader\",\"aud\":\"sts.amazonaws.com\","
        + "\"iss\":\"https://oidc.example.com\"}";
    String token = "eyJhbGciOiJSUzI1NiJ9." + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    try (StsClient sts = sts(AnonymousCredentialsProvider.create())) {
      AssumeRoleWithWebIdentityResponse assumed = sts.assumeRoleWithWebIdentity(r -> r.roleArn(ROLE)
          .roleSessionName("pod").webIdentityToken(token));
      assertEquals("system:serviceaccount:etl:reader", assumed.subjectFromWebIdentityToken());
      assertEquals("sts.amazonaws.com", assumed.audience());
      assertEquals("https://oidc.example.com", assumed.provider());
      try (StsClient asRole = sts(temporary(assumed.credentials()))) {
        assertEquals("arn:aws:sts::123456789012:assumed-role/reader/pod", asRole.getCallerIdentity().arn());
      }
      AwsServiceException notAJwt = assertThrows(AwsServiceException.class, () -> sts.assumeRoleWithWebIdentity(
          r -> r.roleArn(ROLE).roleSessionName("pod").webIdentityToken("not-a-jwt")));
      assertEquals("InvalidIdentityToken", notAJwt.awsErrorDetails().errorCode());
      assertEquals(400, notAJwt.statusCode());
      // Any other operation still needs a signature.
      AwsServiceException unsigned = assertThrows(AwsServiceException.class, sts::getCallerIdentity);
      assertEquals("MissingAuthenticationToken", unsigned.awsErrorDetails().errorCode());
    }
  }

  @Test
  void badArgumentsAreValidationErrors() {
    try (StsClient sts = owner()) {
      AwsServiceException shortDuration = assertThrows(AwsServiceException.class,
          () -> sts.assumeRole(r -> r.roleArn(ROLE).roleSessionName("s1").durationSeconds(60)));
      assertEquals("ValidationError", shortDuration.awsErrorDetails().errorCode());
      assertEquals(400, shortDuration.statusCode());
      AwsServiceException notARole = assertThrows(AwsServiceException.class,
          () -> sts.assumeRole(r -> r.roleArn("arn:aws:s3:::bucket").roleSessionName("s1")));
      assertEquals("ValidationError", notARole.awsErrorDetails().errorCode());
      assertNotEquals(null, notARole.requestId());
    }
  }
}
