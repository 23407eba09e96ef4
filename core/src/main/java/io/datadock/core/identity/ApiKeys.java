package io.datadock.core.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API key tokens: {@code dda_<keyId>_<secret>}, the key id public (it names the key in listings and
 * revocations), the secret 256 random bits of which only a SHA-256 hash is ever stored. A
 * high-entropy secret needs no slow hash: there is nothing to brute-force.
 */
public final class ApiKeys {

  private static final Pattern TOKEN = Pattern.compile("dda_([0-9a-f]{16})_([A-Za-z0-9_-]{43})");
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A freshly issued key: the token is shown once; only the hash is kept. */
  public record Issued(String keyId, String token, String hash) {
    @Override
    public String toString() {
      return "Issued[keyId=" + keyId + "]";
    }
  }

  /** The two parts of a presented token. */
  public record Presented(String keyId, String secret) {
    @Override
    public String toString() {
      return "Presented[keyId=" + keyId + "]";
    }
  }

  private ApiKeys() {}

  public static Issued issue() {
    byte[] id = new byte[8];
    byte[] secret = new byte[32];
    RANDOM.nextBytes(id);
    RANDOM.nextBytes(secret);
    String keyId = HexFormat.of().formatHex(id);
    String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    return new Issued(keyId, "dda_" + keyId + "_" + secretText, hash(secretText));
  }

  public static Optional<Presented> parse(String token) {
    Matcher m = TOKEN.matcher(token);
    return m.matches() ? Optional.of(new Presented(m.group(1), m.group(2))) : Optional.empty();
  }

  public static String hash(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Constant-time: a comparison must not tell how much of a guess was right. */
  public static boolean matches(String secret, String storedHash) {
    return MessageDigest.isEqual(
        hash(secret).getBytes(StandardCharsets.US_ASCII),
        storedHash.getBytes(StandardCharsets.US_ASCII));
  }
}
