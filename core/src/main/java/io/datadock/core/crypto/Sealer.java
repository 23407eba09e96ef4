package io.datadock.core.crypto;

import io.datadock.schemas.common.SealedPayload;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.hpke.HPKEContextWithEncapsulation;

/**
 * Seals plaintext to a recipient's public key, bound to associated data.
 *
 * <p>An HPKE encapsulation (two X25519 operations, about 130 µs here) exports a 256-bit data key
 * (RFC 9180 section 5.3); each payload is then AES-256-GCM under that key with a fresh random nonce
 * and the associated data. One encapsulation serves at most {@link #MAX_PAYLOADS} payloads or
 * {@link #MAX_AGE_MILLIS}, far inside GCM's limits for random nonces, so sealing costs microseconds
 * instead of an asymmetric operation per secret, and secret-service opens each encapsulation once.
 *
 * <p>Thread-safe: one instance is shared by all of a gateway's threads. BouncyCastle's {@link HPKE}
 * is not (its KEM keeps agreement state), so each encapsulation builds its own.
 */
public final class Sealer {

  static final long MAX_PAYLOADS = 1L << 20;
  static final long MAX_AGE_MILLIS = 10 * 60 * 1000L;

  private record Epoch(
      String keyId, byte[] enc, SecretKeySpec dataKey, long createdAt, AtomicLong used) {}

  private final long maxPayloads;
  private final long maxAgeMillis;
  private volatile Epoch epoch;

  public Sealer() {
    this(MAX_PAYLOADS, MAX_AGE_MILLIS);
  }

  /** Smaller limits, for tests of the epoch roll-over. */
  Sealer(long maxPayloads, long maxAgeMillis) {
    this.maxPayloads = maxPayloads;
    this.maxAgeMillis = maxAgeMillis;
  }

  /**
   * Seals {@code plaintext} to {@code recipient}, bound to {@code associatedData} (the resource
   * key): it opens only with the same associated data.
   *
   * @throws SealingException when the recipient's id is not the id of its public key, or the key is
   *     not a valid X25519 public key
   */
  public SealedPayload seal(RecipientKey recipient, byte[] plaintext, byte[] associatedData) {
    Epoch current = epochFor(recipient);
    byte[] nonce = PayloadCipher.newNonce();
    try {
      byte[] ciphertext =
          PayloadCipher.encrypt(current.dataKey(), nonce, plaintext, associatedData);
      return SealedPayload.newBuilder()
          .setKeyId(current.keyId())
          .setEnc(ByteBuffer.wrap(current.enc()))
          .setNonce(ByteBuffer.wrap(nonce))
          .setCiphertext(ByteBuffer.wrap(ciphertext))
          .build();
    } catch (GeneralSecurityException e) {
      throw new SealingException("cannot seal to key " + recipient.keyId());
    }
  }

  private Epoch epochFor(RecipientKey recipient) {
    Epoch current = epoch;
    if (usable(current, recipient) && current.used().incrementAndGet() <= maxPayloads) {
      return current;
    }
    synchronized (this) {
      current = epoch;
      if (usable(current, recipient) && current.used().incrementAndGet() <= maxPayloads) {
        return current;
      }
      epoch = current = encapsulate(recipient);
      current.used().incrementAndGet();
      return current;
    }
  }

  /** Comparing ids is enough: {@link #encapsulate} checked that the id names the key bytes. */
  private boolean usable(Epoch e, RecipientKey recipient) {
    return e != null
        && e.keyId().equals(recipient.keyId())
        && System.currentTimeMillis() - e.createdAt() < maxAgeMillis;
  }

  private static Epoch encapsulate(RecipientKey recipient) {
    // Recipient keys reach the gateway through a topic: a record whose id does not name its key
    // would give payloads secret-service looks up under the wrong key. Refuse it here, loudly.
    if (!recipient.idMatchesKey()) {
      throw new SealingException(
          "recipient key " + recipient.keyId() + " does not match its public key bytes");
    }
    try {
      HPKE hpke = Hpke.suite();
      HPKEContextWithEncapsulation context =
          hpke.setupBaseS(hpke.deserializePublicKey(recipient.publicKey()), Hpke.INFO);
      byte[] dataKey = context.export(Hpke.DATA_KEY_CONTEXT, Hpke.DATA_KEY_BYTES);
      return new Epoch(
          recipient.keyId(),
          context.getEncapsulation(),
          new SecretKeySpec(dataKey, "AES"),
          System.currentTimeMillis(),
          new AtomicLong());
    } catch (RuntimeException e) {
      throw new SealingException("cannot encapsulate to key " + recipient.keyId());
    }
  }
}
