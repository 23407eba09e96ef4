package io.datadock.core.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** AES-256-GCM of one payload under an exported data key (the JDK's, hardware-accelerated). */
final class PayloadCipher {

  static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * One cipher per thread, initialised afresh for every payload (a new key and nonce each time):
   * looking a cipher up among the providers cost more than encrypting a secret.
   */
  private static final ThreadLocal<Cipher> CIPHERS =
      ThreadLocal.withInitial(
          () -> {
            try {
              return Cipher.getInstance("AES/GCM/NoPadding");
            } catch (GeneralSecurityException e) {
              throw new IllegalStateException("AES/GCM is not available", e);
            }
          });

  private PayloadCipher() {}

  static byte[] newNonce() {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    return nonce;
  }

  static byte[] encrypt(SecretKeySpec key, byte[] nonce, byte[] plaintext, byte[] aad)
      throws GeneralSecurityException {
    Cipher cipher = CIPHERS.get();
    cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(aad);
    return cipher.doFinal(plaintext);
  }

  static byte[] decrypt(SecretKeySpec key, byte[] nonce, byte[] ciphertext, byte[] aad)
      throws GeneralSecurityException {
    if (nonce.length != NONCE_BYTES) {
      throw new GeneralSecurityException("bad nonce length");
    }
    Cipher cipher = CIPHERS.get();
    cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(aad);
    return cipher.doFinal(ciphertext);
  }
}
