package dev.lakeformation.core.aws;

import dev.lakeformation.api.LakeFormationException;
import dev.lakeformation.api.SqlState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.util.Set;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * What an AWS SDK failure means for the caller, decided from the service's error code and HTTP
 * status, never from the service's message text (an answer the SDK could not parse is known by
 * the parser's exception, or the SDK's own "Unable to unmarshall": see
 * {@link #isUnreadableAnswer}): whether another try may succeed, and which SQLState and advice to
 * report once the tries are spent.
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
      return hasIoCause(failure) && tlsRefusal(failure) == null && networkTimeout(failure) == null;
    }
    return failure instanceof IOException && tlsRefusal(failure) == null && networkTimeout(failure) == null;
  }

  /**
   * The failure of {@code what} (a call, or the reading of a body) that waited longer than the
   * connection's network timeout (Connection.setNetworkTimeout), or null for any other failure.
   */
  public static LakeFormationException networkTimeoutExceeded(String what, Throwable failure) {
    NetworkTimeout.Exceeded exceeded = networkTimeout(failure);
    return exceeded == null ? null
        : new LakeFormationException(SqlState.TIMEOUT, what + at(failure) + ": " + exceeded.getMessage(), failure);
  }

  private static NetworkTimeout.Exceeded networkTimeout(Throwable failure) {
    for (Throwable t = failure; t != null && t != t.getCause(); t = t.getCause()) {
      if (t instanceof NetworkTimeout.Exceeded exceeded) {
        return exceeded;
      }
    }
    return null;
  }

  /**
   * The TLS failure that no retry gets past, or null: a certificate that is not trusted, or one
   * that does not name the host. (A connection reset in the middle of TLS is a network failure.)
   */
  static SSLException tlsRefusal(Throwable failure) {
    for (Throwable t = failure; t != null && t != t.getCause(); t = t.getCause()) {
      if (t instanceof SSLPeerUnverifiedException unverified) {
        return unverified;
      }
      if (t instanceof SSLHandshakeException handshake && handshake.getCause() instanceof CertificateException) {
        return handshake;
      }
    }
    return null;
  }

  static boolean hasIoCause(Throwable failure) {
    for (Throwable t = failure.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
      if (t instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  /** How much of an unexpected answer's body a message quotes. */
  private static final int BODY_START = 160;

  /** Whether the service refused the request's credentials or signature (not merely the caller's permissions). */
  static boolean refusesCredentials(AwsServiceException e) {
    String code = errorCode(e);
    return code != null && BAD_CREDENTIALS.contains(code);
  }

  /**
   * Whether an error answer shows the service up and knowing the caller: any answer with an AWS
   * error code, but for refused credentials and server failures. An answer without one came from
   * something else (a proxy, a gateway, a wrong endpoint).
   */
  static boolean showsServiceAvailable(AwsServiceException e) {
    return errorCode(e) != null && !refusesCredentials(e) && e.statusCode() < 500;
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
      if (code == null) {
        return answerWithoutErrorCode(operation, e);
      }
      String serviceMessage = e.awsErrorDetails().errorMessage();
      String message = operation + " failed: " + code + ": " + serviceMessage + " (HTTP " + e.statusCode()
          + (e.requestId() == null ? "" : ", request ID " + e.requestId()) + ")";
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
      if (isUnreadableAnswer(e)) {
        return new LakeFormationException(SqlState.SERVICE_FAILURE, operation + " got an answer" + at(e)
            + " that could not be read as the service's: " + firstLine(e) + ". It was cut short, or something"
            + " other than AWS answered: check Endpoint, the proxy settings and any gateway in between.", e);
      }
      LakeFormationException timedOut = networkTimeoutExceeded(operation, e);
      if (timedOut != null) {
        return timedOut;
      }
      SSLException tls = tlsRefusal(e);
      if (tls != null) {
        return new LakeFormationException(SqlState.CONNECTION_REJECTED, operation + " could not open a TLS connection"
            + at(e) + ". " + tlsProblem(tls), e);
      }
      if (hasIoCause(e)) {
        return new LakeFormationException(SqlState.CONNECTION_FAILURE, operation + " could not reach the service"
            + at(e) + ": " + firstLine(e) + ". Check the Region or Endpoint, the proxy settings and the network.", e);
      }
      return new LakeFormationException(SqlState.GENERAL, operation + " failed in the AWS SDK: " + e.getMessage(), e);
    }
    return new LakeFormationException(SqlState.GENERAL, operation + " failed: " + failure, failure);
  }

  private static String tlsProblem(SSLException tls) {
    if (tls instanceof SSLPeerUnverifiedException) {
      return tls.getMessage() + ": the certificate does not name the host. Check Endpoint (a VPC endpoint is"
          + " reached by one of the names its certificate gives)";
    }
    return tls.getCause().getMessage() + ".";
  }

  /**
   * An error answer without an AWS error code: something other than the service answered, or
   * answered in another protocol. Proxies, load balancers and gateways answer like this (an HTML
   * page for 502, an empty 404), and so does a wrong Endpoint. Said by its HTTP status, with where
   * it came from and the start of its body, which is what tells a proxy's page from AWS.
   */
  private static LakeFormationException answerWithoutErrorCode(String operation, AwsServiceException e) {
    int status = e.statusCode();
    String answer = operation + " got HTTP " + status + " without an AWS error code" + at(e) + bodyStart(e);
    if (status == 407) {
      return new LakeFormationException(SqlState.INVALID_AUTHORIZATION, answer
          + ". The proxy asks for credentials or refused them: check ProxyUsername and ProxyPassword (or the user"
          + " and password in the proxy's URL).", e);
    }
    if (status == 401 || status == 403) {
      return new LakeFormationException(SqlState.INVALID_AUTHORIZATION, answer
          + ". The request was refused: check the credentials, and any proxy or gateway that may refuse it.", e);
    }
    if (status == 404 || status == 405) {
      return new LakeFormationException(SqlState.CONNECTION_REJECTED, answer
          + ". Nothing there serves this operation: check Endpoint, AthenaEndpoint, StsEndpoint and Region.", e);
    }
    if (status >= 500) {
      return new LakeFormationException(SqlState.SERVICE_FAILURE, answer + ". A server failed after the retries,"
          + " the service's or a gateway's or proxy's in between (502, 503 and 504 are theirs): try again later,"
          + " and check the proxy and Endpoint if it persists.", e);
    }
    return new LakeFormationException(SqlState.GENERAL, answer
        + ". It is not an answer of the service's protocol: check Endpoint and any proxy in between.", e);
  }

  /**
   * Whether the SDK got an answer it could not read (not JSON or XML, or cut short inside a
   * complete HTTP message): the parser's failure, not the network's.
   */
  static boolean isUnreadableAnswer(SdkClientException e) {
    for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
      String name = t.getClass().getSimpleName();
      if (name.endsWith("JsonParseException") || name.endsWith("JsonEOFException")
          || name.equals("XMLStreamException") || name.equals("SAXParseException")
          || t.getMessage() != null && t.getMessage().startsWith("Unable to unmarshall")) {
        return true;
      }
    }
    return false;
  }

  /** " from ENDPOINT", with the answer's HTTP status where the failure has none of its own, or "". */
  private static String at(Throwable failure) {
    RequestEndpoint request = RequestEndpoint.of(failure);
    if (request == null) {
      return "";
    }
    boolean statusUnsaid = !(failure instanceof AwsServiceException) && request.status() > 0;
    return " from " + request.endpoint() + through(failure) + (statusUnsaid ? " (HTTP " + request.status() + ")" : "");
  }

  /** " through the proxy HOST:PORT (SOURCE)" when the failed call went through a proxy, else "". */
  static String through(Throwable failure) {
    RequestEndpoint request = RequestEndpoint.of(failure);
    return request == null || request.via() == null ? "" : " through the " + request.via();
  }

  /** The start of an error answer's body, on one line, or that it was empty. */
  private static String bodyStart(AwsServiceException e) {
    SdkBytes raw = e.awsErrorDetails() == null ? null : e.awsErrorDetails().rawResponse();
    String body = raw == null ? "" : new String(raw.asByteArrayUnsafe(), StandardCharsets.UTF_8);
    body = body.replaceAll("\\s+", " ").strip();
    if (body.isEmpty()) {
      return ", with an empty body";
    }
    return ": '" + (body.length() > BODY_START ? body.substring(0, BODY_START) + "…" : body) + "'";
  }

  private static String firstLine(Throwable e) {
    String message = String.valueOf(e.getMessage());
    return message.lines().findFirst().orElse(message);
  }
}
