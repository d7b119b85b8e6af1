package dev.lakeformation.local.http;

/**
 * Why a request's signature was refused. Each protocol names these failures its own way
 * ({@code UnrecognizedClientException} in Lake Formation and Athena, {@code InvalidClientTokenId}
 * in STS…), so the verifier says only which kind it is and {@link HttpFront} picks the name.
 */
final class AuthenticationFailure extends Exception {
  private static final long serialVersionUID = 1L;

  enum Kind {
    /** No SigV4 Authorization header at all. */
    MISSING,
    /** An Authorization header that is not well-formed SigV4. */
    MALFORMED,
    /** An access key the service does not know (or temporary credentials it revoked). */
    UNKNOWN_KEY,
    /** The signature is not the one the secret key gives, or the session token does not match. */
    BAD_SIGNATURE,
    /** Temporary credentials past their expiration. */
    EXPIRED
  }

  final Kind kind;

  AuthenticationFailure(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }
}
