package io.datadock.core.crypto;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Properties;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;

/**
 * The key file: {@link Properties} syntax, three lines, text so an operator can check a backup by
 * eye.
 *
 * <pre>
 * created=1763987945123          (epoch millis; orders keys, so newest() is deterministic)
 * private=&lt;base64 of the 32-byte X25519 private key&gt;
 * public=&lt;base64 of the 32-byte X25519 public key&gt;
 * </pre>
 *
 * <p>Reading refuses a file whose public key is not its private key's, or whose name does not match
 * the key's id: a mixed-up file would otherwise surface much later, as payloads that do not open.
 * Errors name the file and the field, never its contents (a parser's message could quote key
 * characters), so causes are dropped on purpose.
 */
final class KeyFileFormat {

  private KeyFileFormat() {}

  static byte[] write(RingKey key) {
    String content =
        "created="
            + key.publicKey().createdAt()
            + "\nprivate="
            + Base64.getEncoder().encodeToString(key.privateKeyBytes())
            + "\npublic="
            + Base64.getEncoder().encodeToString(key.publicKey().publicKey())
            + "\n";
    return content.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * @param suffix what the file name must be after the key id; null for a mounted key, whose name
   *     the deployment chose
   * @throws IllegalStateException when the file is unusable, naming the file and the reason
   */
  static RingKey read(Path file, String suffix) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8), file, suffix);
  }

  static RingKey parse(String content, Path file, String suffix) throws IOException {
    Properties p = new Properties();
    p.load(new StringReader(content));
    byte[] privateKey = base64(p, "private", file);
    byte[] publicKey = base64(p, "public", file);
    long createdAt;
    try {
      createdAt = Long.parseLong(required(p, "created", file));
    } catch (NumberFormatException e) {
      throw malformed(file, "'created' is not epoch millis");
    }
    HPKE hpke = Hpke.suite();
    AsymmetricCipherKeyPair pair;
    byte[] derivedPublic;
    try {
      pair = hpke.deserializePrivateKey(privateKey, publicKey);
      derivedPublic =
          hpke.serializePublicKey(
              ((X25519PrivateKeyParameters) pair.getPrivate()).generatePublicKey());
    } catch (RuntimeException e) {
      throw malformed(file, "'private' or 'public' is not an X25519 key");
    }
    if (!MessageDigest.isEqual(derivedPublic, publicKey)) {
      throw malformed(file, "'public' is not the public key of 'private'");
    }
    String keyId = RecipientKey.idOf(publicKey);
    if (suffix != null && !file.getFileName().toString().equals(keyId + suffix)) {
      throw malformed(file, "it holds key " + keyId + " and must be named " + keyId + suffix);
    }
    return new RingKey(new RecipientKey(keyId, publicKey, createdAt), pair);
  }

  private static byte[] base64(Properties p, String name, Path file) {
    try {
      return Base64.getDecoder().decode(required(p, name, file));
    } catch (IllegalArgumentException e) {
      throw malformed(file, "'" + name + "' is not base64");
    }
  }

  private static String required(Properties p, String name, Path file) {
    String value = p.getProperty(name);
    if (value == null) {
      throw malformed(file, "it has no '" + name + "' line");
    }
    return value.trim();
  }

  private static IllegalStateException malformed(Path file, String why) {
    return new IllegalStateException("key file " + file.toAbsolutePath() + " is unusable: " + why);
  }
}
