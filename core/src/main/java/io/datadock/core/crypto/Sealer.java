package io.datadock.core.crypto;

import io.datadock.schemas.common.SealedPayload;
import java.nio.ByteBuffer;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;

/** Seals plaintext to a recipient's public key. Thread-safe; each call encapsulates afresh. */
public final class Sealer {

  private Sealer() {}

  public static SealedPayload seal(
      RecipientKey recipient, byte[] plaintext, byte[] associatedData) {
    HPKE hpke = Hpke.suite();
    try {
      byte[][] sealed =
          hpke.seal(
              hpke.deserializePublicKey(recipient.publicKey()),
              Hpke.INFO,
              associatedData,
              plaintext,
              null,
              null,
              null);
      return SealedPayload.newBuilder()
          .setKeyId(recipient.keyId())
          .setCiphertext(ByteBuffer.wrap(sealed[0]))
          .setEnc(ByteBuffer.wrap(sealed[1]))
          .build();
    } catch (InvalidCipherTextException | RuntimeException e) {
      throw new SealingException("cannot seal to key " + recipient.keyId());
    }
  }
}
