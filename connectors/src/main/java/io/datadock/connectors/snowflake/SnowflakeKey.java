package io.datadock.connectors.snowflake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datadock.connectors.Credentials;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A Snowflake user's RSA key pair from the secret (key-pair authentication): the private key as
 * PKCS#8 PEM under the data or file key {@code key} (or {@code private_key}), encrypted ({@code
 * BEGIN ENCRYPTED PRIVATE KEY}, PBES2) when the secret also holds a {@code passphrase}. It signs
 * the login's JWT with the JDK (RS256): {@code iss} = {@code ACCOUNT.USER.SHA256:<fingerprint>},
 * {@code sub} = {@code ACCOUNT.USER}, valid for one minute. Messages never quote the key.
 */
final class SnowflakeKey {

  /** The secret's keys a private key may be under, data or file, in the order looked for. */
  static final String[] KEY_NAMES = {"key", "private_key"};

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  /** A key that cannot be used: the message names what is wrong, never a value. */
  static final class Unusable extends Exception {
    Unusable(String message) {
      super(message);
    }
  }

  private final RSAPrivateCrtKey privateKey;
  private final String fingerprint;

  private SnowflakeKey(RSAPrivateCrtKey privateKey) throws GeneralSecurityException {
    this.privateKey = privateKey;
    PublicKey publicKey =
        KeyFactory.getInstance("RSA")
            .generatePublic(
                new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
    this.fingerprint =
        "SHA256:"
            + Base64.getEncoder()
                .encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded()));
  }

  /** The PEM text of the secret's private key, or null when it holds none (a password login). */
  static String pem(Credentials credentials) {
    for (String name : KEY_NAMES) {
      byte[] file = credentials.files().get(name);
      if (file != null && file.length > 0) {
        return new String(file, StandardCharsets.US_ASCII);
      }
      String data = credentials.get(name);
      if (data != null && !data.isBlank()) {
        return data;
      }
    }
    return null;
  }

  /**
   * @throws Unusable when the PEM is not an RSA PKCS#8 key, or is encrypted and the passphrase does
   *     not open it
   */
  static SnowflakeKey of(String pem, String passphrase) throws Unusable {
    boolean encrypted = pem.contains("BEGIN ENCRYPTED PRIVATE KEY");
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    } catch (IllegalArgumentException e) {
      throw new Unusable("the secret's private key is not PEM");
    }
    try {
      PKCS8EncodedKeySpec spec =
          encrypted ? decrypt(der, passphrase) : new PKCS8EncodedKeySpec(der);
      if (KeyFactory.getInstance("RSA").generatePrivate(spec) instanceof RSAPrivateCrtKey key) {
        return new SnowflakeKey(key);
      }
      throw new Unusable("the secret's private key has no public exponent (not a full RSA key)");
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new Unusable(
          encrypted
              ? "the secret's encrypted private key does not open with its 'passphrase'"
              : "the secret's private key is not an RSA key in PKCS#8 PEM");
    }
  }

  private static PKCS8EncodedKeySpec decrypt(byte[] der, String passphrase)
      throws GeneralSecurityException, java.io.IOException {
    if (passphrase == null) {
      throw new GeneralSecurityException("no passphrase");
    }
    EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
    AlgorithmParameters parameters = info.getAlgParameters();
    // PBES2's parameters name the real scheme (PBEWithHmacSHA256AndAES_256)
    String scheme = parameters.toString();
    Cipher cipher = Cipher.getInstance(scheme);
    cipher.init(
        Cipher.DECRYPT_MODE,
        SecretKeyFactory.getInstance(scheme)
            .generateSecret(new PBEKeySpec(passphrase.toCharArray())),
        parameters);
    return info.getKeySpec(cipher);
  }

  /** {@code SHA256:<base64 of the SHA-256 of the public key's DER>}, as Snowflake shows it. */
  String fingerprint() {
    return fingerprint;
  }

  /** The login's JWT for {@code user} of {@code account}, issued {@code now}. */
  String jwt(SnowflakeAccount account, String user, Instant now) throws Unusable {
    String subject = account.jwtAccount() + "." + user.toUpperCase(Locale.ROOT);
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", subject + "." + fingerprint);
    claims.put("sub", subject);
    claims.put("iat", now.getEpochSecond());
    claims.put("exp", now.getEpochSecond() + 60);
    try {
      String signed = encode(Map.of("alg", "RS256", "typ", "JWT")) + "." + encode(claims);
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initSign(privateKey);
      rs256.update(signed.getBytes(StandardCharsets.US_ASCII));
      return signed + "." + URL.encodeToString(rs256.sign());
    } catch (GeneralSecurityException | JsonProcessingException e) {
      throw new Unusable(
          "the secret's private key cannot sign (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static String encode(Map<String, Object> json) throws JsonProcessingException {
    return URL.encodeToString(JSON.writeValueAsBytes(json));
  }
}
