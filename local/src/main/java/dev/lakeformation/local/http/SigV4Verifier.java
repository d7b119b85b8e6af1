package dev.lakeformation.local.http;

import dev.lakeformation.local.protocol.Caller;
import dev.lakeformation.local.sts.IssuedCredentials;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks AWS Signature Version 4 on incoming requests: that the access key is the service's own
 * or temporary credentials its STS issued (with their session token, not expired), and (when
 * enabled) that the signature is the one the secret key gives for this request.
 */
public final class SigV4Verifier {
  private static final String ALGORITHM = "AWS4-HMAC-SHA256";
  /** A regional AWS host name, such as query-lakeformation.us-east-1.amazonaws.com; group 1 is the region. */
  private static final Pattern AWS_HOST = Pattern.compile("[a-z0-9-]+\\.([a-z]{2}(?:-[a-z]+)+-\\d+)\\.amazonaws\\.com(?::\\d+)?");

  private final Caller owner;
  private final byte[] ownerSecretKey;
  private final IssuedCredentials issued;
  private final boolean verifySignatures;

  /**
   * @param owner the principal of the service's own access key
   * @param secretAccessKey that key's secret
   * @param issued the temporary credentials accepted besides
   */
  public SigV4Verifier(Caller owner, String secretAccessKey, IssuedCredentials issued, boolean verifySignatures) {
    this.owner = owner;
    this.ownerSecretKey = signingKeySeed(secretAccessKey);
    this.issued = issued;
    this.verifySignatures = verifySignatures;
  }

  private static byte[] signingKeySeed(String secretAccessKey) {
    return ("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Who signed the request; an {@link AuthenticationFailure} says why it is refused.
   *
   * @param service the name the request must be signed for (lakeformation, athena, sts); the
   *     region must be the one of an AWS host name it was sent to ({@code athena.eu-west-1…}),
   *     any region for other hosts (127.0.0.1)
   */
  Caller check(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body,
      String service) throws AuthenticationFailure {
    String authorization = first(headers, "authorization");
    if (authorization == null || !authorization.startsWith(ALGORITHM + " ")) {
      throw new AuthenticationFailure(AuthenticationFailure.Kind.MISSING,
          "Missing or unsupported Authorization header (AWS Signature Version 4 required).");
    }
    Map<String, String> parts = new TreeMap<>();
    for (String part : authorization.substring(ALGORITHM.length() + 1).split(",")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        parts.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
      }
    }
    String credential = parts.get("Credential");
    String signedHeaders = parts.get("SignedHeaders");
    String signature = parts.get("Signature");
    if (credential == null || signedHeaders == null || signature == null) {
      throw new AuthenticationFailure(AuthenticationFailure.Kind.MALFORMED, "Malformed Authorization header.");
    }
    String[] scope = credential.split("/");
    if (scope.length != 5 || !scope[4].equals("aws4_request")) {
      throw new AuthenticationFailure(AuthenticationFailure.Kind.MALFORMED,
          "Malformed credential scope in the Authorization header.");
    }
    Caller caller;
    byte[] secretKey;
    if (MessageDigest.isEqual(scope[0].getBytes(StandardCharsets.UTF_8),
        owner.accessKeyId().getBytes(StandardCharsets.UTF_8))) {
      caller = owner;
      secretKey = ownerSecretKey;
    } else {
      IssuedCredentials.Issued temporary = issued.find(scope[0]);
      if (temporary == null) {
        throw new AuthenticationFailure(AuthenticationFailure.Kind.UNKNOWN_KEY,
            "The security token included in the request is invalid: unknown access key ID.");
      }
      String token = first(headers, "x-amz-security-token");
      if (token == null || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
          temporary.sessionToken().getBytes(StandardCharsets.UTF_8))) {
        throw new AuthenticationFailure(AuthenticationFailure.Kind.BAD_SIGNATURE,
            "The security token included in the request is invalid: wrong or missing session token.");
      }
      if (issued.isExpired(temporary)) {
        throw new AuthenticationFailure(AuthenticationFailure.Kind.EXPIRED,
            "The security token included in the request is expired.");
      }
      caller = temporary.caller();
      secretKey = signingKeySeed(temporary.secretAccessKey());
    }
    if (!verifySignatures) {
      return caller;
    }
    if (!scope[3].equals(service)) {
      throw new AuthenticationFailure(AuthenticationFailure.Kind.BAD_SIGNATURE,
          "Credential should be scoped to correct service: '" + service + "'.");
    }
    Matcher awsHost = AWS_HOST.matcher(String.valueOf(first(headers, "host")));
    if (awsHost.matches() && !scope[2].equals(awsHost.group(1))) {
      throw new AuthenticationFailure(AuthenticationFailure.Kind.BAD_SIGNATURE,
          "Credential should be scoped to a valid region, not '" + scope[2] + "'.");
    }
    String amzDate = first(headers, "x-amz-date");
    if (amzDate == null) {
      throw new AuthenticationFailure(AuthenticationFailure.Kind.MALFORMED, "Missing X-Amz-Date header.");
    }
    String canonicalRequest = method + "\n"
        + (rawPath == null || rawPath.isEmpty() ? "/" : rawPath) + "\n"
        + canonicalQuery(rawQuery) + "\n"
        + canonicalHeaders(signedHeaders, headers) + "\n"
        + signedHeaders + "\n"
        + payloadHash(headers, body);
    String credentialScope = String.join("/", scope[1], scope[2], scope[3], scope[4]);
    String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + credentialScope + "\n" + hex(sha256(canonicalRequest));
    byte[] key = secretKey;
    for (String step : new String[] {scope[1], scope[2], scope[3], scope[4]}) {
      key = hmac(key, step);
    }
    String expected = hex(hmac(key, stringToSign));
    if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII))) {
      throw new AuthenticationFailure(AuthenticationFailure.Kind.BAD_SIGNATURE,
          "The request signature we calculated does not match the signature you provided.");
    }
    return caller;
  }

  private static String payloadHash(Map<String, List<String>> headers, byte[] body) {
    String declared = first(headers, "x-amz-content-sha256");
    if (declared != null && declared.startsWith("UNSIGNED-PAYLOAD")) {
      return declared;
    }
    return hex(sha256(body));
  }

  private static String canonicalHeaders(String signedHeaders, Map<String, List<String>> headers) {
    StringBuilder out = new StringBuilder();
    for (String name : signedHeaders.split(";")) {
      List<String> values = all(headers, name);
      out.append(name).append(':')
          .append(values.stream().map(v -> v.trim().replaceAll("\\s+", " ")).collect(Collectors.joining(",")))
          .append('\n');
    }
    return out.toString();
  }

  private static String canonicalQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String> pairs = new ArrayList<>(List.of(rawQuery.split("&")));
    pairs.replaceAll(p -> p.contains("=") ? p : p + "=");
    pairs.sort(null);
    return String.join("&", pairs);
  }

  private static String first(Map<String, List<String>> headers, String name) {
    List<String> values = all(headers, name);
    return values.isEmpty() ? null : values.get(0);
  }

  private static List<String> all(Map<String, List<String>> headers, String name) {
    for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
      if (entry.getKey() != null && entry.getKey().toLowerCase(Locale.ROOT).equals(name)) {
        return entry.getValue();
      }
    }
    return List.of();
  }

  private static byte[] sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
