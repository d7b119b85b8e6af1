package dev.lakeformation.core.aws;

import dev.lakeformation.api.LakeFormationException;
import dev.lakeformation.api.SqlState;
import java.io.IOException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * What an AWS SDK failure means for the caller, decided from the service's error code and HTTP
 * status (never from message text): whether another try may succeed, and which SQLState and
 * advice to report once the tries are spent.
 *
 * <p>The error codes are those of the Lake Formation and Athena service models for the operations
 * the driver calls, plus the authentication errors every AWS service answers.
 */
public final class AwsErrors {
  /** The request's signature or credentials were refused: the caller must fix them. */
  private static final Set<String> BAD_CREDENTIALS = Set.of("UnrecognizedClientException",
      "InvalidSignatureException", "SignatureDoesNotMatch", "ExpiredTokenException", "ExpiredToken",
      "InvalidClientTokenId", "MissingAuthenticationTokenException", "MissingAuthenticationToken",
      "IncompleteSignatureException", "IncompleteSignature", "InvalidAccessKeyId", "RequestExpired");
  /** The request was understood and refused for what it asks: a bad query, name or argument. */
  private static final Set<String> BAD_REQUEST = Set.of("InvalidInputException", "InvalidRequestException",
      "EntityNotFoundException", "MetadataException", "ResourceNotFoundException", "ValidationException");

  private AwsErrors() {}

  /** Whether trying the same call again may succeed: throttling, a 5xx, or a connection that broke. */
  public static boolean isRetryable(Throwable failure) {
    CredentialsFailure credentials = CredentialsFailure.in(failure);
    if (credentials != null) {
      return SqlState.isTransient(credentials.sqlState());
    }
    if (failure instanceof AwsServiceException e) {
      return e.isThrottlingException() || e.statusCode() >= 500;
    }
    if (failure instanceof SdkClientException) {
      return hasIoCause(failure);
    }
    return failure instanceof IOException;
  }

  static boolean hasIoCause(Throwable failure) {
    for (Throwable t = failure.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
      if (t instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  /** Whether the service refused the request's credentials or signature (not merely the caller's permissions). */
  static boolean refusesCredentials(AwsServiceException e) {
    return BAD_CREDENTIALS.contains(errorCode(e));
  }

  /** The error code the service sent, or null. */
  public static String errorCode(Throwable failure) {
    return failure instanceof AwsServiceException e && e.awsErrorDetails() != null
        ? e.awsErrorDetails().errorCode() : null;
  }

  /**
   * A call that failed for good, as a {@link LakeFormationException}: the message names the
   * operation, the service's error code and message and its request ID (so that a support case
   * can be opened from it), and says what to do.
   */
  public static LakeFormationException classify(String operation, Throwable failure) {
    if (failure instanceof LakeFormationException e) {
      return e;
    }
    CredentialsFailure credentials = CredentialsFailure.in(failure);
    if (credentials != null) {
      return credentials.toLakeFormationException();
    }
    if (failure instanceof AwsServiceException e) {
      String code = errorCode(e);
      String serviceMessage = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
      String message = operation + " failed: " + (code == null ? "" : code + ": ") + serviceMessage
          + " (HTTP " + e.statusCode() + (e.requestId() == null ? "" : ", request ID " + e.requestId()) + ")";
      if (BAD_CREDENTIALS.contains(code)) {
        return new LakeFormationException(SqlState.INVALID_AUTHORIZATION, message
            + ". The credentials were refused: check the access key, secret key and session token, or the profile.", e);
      }
      if ("AccessDeniedException".equals(code) || e.statusCode() == 403) {
        return new LakeFormationException(SqlState.INVALID_AUTHORIZATION, message
            + ". The caller may not do this: check its IAM policy and Lake Formation permissions.", e);
      }
      if (BAD_REQUEST.contains(code)) {
        return new LakeFormationException(SqlState.SYNTAX_OR_ACCESS, message, e);
      }
      if ("ExpiredException".equals(code) || e.statusCode() == 410) {
        return new LakeFormationException(SqlState.GENERAL, message
            + ". The query has expired on the service and its results are gone: run it again.", e);
      }
      if (e.isThrottlingException()) {
        return new LakeFormationException(SqlState.SERVICE_BUSY, message
            + ". The service kept throttling after the retries: try again later, or raise MaxRetries"
            + " or lower MaxConcurrentWorkUnits.", e);
      }
      if (e.statusCode() >= 500) {
        return new LakeFormationException(SqlState.SERVICE_FAILURE, message
            + ". The service kept failing after the retries: try again later.", e);
      }
      return new LakeFormationException(SqlState.GENERAL, message, e);
    }
    if (failure instanceof SdkClientException e) {
      if (hasIoCause(e)) {
        return new LakeFormationException(SqlState.CONNECTION_FAILURE, operation + " could not reach the service: "
            + e.getMessage() + ". Check the Region or Endpoint and the network.", e);
      }
      return new LakeFormationException(SqlState.GENERAL, operation + " failed in the AWS SDK: " + e.getMessage(), e);
    }
    return new LakeFormationException(SqlState.GENERAL, operation + " failed: " + failure, failure);
  }
}
