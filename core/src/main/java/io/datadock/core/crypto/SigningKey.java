package io.datadock.core.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;

/**
 * secret-service's Ed25519 key that signs its sealing-key announcements on {@code secret.keys}
 * ({@link KeyAnnouncements}); gateways trust it through a {@link TrustAnchor}. Its file holds two
 * PEM blocks, the private key (PKCS#8) and the public key (X.509), mode 0600. Errors name the file,
 * never its contents.
 */
public final class SigningKey {

  static final String ALGORITHM = "Ed25519";

  private final PrivateKey privateKey;
  private final byte[] publicKey;

  private SigningKey(PrivateKey privateKey, byte[] publicKey) {
    this.privateKey = privateKey;
    this.publicKey = publicKey.clone();
  }

  public static SigningKey generate() {
    try {
      KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
      return new SigningKey(pair.getPrivate(), pair.getPublic().getEncoded());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no " + ALGORITHM, e);
    }
  }

  /**
   * @throws IllegalStateException naming the file when it is missing or not a signing key file
   */
  public static SigningKey read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the key-signing key file " + file);
    }
    byte[] privateDer = Pem.read(text, Pem.PRIVATE_KEY).orElseThrow(() -> malformed(file));
    byte[] publicDer = Pem.read(text, Pem.PUBLIC_KEY).orElseThrow(() -> malformed(file));
    SigningKey signing;
    try {
      PrivateKey key =
          KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(privateDer));
      signing = new SigningKey(key, publicDer);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw malformed(file);
    }
    byte[] probe = "probe".getBytes(StandardCharsets.US_ASCII);
    if (!TrustAnchor.verifies(publicDer, probe, signing.sign(probe))) {
      throw new IllegalStateException(
          "the key-signing key file " + file + ": its public key is not its private key's");
    }
    return signing;
  }

  /** The key in {@code file}, generated and written there first when the file does not exist. */
  public static SigningKey loadOrCreate(Path file) {
    if (Files.exists(file)) {
      return read(file);
    }
    SigningKey key = generate();
    key.writeTo(file);
    return key;
  }

  /** Writes this key to {@code file} ({@code rw-------}), atomically. */
  public void writeTo(Path file) {
    String content =
        Pem.block(Pem.PRIVATE_KEY, privateKey.getEncoded()) + Pem.block(Pem.PUBLIC_KEY, publicKey);
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      DurableFiles.write(file, content.getBytes(StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the key-signing key file " + file, e);
    }
  }

  /** The public key alone, as PEM: what a gateway may mount as its trust anchor. */
  public String publicKeyPem() {
    return Pem.block(Pem.PUBLIC_KEY, publicKey);
  }

  public byte[] sign(byte[] message) {
    try {
      Signature signature = Signature.getInstance(ALGORITHM);
      signature.initSign(privateKey);
      signature.update(message);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign with " + ALGORITHM, e);
    }
  }

  /** The public key, X.509 SubjectPublicKeyInfo encoded. */
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** {@code sha256:<hex>} of the public key: the trust anchor gateways are configured with. */
  public String fingerprint() {
    return TrustAnchor.fingerprintOf(publicKey);
  }

  private static IllegalStateException malformed(Path file) {
    return new IllegalStateException(
        "the key-signing key file "
            + file
            + " is not one: it must hold a PEM PRIVATE KEY (PKCS#8, Ed25519) and its PUBLIC KEY, as"
            + " NewSigningKey writes it");
  }
}
