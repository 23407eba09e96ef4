package io.datadock.core.crypto;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.hpke.HPKE;

/** The one HPKE suite Datadock uses (RFC 9180): X25519, HKDF-SHA256, AES-256-GCM, base mode. */
final class Hpke {

  /** Binds every ciphertext to its purpose, so a payload sealed for something else won't open. */
  static final byte[] INFO = "datadock/secret/v1".getBytes(StandardCharsets.UTF_8);

  private Hpke() {}

  /** A fresh instance: BouncyCastle's HPKE keeps per-call state, so instances are not shared. */
  static HPKE suite() {
    return new HPKE(
        HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);
  }
}
