package dev.lakeformation.local.sts;

import dev.lakeformation.local.protocol.Caller;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The temporary credentials LakeFormation Local's STS has handed out (access key, secret key,
 * session token, expiration), which every API of the service then accepts until they expire or
 * are revoked, as AWS does.
 */
public final class IssuedCredentials {
  /** Expired credentials are kept this long, so that their use is told apart from an unknown key. */
  private static final Duration KEPT_AFTER_EXPIRY = Duration.ofMinutes(15);
  private static final char[] KEY_ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

  /** One set of temporary credentials and the principal they stand for. */
  public record Issued(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration, Caller caller) {
    /** Everything but the secret key and session token. */
    @Override
    public String toString() {
      return "Issued[" + accessKeyId + ", expires " + expiration + ", " + caller.arn() + "]";
    }
  }

  private final Map<String, Issued> byAccessKeyId = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;
  private final Duration maxLifetime;

  /**
   * @param maxLifetime the longest lifetime given, whatever a caller asks for: how tests see
   *     credentials expire (and be renewed) in seconds, where AWS's shortest is 15 minutes
   */
  public IssuedCredentials(Clock clock, Duration maxLifetime) {
    this.clock = clock;
    this.maxLifetime = maxLifetime;
  }

  /**
   * New credentials for the principal {@code arn} (with its unique {@code userId} and
   * {@code account}), valid for {@code lifetime} capped by the maximum lifetime.
   */
  Issued issue(Duration lifetime, String arn, String userId, String account) {
    forgetLongExpired();
    String keyId = "ASIA" + randomKeyIdPart(16);
    Duration granted = lifetime.compareTo(maxLifetime) < 0 ? lifetime : maxLifetime;
    Instant expiration = clock.instant().plus(granted).truncatedTo(ChronoUnit.SECONDS);
    Issued issued = new Issued(keyId, randomText(30), randomText(96), expiration,
        new Caller(keyId, arn, userId, account));
    byAccessKeyId.put(keyId, issued);
    return issued;
  }

  /** The credentials with this access key ID, expired or not, or null. */
  public Issued find(String accessKeyId) {
    return byAccessKeyId.get(accessKeyId);
  }

  public boolean isExpired(Issued issued) {
    return !clock.instant().isBefore(issued.expiration());
  }

  /** Forgets every credential issued so far: their next use is refused as an unknown key. */
  public void revokeAll() {
    byAccessKeyId.clear();
  }

  private void forgetLongExpired() {
    Instant horizon = clock.instant().minus(KEPT_AFTER_EXPIRY);
    byAccessKeyId.values().removeIf(issued -> issued.expiration().isBefore(horizon));
  }

  /** Characters as AWS uses them in key and principal IDs. */
  String randomKeyIdPart(int length) {
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = KEY_ID_ALPHABET[random.nextInt(KEY_ID_ALPHABET.length)];
    }
    return new String(chars);
  }

  private String randomText(int bytes) {
    byte[] raw = new byte[bytes];
    random.nextBytes(raw);
    return Base64.getEncoder().encodeToString(raw);
  }
}
