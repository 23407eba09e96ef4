package io.datadock.core.crypto;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.hpke.HPKE;

/** The one HPKE suite Datadock uses (RFC 9180): X25519, HKDF-SHA256, AES-256-GCM, base mode. */
final class Hpke {

  /** Binds every encapsulation to its purpose, so one made for something else won't open. */
  static final byte[] INFO = "datadock/secret/v1".getBytes(StandardCharsets.UTF_8);

  /** The exporter context of the data key (RFC 9180 section 5.3). */
  static final byte[] DATA_KEY_CONTEXT =
      "datadock/secret/data-key".getBytes(StandardCharsets.UTF_8);

  static final int DATA_KEY_BYTES = 32;

  private Hpke() {}

  /** A fresh instance: BouncyCastle's HPKE keeps per-call state, so instances are not shared. */
  static HPKE suite() {
    return new HPKE(
        HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);
  }
}
